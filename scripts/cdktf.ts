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
import { ENVIRONMENT_NAMES } from '../config/environments';
import { defineCommand, runCommand } from '../lib/command-line';
import { EXIT_CODES } from '../lib/pipeline';
import { localDirOf, projectCliConfig, synthesizeCheckedStack } from '../lib/tooling';

const CDKTF = defineCommand({
  name: 'cdktf',
  invocation: 'npm run',
  description: 'Runs cdktf diff, deploy or destroy on a stack, with the checks and settings above.',
  positionals: [
    { name: 'command', description: 'the cdktf command', choices: ['diff', 'deploy', 'destroy'] },
    { name: 'stack', description: 'the stack', choices: ENVIRONMENT_NAMES },
  ],
  options: {},
  passesOn: 'cdktf options',
  usageExitCode: EXIT_CODES.error,
});

void runCommand(CDKTF, ({ positionals: [command, stack], passedOn }) => {
  const projectDir = process.cwd();
  synthesizeCheckedStack(projectDir, stack, command === 'diff' ? 'plan' : 'apply');
  const cdktf = join(projectDir, 'node_modules', '.bin', process.platform === 'win32' ? 'cdktf.cmd' : 'cdktf');
  const result = spawnSync(cdktf, [command, stack, ...passedOn, '--skip-synth'], {
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
});
