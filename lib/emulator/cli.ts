/**
 * `oos-emulator`: runs the emulator until SIGINT/SIGTERM. Prints where it listens and the
 * environment a client needs; never prints a secret other than the published default one.
 */
import { type CommandLine, UsageError, defineCommand, parseCommandLine } from '../command-line';
import { DEFAULT_EMULATOR_CREDENTIAL, type EmulatorCredential, type EmulatorOptions, type EmulatorProfile, type FaultSettings } from './options';
import { startEmulator } from './server';

const RATE = 'share (0..1) of requests';

/** The command line of `oos-emulator`; the usage text is written from it. */
export const EMULATOR_COMMAND = defineCommand({
  name: 'oos-emulator',
  invocation: 'oos-emulator',
  description: 'Local emulator of Alibaba Cloud OOS 2019-06-01 (chat configurations, tags, secret parameters).',
  options: {
    port: { type: 'number', integer: true, value: 'n', description: 'TCP port (default 0: an ephemeral port)' },
    host: { type: 'string', value: 'addr', description: 'loopback address to listen on (default 127.0.0.1)' },
    data: { type: 'string', value: 'file', description: 'JSON file to keep state in (default: memory only)' },
    'access-key-id': { type: 'string', value: 'id', description: `accepted AccessKey id (default ${DEFAULT_EMULATOR_CREDENTIAL.accessKeyId})` },
    'access-key-secret': {
      type: 'string',
      value: 's',
      description: 'its secret; prefer the OOS_EMULATOR_ACCESS_KEY_SECRET environment\nvariable, which does not show in the process list',
    },
    'security-token': { type: 'string', value: 't', description: 'STS token required with an STS.* AccessKey id' },
    'account-id': { type: 'string', value: 'id', description: 'account id used in webhook URLs (default 1234567890123456)' },
    'tag-resource-type': { type: 'string', value: 't', description: 'ResourceType of chat configurations in the tag API (default chatconfiguration)' },
    profile: {
      type: 'string',
      value: 'model|strict',
      description:
        "model (default): what the provider's defaults assume beyond the docs\n(chat configurations taggable, unknown Configuration keys kept);\nstrict: only what Alibaba's docs and SDK confirm (both refused)",
    },
    strict: { type: 'boolean', description: 'the same as --profile strict' },
    'tag-resource-types': {
      type: 'string',
      value: 'a,b',
      description:
        'ResourceTypes the tag API accepts (default: template, parameter,\nsecretparameter, stateconfiguration, application, plus the\n--tag-resource-type in the model profile); chat configurations are\ntaggable only when their type is listed',
    },
    'reject-unknown-configuration-keys': {
      type: 'boolean',
      description:
        'refuse Configuration keys other than <Type>TemplateId, <Type>ClientId,\n<Type>ClientSecret and the WeChat settings (InvalidParameter); the\ndefault in the strict profile',
    },
    'throttling-rate': { type: 'number', value: 'r', description: `${RATE} answered Throttling.User` },
    'server-error-rate': { type: 'number', value: 'r', description: `${RATE} answered ServiceUnavailable (503)` },
    'latency-ms': { type: 'number', value: 'n', description: 'delay added to every request' },
    'drop-rate': { type: 'number', value: 'r', description: 'share (0..1) of connections dropped without a response' },
    'lost-response-rate': { type: 'number', value: 'r', description: `${RATE} carried out whose response is then lost` },
    'malformed-rate': { type: 'number', value: 'r', description: `${RATE} carried out but answered with only a RequestId` },
    'fault-actions': { type: 'string', value: 'a,b', description: 'apply the faults above only to these actions (default: all)' },
    'fault-seed': { type: 'number', value: 'n', description: 'seed the fault dice so a faulty run can be repeated' },
    'max-faults': { type: 'number', value: 'n', description: 'inject at most this many faults in all, then none' },
  },
});

type EmulatorCommandLine = CommandLine<(typeof EMULATOR_COMMAND)['options']>;

