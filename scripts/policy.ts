/**
 * `npm run policy -- <plan.json> --stack <name> [--allow-destructive]`: the policy gate alone, over
 * the JSON of a saved plan (`terraform show -json`), e.g. one made by another tool or job. Writes
 * summary.md, policy.sarif and policy.junit.xml to --out (default: the plan JSON's folder).
 * Exit codes: 0 no blocking violation, 3 a policy violation, 1 error (unreadable plan, policy threw).
 */
import * as path from 'node:path';
import { EXIT_CODES, blockingViolations, readPlanFile, writeReviewFiles } from '../lib/pipeline';
import { judge, log, parseArgs, reportViolations, runCli, stackName, UsageError } from './support/stack-commands';

const USAGE = 'npm run policy -- <plan.json> --stack <name> [--out <dir>] [--allow-destructive]';

async function main(args: readonly string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['--stack', '--out'], switches: ['--allow-destructive'] }, USAGE);
  if (!parsed.positional[0]) throw new UsageError(`no plan JSON given.\nusage: ${USAGE}`);
  const stack = stackName(parsed.values.get('--stack'), USAGE);
  const file = path.resolve(parsed.positional[0]);
  const plan = readPlanFile(file);
  const report = judge(plan, stack, parsed.switches.has('--allow-destructive'));
  reportViolations(report);
  writeReviewFiles(path.resolve(parsed.values.get('--out') ?? path.dirname(file)), { stack, plan, policy: report });
  const blocking = blockingViolations(report).length;
  log(`${report.evaluated} policies of ${stack} over ${file}: ${blocking} blocking, ${report.violations.length - blocking} warnings`);
  return blocking > 0 ? EXIT_CODES.policyViolation : EXIT_CODES.noChanges;
}

if (require.main === module) runCli(() => main(process.argv.slice(2)));
