/**
 * `npm run policy -- <plan.json> --stack <name> [--allow-destructive]`: the policy gate alone, over
 * the JSON of a saved plan (`terraform show -json`), e.g. one made by another tool or job. Writes
 * summary.md, policy.sarif and policy.junit.xml to --out (default: the plan JSON's folder).
 * Exit codes: 0 no blocking violation, 3 a policy violation, 1 error (unreadable plan, policy threw).
 */
import * as path from 'node:path';
import { ENVIRONMENT_NAMES, environments } from '../config/environments';
import { defineCommand, runCommand } from '../lib/command-line';
import { EXIT_CODES, blockingViolations, readPlanFile, runPolicyGate, violationLines, writeReviewFiles } from '../lib/pipeline';
import { logProgress as log } from '../lib/tooling';

const POLICY = defineCommand({
  name: 'policy',
  invocation: 'npm run policy --',
  description: "Runs a stack's policy gate over the JSON of a saved plan (terraform show -json) and writes the review files.",
  positionals: [{ name: 'plan.json', description: 'the plan JSON (terraform show -json <plan file>)' }],
  options: {
    stack: { type: 'string', value: 'name', required: true, choices: ENVIRONMENT_NAMES, description: 'the stack whose policies apply' },
    out: { type: 'string', value: 'dir', description: "folder of summary.md, policy.sarif and policy.junit.xml (default: the plan JSON's folder)" },
    'allow-destructive': { type: 'boolean', description: 'let replacements and destroys through the policies for this run' },
  },
  usageExitCode: EXIT_CODES.error,
});

void runCommand(POLICY, ({ options, positionals }) => {
  const stack = options.stack;
  const file = path.resolve(positionals[0]);
  const plan = readPlanFile(file);
  const report = runPolicyGate(plan, environments()[stack].policies, stack, options['allow-destructive']);
  for (const line of violationLines(report)) log(line);
  writeReviewFiles(path.resolve(options.out ?? path.dirname(file)), { stack, plan, policy: report });
  const blocking = blockingViolations(report).length;
  log(`${report.evaluated} policies of ${stack} over ${file}: ${blocking} blocking, ${report.violations.length - blocking} warnings`);
  return blocking > 0 ? EXIT_CODES.policyViolation : EXIT_CODES.noChanges;
});
