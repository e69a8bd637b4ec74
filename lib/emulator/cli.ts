/**
 * `oos-emulator`: runs the emulator until SIGINT/SIGTERM. Prints where it listens and the
 * environment a client needs; never prints a secret other than the published default one.
 */
import { DEFAULT_EMULATOR_CREDENTIAL, type EmulatorCredential, type EmulatorOptions, type EmulatorProfile, type FaultSettings } from './options';
import { startEmulator } from './server';

const USAGE = `Usage: oos-emulator [options]

Local emulator of Alibaba Cloud OOS 2019-06-01 (chat configurations, tags, secret parameters).

Options:
  --port <n>                 TCP port (default 0: an ephemeral port)
  --host <addr>              loopback address to listen on (default 127.0.0.1)
  --data <file>              JSON file to keep state in (default: memory only)
  --access-key-id <id>       accepted AccessKey id (default ${DEFAULT_EMULATOR_CREDENTIAL.accessKeyId})
  --access-key-secret <s>    its secret; prefer the OOS_EMULATOR_ACCESS_KEY_SECRET environment
                             variable, which does not show in the process list
  --security-token <t>       STS token required with an STS.* AccessKey id
  --account-id <id>          account id used in webhook URLs (default 1234567890123456)
  --tag-resource-type <t>    ResourceType of chat configurations in the tag API (default chatconfiguration)
  --profile <model|strict>   model (default): what the provider's defaults assume beyond the docs
                             (chat configurations taggable, unknown Configuration keys kept);
                             strict: only what Alibaba's docs and SDK confirm (both refused)
  --strict                   the same as --profile strict
  --tag-resource-types <a,b> ResourceTypes the tag API accepts (default: template, parameter,
                             secretparameter, stateconfiguration, application, plus the
                             --tag-resource-type in the model profile); chat configurations are
                             taggable only when their type is listed
  --reject-unknown-configuration-keys
                             refuse Configuration keys other than <Type>TemplateId, <Type>ClientId,
                             <Type>ClientSecret and the WeChat settings (InvalidParameter); the
                             default in the strict profile
  --throttling-rate <r>      share (0..1) of requests answered Throttling.User
  --server-error-rate <r>    share (0..1) of requests answered ServiceUnavailable (503)
  --latency-ms <n>           delay added to every request
  --drop-rate <r>            share (0..1) of connections dropped without a response
  --lost-response-rate <r>   share (0..1) of requests carried out whose response is then lost
  --malformed-rate <r>       share (0..1) of requests carried out but answered with only a RequestId
  --fault-actions <a,b>      apply the faults above only to these actions (default: all)
  --fault-seed <n>           seed the fault dice so a faulty run can be repeated
  --max-faults <n>           inject at most this many faults in all, then none
  --help                     show this help
`;

const VALUE_OPTIONS = new Set([
  'port',
  'host',
  'data',
  'access-key-id',
  'access-key-secret',
  'security-token',
  'account-id',
  'tag-resource-type',
  'tag-resource-types',
  'profile',
  'throttling-rate',
  'server-error-rate',
  'latency-ms',
  'lost-response-rate',
  'fault-actions',
  'fault-seed',
  'malformed-rate',
  'max-faults',
  'drop-rate',
]);

/** Options that take no value; parsed as "true". */
const SWITCH_OPTIONS = new Set(['strict', 'reject-unknown-configuration-keys']);

export class UsageError extends Error {}

/** Parses `--name value` and `--name=value` pairs; unknown options are errors. */
export function parseArguments(argv: readonly string[]): Map<string, string> | 'help' {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--help' || argument === '-h') return 'help';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argument);
    if (match !== null && SWITCH_OPTIONS.has(match[1]) && match[2] === undefined) {
      values.set(match[1], 'true');
      continue;
    }
    if (match === null || !VALUE_OPTIONS.has(match[1])) throw new UsageError(`Unknown argument "${argument}".`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${match[1]} needs a value.`);
    values.set(match[1], value);
  }
  return values;
}

function numberOption(values: Map<string, string>, name: string): number | undefined {
  const text = values.get(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number.`);
  return value;
}

function profileOption(values: Map<string, string>): EmulatorProfile | undefined {
  const profile = values.get('profile') ?? (values.has('strict') ? 'strict' : undefined);
  if (profile !== undefined && profile !== 'model' && profile !== 'strict') throw new UsageError('--profile must be "model" or "strict".');
  if (values.has('strict') && profile !== 'strict') throw new UsageError('--strict and --profile model contradict each other.');
  return profile;
}

export function optionsFromArguments(values: Map<string, string>, env: NodeJS.ProcessEnv): EmulatorOptions {
  const accessKeyId = values.get('access-key-id');
  const accessKeySecret = values.get('access-key-secret') ?? env.OOS_EMULATOR_ACCESS_KEY_SECRET;
  const securityToken = values.get('security-token');
  let credentials: EmulatorCredential[] | undefined;
  if (accessKeyId !== undefined || accessKeySecret !== undefined) {
    if (accessKeyId === undefined || accessKeySecret === undefined) {
      throw new UsageError('--access-key-id and --access-key-secret (or OOS_EMULATOR_ACCESS_KEY_SECRET) go together.');
    }
    credentials = [{ accessKeyId, accessKeySecret, ...(securityToken !== undefined ? { securityToken } : {}) }];
  }
  const faults: FaultSettings = {
    throttlingRate: numberOption(values, 'throttling-rate'),
    serverErrorRate: numberOption(values, 'server-error-rate'),
    latencyMs: numberOption(values, 'latency-ms'),
    dropRate: numberOption(values, 'drop-rate'),
    lostResponseRate: numberOption(values, 'lost-response-rate'),
    malformedRate: numberOption(values, 'malformed-rate'),
    maxFaults: numberOption(values, 'max-faults'),
    actions: values
      .get('fault-actions')
      ?.split(',')
      .map((action) => action.trim()),
  };
  return {
    port: numberOption(values, 'port'),
    host: values.get('host'),
    dataFile: values.get('data'),
    credentials,
    accountId: values.get('account-id'),
    tagResourceType: values.get('tag-resource-type'),
    profile: profileOption(values),
    tagResourceTypes: values
      .get('tag-resource-types')
      ?.split(',')
      .map((type) => type.trim())
      .filter((type) => type !== ''),
    rejectUnknownConfigurationKeys: values.has('reject-unknown-configuration-keys') ? true : undefined,
    faults,
    faultSeed: numberOption(values, 'fault-seed'),
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

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  let options: EmulatorOptions;
  try {
    const values = parseArguments(argv);
    if (values === 'help') {
      process.stdout.write(USAGE);
      return;
    }
    options = optionsFromArguments(values, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`oos-emulator: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }

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