function profileOption(options: EmulatorCommandLine['options']): EmulatorProfile | undefined {
  const profile = options.profile ?? (options.strict ? 'strict' : undefined);
  if (profile !== undefined && profile !== 'model' && profile !== 'strict') throw new UsageError('--profile must be "model" or "strict".');
  if (options.strict && profile !== 'strict') throw new UsageError('--strict and --profile model contradict each other.');
  return profile;
}

/** The emulator's options from its command line (`argv`) and environment; mistakes are UsageErrors. */
export function optionsFromArguments(argv: readonly string[], env: NodeJS.ProcessEnv): EmulatorOptions {
  return emulatorOptions(parseCommandLine(EMULATOR_COMMAND, argv), env);
}

function emulatorOptions({ options }: EmulatorCommandLine, env: NodeJS.ProcessEnv): EmulatorOptions {
  const accessKeyId = options['access-key-id'];
  const accessKeySecret = options['access-key-secret'] ?? env.OOS_EMULATOR_ACCESS_KEY_SECRET;
  const securityToken = options['security-token'];
  let credentials: EmulatorCredential[] | undefined;
  if (accessKeyId !== undefined || accessKeySecret !== undefined) {
    if (accessKeyId === undefined || accessKeySecret === undefined) {
      throw new UsageError('--access-key-id and --access-key-secret (or OOS_EMULATOR_ACCESS_KEY_SECRET) go together.');
    }
    credentials = [{ accessKeyId, accessKeySecret, ...(securityToken !== undefined ? { securityToken } : {}) }];
  }
  const list = (text: string | undefined) =>
    text
      ?.split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const faults: FaultSettings = {
    throttlingRate: options['throttling-rate'],
    serverErrorRate: options['server-error-rate'],
    latencyMs: options['latency-ms'],
    dropRate: options['drop-rate'],
    lostResponseRate: options['lost-response-rate'],
    malformedRate: options['malformed-rate'],
    maxFaults: options['max-faults'],
    actions: list(options['fault-actions']),
  };
  return {
    port: options.port,
    host: options.host,
    dataFile: options.data,
    credentials,
    accountId: options['account-id'],
    tagResourceType: options['tag-resource-type'],
    profile: profileOption(options),
    tagResourceTypes: list(options['tag-resource-types']),
    rejectUnknownConfigurationKeys: options['reject-unknown-configuration-keys'] ? true : undefined,
    faults,
    faultSeed: options['fault-seed'],
  };
}

/** The lines printed once listening: the URL, then the environment a client sets. */
export function startupBanner(url: string, credential: EmulatorCredential): string[] {
  const isDefault =
    credential.accessKeyId === DEFAULT_EMULATOR_CREDENTIAL.accessKeyId && credential.accessKeySecret === DEFAULT_EMULATOR_CREDENTIAL.accessKeySecret;
  return [
    `OOS emulator listening on ${url}`,
    `  ALIBABA_CLOUD_ACCESS_KEY_ID=${credential.accessKeyId}`,
    isDefault
      ? `  ALIBABA_CLOUD_ACCESS_KEY_SECRET=${credential.accessKeySecret}   (the published default emulator credential)`
      : '  ALIBABA_CLOUD_ACCESS_KEY_SECRET=<the secret you configured>',
    ...(credential.securityToken !== undefined ? ['  ALIBABA_CLOUD_SECURITY_TOKEN=<the token you configured>'] : []),
    '  ALIBABA_CLOUD_REGION_ID=cn-hangzhou   (any region id works; state is kept per region)',
    `  ALIBABA_CLOUD_OOS_ENDPOINT=${url}`,
  ];
}

/** Runs the emulator until SIGINT/SIGTERM (the main of `oos-emulator`, for runCommand). */
export async function serveEmulator(commandLine: EmulatorCommandLine): Promise<void> {
  const options = emulatorOptions(commandLine, process.env);
  // Handlers go in before the banner: a supervisor may signal as soon as it reads the first line.
  const started = startEmulator(options);
  const stop = (): void => {
    started
      .then((emulator) => emulator.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const emulator = await started;
  const credential = (options.credentials ?? [DEFAULT_EMULATOR_CREDENTIAL])[0];
  process.stdout.write(`${startupBanner(emulator.url, credential).join('\n')}\n`);
}
