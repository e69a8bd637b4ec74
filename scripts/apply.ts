/**
 * `npm run apply -- <stack> <plan file> [--lock-timeout 5m]`: the merge half of the pipeline.
 * Applies exactly the reviewed plan file, non-interactively, on any runner with a checkout of the
 * same commit. Synthesis and init are still needed: they install the provider and the backend in
 * this checkout (terraform cannot apply a plan in a folder it has not initialised); the changes
 * and the configuration applied are the ones inside the plan file.
 *
 * Exit codes: 0 applied, 1 refused or failed (stale plan, missing TF_VAR_, lock held, apply error).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENVIRONMENT_NAMES } from '../config/environments';
import { defineCommand, runCommand } from '../lib/command-line';
import { EXIT_CODES, applyRefusal } from '../lib/pipeline';
import { logProgress as log, prepareStack } from '../lib/tooling';

const APPLY = defineCommand({
  name: 'apply',
  invocation: 'npm run apply --',
  description: 'Applies exactly a reviewed plan file (made by npm run plan from the same commit), non-interactively.',
  positionals: [
    { name: 'stack', description: 'the stack the plan is for', choices: ENVIRONMENT_NAMES },
    { name: 'plan file', description: 'the plan.tfplan that npm run plan wrote and reviewers approved' },
  ],
  options: {
    'lock-timeout': { type: 'string', value: 'duration', default: '0s', description: 'how long to wait for the state lock, e.g. 5m' },
  },
  usageExitCode: EXIT_CODES.error,
});

void runCommand(APPLY, async ({ options, positionals: [stack, planArgument] }) => {
  const planFile = path.resolve(planArgument);
  if (!fs.existsSync(planFile)) {
    throw new Error(`plan file ${planFile} does not exist: download the artefact of the reviewed plan (npm run plan writes plan-out/${stack}/plan.tfplan).`);
  }

  // terraform show -json does not mark ephemeral variables, so this checkout's synthesised
  // configuration (the same commit as the plan's) is where they are found, before anything runs.
  const prepared = await prepareStack(process.cwd(), stack, 'apply');

  log(`terraform apply ${path.relative(process.cwd(), planFile)} (${stack})`);
  const result = await prepared.workspace.run(['apply', '-input=false', '-no-color', `-lock-timeout=${options['lock-timeout']}`, planFile]);
  if (result.code === 0) {
    log(`applied ${stack} from ${planFile}`);
    return 0;
  }
  throw new Error(
    applyRefusal(result.stdout + result.stderr, stack, planFile) ??
      `terraform apply of ${planFile} failed (exit ${result.code}): see the terraform lines above.`,
  );
});
