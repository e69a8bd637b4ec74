/**
 * `npm run adopt -- <stack> [--prefix p] [--type DingTalk|WeChat] [--secrets parameter|variable] [--out file]`:
 * lists the chat configurations in the stack's region and account that no stack of this app
 * manages, and prints (or writes to --out) the statements that adopt them, to paste into buildApp
 * in main.ts right after the stack's line. Progress and notes go to stderr, so stdout is only
 * TypeScript. lib/adoption does the work; README "Adopting bots made in the console" is the guide.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENVIRONMENT_NAMES, EnvironmentName, environments } from '../config/environments';
import type { ProviderCredentials } from '../lib/constructs';
import type { CredentialSettings } from '../lib/oos';
import { SecretSource, adoptionClient, adoptionNotes, adoptionStatements, findAdoptionCandidates } from '../lib/adoption';
import { defineCommand, runCommand } from '../lib/command-line';
import { CHAT_PLATFORMS } from '../lib/domain';
import { EXIT_CODES } from '../lib/pipeline';
import { logProgress as log } from '../lib/tooling';
import { buildApp } from '../main';

const SECRET_SOURCES: readonly SecretSource[] = ['parameter', 'variable'];

const ADOPT = defineCommand({
  name: 'adopt',
  invocation: 'npm run adopt --',
  description: "Prints the statements that adopt the chat configurations in the stack's region and account that no stack manages.",
  positionals: [{ name: 'stack', description: 'the stack to adopt into', choices: ENVIRONMENT_NAMES }],
  options: {
    prefix: { type: 'string', value: 'name prefix', description: 'only configurations whose name starts with it' },
    type: { type: 'string', value: 'platform', choices: CHAT_PLATFORMS, description: 'only configurations of this platform' },
    secrets: { type: 'string', value: 'source', choices: SECRET_SOURCES, description: 'where the adopted secrets come from' },
    out: { type: 'string', value: 'file', description: 'write the statements to this file instead of stdout' },
  },
  usageExitCode: EXIT_CODES.error,
});

/** The stack's credentials as the OOS client takes them (keys themselves only ever come from the environment). */
function credentialSettings(credentials: ProviderCredentials | undefined): CredentialSettings | undefined {
  if (!credentials || credentials.kind === 'default-chain') return undefined;
  if (credentials.kind === 'profile') return { profile: credentials.profile };
  return {
    profile: credentials.profile,
    assumeRole: { roleArn: credentials.roleArn, sessionName: credentials.sessionName, durationSeconds: credentials.sessionExpiration },
  };
}

void runCommand(ADOPT, async ({ options, positionals }) => {
  const stack = positionals[0] as EnvironmentName; // one of ENVIRONMENT_NAMES: the parser checked it
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
    prefix: options.prefix,
    type: options.type,
    defaultTags: target.defaultTags,
    defaultResourceGroupId: target.resourceGroupId,
    takenIds: target.node.children.map((child) => child.node.id),
    secretSource: options.secrets,
  });
  for (const line of adoptionNotes(report, stack)) log(line);
  const statements = adoptionStatements(report, stack);
  const out = options.out;
  if (out) {
    fs.writeFileSync(path.resolve(out), statements);
    log(`wrote ${out}`);
  } else process.stdout.write(statements);
  if (report.candidates.length > 0)
    log(
      `paste ${out ? 'it' : 'the statements above'} into buildApp in main.ts right after "const ${stack} = new ChatOpsStack(…)", provide the secrets named, then npm run plan -- ${stack}`,
    );
  return 0;
});
