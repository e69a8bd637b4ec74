/**
 * The two axes the machine-readable reports share: which policies ran (each with its own
 * violations) and which configurations they judged. One home, so SARIF and JUnit agree.
 */
import { chatConfigurationChanges } from './chat-configuration';
import type { PlanView } from './plan';
import type { PolicyReport, PolicyResult } from './policy';

/** What a policy judged: a chat configuration of the plan, or another resource a violation names. */
export interface PolicySubject {
  readonly address: string;
  /** The chat configuration's OOS name, when the subject is one. */
  readonly configurationName?: string;
}

/** Each policy that ran with its violations; a report without per-policy results is grouped by rule. */
export function policyOutcomes(report: PolicyReport): readonly PolicyResult[] {
  if (report.results) return report.results;
  const rules = [...new Set(report.violations.map((item) => item.rule))];
  return rules.map((rule) => ({ policy: rule, violations: report.violations.filter((item) => item.rule === rule) }));
}

/** Every chat configuration in the plan, then any other address a violation names, in plan order. */
export function policySubjects(plan: PlanView, report: PolicyReport): readonly PolicySubject[] {
  const subjects = new Map<string, PolicySubject>();
  for (const item of chatConfigurationChanges(plan)) subjects.set(item.address, { address: item.address, configurationName: item.name });
  for (const item of report.violations) {
    if (!subjects.has(item.address)) subjects.set(item.address, { address: item.address, configurationName: item.configurationName });
  }
  return [...subjects.values()];
}
