/**
 * `npm run plan -- <stack> [--out dir] [--allow-destructive]`: the pull-request half of the
 * pipeline. Synthesises this checkout's app, plans into a saved plan file and writes, in the out
 * folder (default plan-out/<stack>): plan.tfplan (what `npm run apply` applies), plan.json
 * (`terraform show -json`) and summary.md (the PR comment, with the policy results).
 *
 * Exit codes (lib/pipeline/exit-code.ts): 0 no changes, 2 changes, 1 error, 3 policy violation.
 * docs/pipelines.md is the user's guide.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENVIRONMENT_NAMES, EnvironmentName, environments } from '../config/environments';
import { defineCommand, runCommand } from '../lib/command-line';
import { EXIT_CODES, headline, planExitCode, readPlanFile, runPolicyGate, violationLines, writeReviewFiles } from '../lib/pipeline';
import { expectTerraform, logProgress as log, prepareStack } from '../lib/tooling';

const PLAN = defineCommand({
  name: 'plan',
  invocation: 'npm run plan --',
  description: 'Plans a stack of this checkout into a saved plan file, with plan.json and summary.md (the PR comment) beside it.',
  positionals: [{ name: 'stack', description: 'the stack to plan', choices: ENVIRONMENT_NAMES }],
  options: {
    out: { type: 'string', value: 'dir', description: 'folder of plan.tfplan, plan.json and summary.md (default plan-out/<stack>)' },
    'allow-destructive': { type: 'boolean', description: 'let replacements and destroys through the policies for this run' },
  },
  usageExitCode: EXIT_CODES.error,
});

void runCommand(PLAN, async ({ options, positionals }) => {
  const stack = positionals[0] as EnvironmentName; // one of ENVIRONMENT_NAMES: the parser checked it
  const projectDir = process.cwd();
  const outDir = path.resolve(options.out ?? path.join('plan-out', stack));
  fs.mkdirSync(outDir, { recursive: true });
  const files = { plan: path.join(outDir, 'plan.tfplan'), json: path.join(outDir, 'plan.json'), summary: path.join(outDir, 'summary.md') };
  // A failed run must not leave an older plan behind for a later step to apply.
  for (const file of Object.values(files)) fs.rmSync(file, { force: true });

  const { workspace } = await prepareStack(projectDir, stack, 'plan');
  log(`terraform plan (${stack})`);
  await workspace.expect(['plan', '-input=false', '-no-color', '-detailed-exitcode', `-out=${files.plan}`], [0, 2]);
  // Not through the workspace's line printer: the JSON is data for the file, not log lines.
  const planJson = await expectTerraform(['show', '-json', files.plan], { cwd: workspace.dir, env: workspace.env });
  fs.writeFileSync(files.json, planJson.stdout);

  const plan = readPlanFile(files.json);
  const policy = runPolicyGate(plan, environments()[stack].policies, stack, options['allow-destructive']);
  writeReviewFiles(outDir, { stack, plan, policy, projectDir });
  for (const line of violationLines(policy)) log(line);
  const code = planExitCode({ plan, policy });
  log(`\n${headline(plan)}`);
  log(`wrote ${path.relative(projectDir, files.plan)}, ${path.relative(projectDir, files.json)} and ${path.relative(projectDir, files.summary)}`);
  if (code === EXIT_CODES.policyViolation) {
    fs.rmSync(files.plan, { force: true });
    log(`exit ${code}: a policy blocks this plan; the plan file was removed so it cannot be applied. See summary.md.`);
  } else log(`exit ${code}: ${code === EXIT_CODES.changes ? 'changes to review, then npm run apply -- ' + stack + ' ' + files.plan : 'no changes'}`);
  return code;
});
