/**
 * `npm run adopt -- <stack> [--prefix p] [--type DingTalk|WeChat] [--secrets parameter|variable] [--out file]`:
 * lists the chat configurations in the stack's region and account that no stack of this app
 * manages, and prints (or writes to --out) the statements that adopt them, to paste into buildApp
 * in main.ts right after the stack's line. Progress and notes go to stderr, so stdout is only
 * TypeScript. lib/adoption does the work; README "Adopting bots made in the console" is the guide.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENVIRONMENT_NAMES, environments } from '../config/environments';
import type { ProviderCredentials } from '../lib/constructs';
import type { CredentialSettings } from '../lib/oos';
import { SecretSource, adoptionClient, adoptionNotes, adoptionStatements, findAdoptionCandidates } from '../lib/adoption';
import { CHAT_PLATFORMS, ChatPlatform } from '../lib/domain';
import { buildApp } from '../main';
import { log, parseArgs, runCli, stackName, UsageError } from './support/stack-commands';

const USAGE = 'npm run adopt -- <stack> [--prefix <name prefix>] [--type DingTalk|WeChat] [--secrets parameter|variable] [--out <file>]';

/** The stack's credentials as the OOS client takes them (keys themselves only ever come from the environment). */
function credentialSettings(credentials: ProviderCredentials | undefined): CredentialSettings | undefined {
  if (!credentials || credentials.kind === 'default-chain') return undefined;
  if (credentials.kind === 'profile') return { profile: credentials.profile };
  return {
    profile: credentials.profile,
    assumeRole: { roleArn: credentials.roleArn, sessionName: credentials.sessionName, durationSeconds: credentials.sessionExpiration },
  };
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  throw new UsageError(`${flag} "${value}" is not one of ${allowed.join(', ')} (case-sensitive).\nusage: ${USAGE}`);
}

async function main(args: readonly string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['--prefix', '--type', '--secrets', '--out'], switches: [] }, USAGE);
  const stack = stackName(parsed.positional[0], USAGE);
  const type = oneOf<ChatPlatform>('--type', parsed.values.get('--type'), CHAT_PLATFORMS);
  const secretSource = oneOf<SecretSource>('--secrets', parsed.values.get('--secrets'), ['parameter', 'variable']);
  const settings = environments();
  const { stacks } = buildApp();
  const target = stacks[stack];
  const client = adoptionClient({
    stack,
    region: settings[stack].region,
    endpoint: settings[stack].endpoint,
    credentials: credentialSettings(settings[stack].credentials),
  });
  log(`listing the chat configurations of ${stack}'s region ${client.regionId} at ${client.endpoint.host}`);
  const report = await findAdoptionCandidates(client, {
    stack,
    owners: ENVIRONMENT_NAMES.map((name) => ({ stack: name, region: settings[name].region, names: stacks[name].chatConfigurations.map((c) => c.name) })),
    prefix: parsed.values.get('--prefix'),
    type,
    defaultTags: target.defaultTags,
    defaultResourceGroupId: target.resourceGroupId,
    takenIds: target.node.children.map((child) => child.node.id),
    secretSource,
  });
  for (const line of adoptionNotes(report, stack)) log(line);
  const statements = adoptionStatements(report, stack);
  const out = parsed.values.get('--out');
  if (out) {
    fs.writeFileSync(path.resolve(out), statements);
    log(`wrote ${out}`);
  } else process.stdout.write(statements);
  if (report.candidates.length > 0)
    log(
      `paste ${out ? 'it' : 'the statements above'} into buildApp in main.ts right after "const ${stack} = new ChatOpsStack(…)", provide the secrets named, then npm run plan -- ${stack}`,
    );
  return 0;
}

if (require.main === module) runCli(() => main(process.argv.slice(2)));
