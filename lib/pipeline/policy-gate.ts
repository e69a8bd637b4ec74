/**
 * The policy gate of `npm run plan` and `npm run policy`: an environment's built-in policies
 * (switched on by settings) and its own rules, run over a plan; and the job-log line of each finding.
 */
import { type PolicySettings, builtInPolicies } from './built-in-policies';
import type { PlanView } from './plan';
import { type Policy, type PolicyReport, type Violation, evaluatePolicies } from './policy';

/** The policy gate of one environment: built-ins switched on by settings, plus the team's own rules. */
export interface PolicyGate {
  readonly builtIn: PolicySettings;
  /** Plain functions over the typed plan view, run after the built-ins. @default none */
  readonly custom?: readonly Policy[];
}

/** Runs the gate's built-in and custom policies over a plan of `stack` (whose environment has the same name). */
export function runPolicyGate(plan: PlanView, gate: PolicyGate, stack: string, allowDestructive: boolean): PolicyReport {
  return evaluatePolicies(plan, [...builtInPolicies(gate.builtIn), ...(gate.custom ?? [])], { stack, environment: stack, allowDestructive });
}

/** One line per violation for the job log: the same facts as summary.md. */
export function violationLines(report: PolicyReport): string[] {
  const line = (item: Violation) =>
    `${item.severity === 'error' ? 'POLICY VIOLATION' : 'policy warning'} [${item.rule}] ${item.stack}: ${item.configurationName ?? item.address} (${item.address}): ${item.message} Fix: ${item.fix}`;
  return report.violations.map(line);
}
