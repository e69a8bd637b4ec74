/**
 * `npm run diff|deploy|destroy -- <stack> [cdktf options]`: plain `cdktf diff|deploy|destroy`, run
 * the way nothing is left outside the project and nothing waits for input that never comes:
 *
 * - the app is synthesised first and the stack's ephemeral variables are checked, so a missing
 *   `TF_VAR_` is named before terraform starts (then cdktf runs with --skip-synth);
 * - TF_INPUT=0, so terraform never prompts (a CI job has no one to answer);
 * - cdktf's plugin cache (~/.terraform.d/plugin-cache) is off: the provider comes from the stack
 *   folder's own mirror, checked against the committed lock;
 * - the project's own Terraform CLI configuration (.chatops/terraform.rc), never the user's.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { localDirOf, projectCliConfig, synthesizeStack } from '../lib/tooling';
import { ephemeralVariables, log, requireEphemeralVariables, runCli, stackName, UsageError } from './support/stack-commands';

const COMMANDS = ['diff', 'deploy', 'destroy'] as const;
type CdktfCommand = (typeof COMMANDS)[number];

async function main([command, ...args]: readonly string[]): Promise<number> {
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`expected one of ${COMMANDS.join(', ')}, got "${command ?? ''}"`);
  const usage = `npm run ${command} -- <stack> [cdktf ${command} options]`;
  const stack = stackName(
    args.find((arg) => !arg.startsWith('-')),
    usage,
  );
  const projectDir = process.cwd();
  const stackDir = synthesizeStack(projectDir, stack, log);
  requireEphemeralVariables(ephemeralVariables(join(stackDir, 'cdk.tf.json')), (command as CdktfCommand) === 'diff' ? 'plan' : 'apply');
  const cdktf = join(projectDir, 'node_modules', '.bin', process.platform === 'win32' ? 'cdktf.cmd' : 'cdktf');
  const result = spawnSync(cdktf, [command, ...args, '--skip-synth'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1',
      TF_CLI_CONFIG_FILE: projectCliConfig(localDirOf(projectDir)),
    },
  });
  if (result.error) throw new Error(`could not run ${cdktf}: ${result.error.message} (run npm ci first)`);
  return result.status ?? 1;
}

if (require.main === module) runCli(() => main(process.argv.slice(2)));
