/**
 * policy.junit.xml: the policy run as JUnit XML, which every CI shows as a test report (GitLab
 * merge requests, Jenkins, Azure DevOps, GitHub test-report actions). One test case per policy per
 * configuration: a blocking violation is a failure, a warning passes with the warning in its
 * output, so the report reads like the exit code.
 */
import type { PlanView } from './plan';
import type { PolicyReport, Violation } from './policy';
import { PolicySubject, policyOutcomes, policySubjects } from './policy-subjects';

const SUITES_NAME = 'oos-chatops policies';

/** The JUnit XML of one stack's policy run over `plan`. */
export function policyJUnit(plan: PlanView, report: PolicyReport, stack: string): string {
  const subjects = policySubjects(plan, report);
  const cases = policyOutcomes(report).flatMap((outcome) => {
    // A plan without configurations still shows that each policy ran.
    const judged = subjects.length > 0 ? subjects : [{ address: '(plan)', configurationName: 'no chat configuration in this plan' }];
    return judged.map((subject) =>
      testCase(
        stack,
        outcome.policy,
        subject,
        outcome.violations.filter((item) => item.address === subject.address),
      ),
    );
  });
  const failures = cases.filter((item) => item.failed).length;
  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(SUITES_NAME)}" ${counts}>`,
    `  <testsuite name="${xml(stack)}" ${counts}>`,
    '    <properties>',
    `      <property name="stack" value="${xml(stack)}"/>`,
    `      <property name="terraform_version" value="${xml(plan.terraformVersion)}"/>`,
    '    </properties>',
    ...cases.map((item) => item.xml),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testCase(stack: string, policy: string, subject: PolicySubject, violations: readonly Violation[]): { failed: boolean; xml: string } {
  const name = subject.configurationName ? `${subject.configurationName} (${subject.address})` : subject.address;
  const open = `    <testcase classname="${xml(`${stack}.${policy}`)}" name="${xml(name)}"`;
  const line = (item: Violation) => `[${item.rule}] ${item.message} Fix: ${item.fix}`;
  const errors = violations.filter((item) => item.severity === 'error');
  const warnings = violations.filter((item) => item.severity === 'warning');
  if (errors.length === 0 && warnings.length === 0) return { failed: false, xml: `${open}/>` };
  const body = [
    ...errors.map((item) => `      <failure type="${xml(item.rule)}" message="${xml(item.message)}">${xml(line(item))}</failure>`),
    ...(warnings.length > 0 ? [`      <system-out>${xml(warnings.map((item) => `warning ${line(item)}`).join('\n'))}</system-out>`] : []),
  ];
  return { failed: errors.length > 0, xml: [`${open}>`, ...body, '    </testcase>'].join('\n') };
}

/** Text for an XML attribute or element: the five entities escaped, characters XML 1.0 forbids dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}
