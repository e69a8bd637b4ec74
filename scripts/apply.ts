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
import { log, parseArgs, prepareStack, runCli, stackName, UsageError } from './support/stack-commands';

const USAGE = 'npm run apply -- <stack> <plan file> [--lock-timeout <duration, e.g. 5m>]';

/** Why terraform refused, in the words a CI job log needs; undefined for errors shown as they are. */
export function refusal(output: string, stack: string, planFile: string): string | undefined {
  if (/Saved plan is stale/i.test(output)) {
    return (
      `refused: ${planFile} is stale. The state of ${stack} changed since this plan was made (another apply ran), so applying it ` +
      `could undo or repeat that change. Nothing was applied. Plan again (npm run plan -- ${stack}), review the new summary and apply that plan.`
    );
  }
  if (/Error acquiring the state lock/i.test(output)) {
    return (
      `refused: another run holds the state lock of ${stack} (see the lock info above). Nothing was applied and the state is untouched. ` +
      'Wait for that run and retry (raise --lock-timeout to wait longer); its apply may make this plan stale.'
    );
  }
  return undefined;
}

async function main(args: readonly string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['--lock-timeout'], switches: [] }, USAGE);
  const stack = stackName(parsed.positional[0], USAGE);
  if (!parsed.positional[1]) throw new UsageError(`no plan file given: pass the plan.tfplan that npm run plan wrote and reviewers approved.\nusage: ${USAGE}`);
  const planFile = path.resolve(parsed.positional[1]);
  if (!fs.existsSync(planFile)) {
    throw new Error(`plan file ${planFile} does not exist: download the artefact of the reviewed plan (npm run plan writes plan-out/${stack}/plan.tfplan).`);
  }

  // terraform show -json does not mark ephemeral variables, so this checkout's synthesised
  // configuration (the same commit as the plan's) is where they are found, before anything runs.
  const prepared = await prepareStack(process.cwd(), stack, 'apply');

  log(`terraform apply ${path.relative(process.cwd(), planFile)} (${stack})`);
  const lockTimeout = parsed.values.get('--lock-timeout') ?? '0s';
  const result = await prepared.workspace.run(['apply', '-input=false', '-no-color', `-lock-timeout=${lockTimeout}`, planFile]);
  if (result.code === 0) {
    log(`applied ${stack} from ${planFile}`);
    return 0;
  }
  throw new Error(
    refusal(result.stdout + result.stderr, stack, planFile) ?? `terraform apply of ${planFile} failed (exit ${result.code}): see the terraform lines above.`,
  );
}

if (require.main === module) runCli(() => main(process.argv.slice(2)));
