/**
 * Everything a review tool reads from one policy run, written in one place: summary.md (the PR
 * comment), policy.sarif (code scanning), policy.junit.xml (test reports), and summary.md again
 * at the end of `$GITHUB_STEP_SUMMARY` when GitHub Actions sets it. `npm run plan` and
 * `npm run policy` both call writeReviewFiles, so their files never differ.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyJUnit } from './junit';
import type { PlanView } from './plan';
import type { PolicyReport } from './policy';
import { policySarif } from './sarif';
import { renderSummary } from './summary';
import { describeTarget, planTarget } from './target';

/** The files writeReviewFiles writes, by name in the out folder. */
export const REVIEW_FILES = { summary: 'summary.md', sarif: 'policy.sarif', junit: 'policy.junit.xml' } as const;

/** The file GitHub Actions shows on the run's summary page. */
export const STEP_SUMMARY_VARIABLE = 'GITHUB_STEP_SUMMARY';

export interface ReviewInput {
  readonly stack: string;
  readonly plan: PlanView;
  readonly policy: PolicyReport;
  /** The checkout: where main.ts (for SARIF locations) and git (for the commit) are. @default the current folder */
  readonly projectDir?: string;
  /** The environment terraform ran with: endpoint and region variables, GITHUB_STEP_SUMMARY, GITHUB_SHA. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** Paths written, and the step summary file appended to (if any). */
export interface ReviewFilesWritten {
  readonly summary: string;
  readonly sarif: string;
  readonly junit: string;
  readonly stepSummary?: string;
}

export function writeReviewFiles(outDir: string, input: ReviewInput): ReviewFilesWritten {
  const projectDir = input.projectDir ?? process.cwd();
  const env = input.env ?? process.env;
  mkdirSync(outDir, { recursive: true });
  const summary = renderSummary(input.plan, {
    stack: input.stack,
    policy: input.policy,
    target: describeTarget(planTarget(input.plan, env)),
    commit: plannedCommit(projectDir, env),
  });
  const sourceFile = join(projectDir, 'main.ts');
  const sarif = policySarif(input.plan, input.policy, {
    stack: input.stack,
    sourceUri: 'main.ts',
    sourceText: existsSync(sourceFile) ? readFileSync(sourceFile, 'utf8') : undefined,
  });
  const written = {
    summary: join(outDir, REVIEW_FILES.summary),
    sarif: join(outDir, REVIEW_FILES.sarif),
    junit: join(outDir, REVIEW_FILES.junit),
  };
  writeFileSync(written.summary, summary);
  writeFileSync(written.sarif, JSON.stringify(sarif, null, 2) + '\n');
  writeFileSync(written.junit, policyJUnit(input.plan, input.policy, input.stack));
  const stepSummary = env[STEP_SUMMARY_VARIABLE];
  // Appended, as GitHub asks: every step of the job writes to the same file.
  if (stepSummary) appendFileSync(stepSummary, summary + '\n');
  return { ...written, ...(stepSummary ? { stepSummary } : {}) };
}

/** `git rev-parse HEAD` of the checkout, else GITHUB_SHA, else undefined (not a git checkout). */
export function plannedCommit(projectDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: projectDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return env.GITHUB_SHA || undefined;
  }
}
