/**
 * Policies over the typed plan view. A policy is a plain function, so a team's own rule is a few
 * lines of TypeScript next to the built-ins:
 *
 * ```ts
 * const noWeChatInProd: Policy = (plan, context) =>
 *   context.environment !== 'prod' ? [] :
 *   chatConfigurationChanges(plan).filter((c) => c.after?.type === 'WeChat')
 *     .map((c) => violation(context, c, 'no-wechat-in-prod', 'WeChat bots are not approved for prod.', 'Use a DingTalk bot.'));
 * ```
 *
 * Severity: `error` blocks (exit code 3); `warning` is shown but does not block. A rule that cannot
 * decide before apply (the value is "known after apply") reports a warning, never an error, and never
 * silently passes: the reviewer sees what was not verified.
 */
import type { ChatConfigurationChange } from './chat-configuration';
import type { PlanView, ResourceChange } from './plan';

export type Severity = 'error' | 'warning';

export interface Violation {
  /** Short rule id, e.g. `ram-role-required`. */
  readonly rule: string;
  readonly severity: Severity;
  /** The stack (Terraform working directory) the plan belongs to. */
  readonly stack: string;
  /** Resource address, e.g. `oos_chat_configuration.alerts`. */
  readonly address: string;
  /** The chat configuration's name, when the violation is about one. */
  readonly configurationName?: string;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/** What a policy knows about the run besides the plan. */
export interface PolicyContext {
  readonly stack: string;
  /** Environment name, e.g. `dev` or `prod`. */
  readonly environment: string;
  /** Set for one run to let replacements and destroys through (e.g. `npm run plan -- --allow-destructive`). */
  readonly allowDestructive: boolean;
}

export type Policy = (plan: PlanView, context: PolicyContext) => readonly Violation[];

/** What one policy found. */
export interface PolicyResult {
  /** The policy's function name (e.g. `ramRoleRequired`), or `#<position>` for an anonymous one. */
  readonly policy: string;
  readonly violations: readonly Violation[];
}

export interface PolicyReport {
  /** How many policies ran. */
  readonly evaluated: number;
  /** Each policy that ran, in order, with its own violations. @default absent for reports made by hand */
  readonly results?: readonly PolicyResult[];
  /** Errors first, then warnings, each group in plan order. */
  readonly violations: readonly Violation[];
}

/** A policy threw instead of returning violations: the gate cannot say the plan passed. */
export class PolicyEvaluationError extends Error {
  constructor(
    readonly policy: string,
    cause: unknown,
  ) {
    super(`policy ${policy} failed: ${cause instanceof Error ? cause.message : String(cause)}. Fix the policy; the plan was not checked.`);
    this.name = 'PolicyEvaluationError';
  }
}

export function evaluatePolicies(plan: PlanView, policies: readonly Policy[], context: PolicyContext): PolicyReport {
  const results = policies.map((policy, index): PolicyResult => {
    const name = policy.name || `#${index + 1}`;
    try {
      return { policy: name, violations: [...policy(plan, context)] };
    } catch (error) {
      throw new PolicyEvaluationError(name, error);
    }
  });
  const violations = results.flatMap((result) => result.violations);
  return { evaluated: policies.length, results, violations: [...errorsOf(violations), ...violations.filter((item) => item.severity === 'warning')] };
}

/** The names of the policies that ran, or undefined when the report does not say. */
export function policyNames(report: PolicyReport): readonly string[] | undefined {
  return report.results?.map((result) => result.policy);
}

/** The violations that block the plan. */
export function blockingViolations(report: PolicyReport): readonly Violation[] {
  return errorsOf(report.violations);
}

/** A violation about one resource change or chat configuration change. */
export function violation(
  context: PolicyContext,
  subject: ChatConfigurationChange | ResourceChange,
  rule: string,
  message: string,
  fix: string,
  severity: Severity = 'error',
): Violation {
  const configurationName = 'change' in subject ? subject.name : undefined;
  return { rule, severity, stack: context.stack, address: subject.address, ...(configurationName ? { configurationName } : {}), message, fix };
}

function errorsOf(violations: readonly Violation[]): Violation[] {
  return violations.filter((item) => item.severity === 'error');
}
