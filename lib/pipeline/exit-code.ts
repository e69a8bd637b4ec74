/**
 * Exit codes of `npm run plan`, so a CI job can branch without parsing output:
 *
 * | code | meaning                                                                  |
 * | ---- | ------------------------------------------------------------------------ |
 * | 0    | the plan has no changes (and no blocking policy violation)               |
 * | 1    | error: terraform failed, the plan JSON is unreadable or errored, a policy threw |
 * | 2    | the plan has changes and passes every policy: ready for review and apply |
 * | 3    | a policy violation blocks the plan: do not apply it                      |
 *
 * 0 and 2 match `terraform plan -detailed-exitcode`; 3 is new and wins over 2 (and over 0), so a
 * pipeline that only knows "2 means apply" can never apply a plan that broke a policy. Warnings do
 * not change the code.
 */
import { hasChanges, PlanView } from './plan';
import { blockingViolations, PolicyReport } from './policy';

export const EXIT_CODES = { noChanges: 0, error: 1, changes: 2, policyViolation: 3 } as const;
export type PlanExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** What a plan run ended with; give `error` when anything failed before a plan could be judged. */
export interface PlanOutcome {
  readonly plan?: PlanView;
  readonly policy?: PolicyReport;
  readonly error?: unknown;
}

export function planExitCode(outcome: PlanOutcome): PlanExitCode {
  if (outcome.error !== undefined || !outcome.plan || outcome.plan.errored) return EXIT_CODES.error;
  if (outcome.policy && blockingViolations(outcome.policy).length > 0) return EXIT_CODES.policyViolation;
  return hasChanges(outcome.plan) ? EXIT_CODES.changes : EXIT_CODES.noChanges;
}
