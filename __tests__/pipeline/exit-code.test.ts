/** Exit codes CI branches on: 0 no changes, 1 error, 2 changes, 3 policy violation. */
import { EXIT_CODES, PolicyReport, planExitCode, planFromJson } from '../../lib/pipeline';
import { recordedPlan } from './support/plan-fixtures';

const changes = recordedPlan('oos-every-change.plan.json');
const noChanges = recordedPlan('oos-no-changes.plan.json');
const blocking: PolicyReport = {
  evaluated: 1,
  violations: [{ rule: 'r', severity: 'error', stack: 's', address: 'a.b', message: 'm', fix: 'f' }],
};
const warningOnly: PolicyReport = { evaluated: 1, violations: [{ ...blocking.violations[0], severity: 'warning' }] };

test('the codes are 0, 1, 2 and 3', () => {
  expect(EXIT_CODES).toEqual({ noChanges: 0, error: 1, changes: 2, policyViolation: 3 });
});

test('no changes is 0', () => {
  expect(planExitCode({ plan: noChanges, policy: { evaluated: 5, violations: [] } })).toBe(0);
});

test('changes that pass the policies are 2, warnings included', () => {
  expect(planExitCode({ plan: changes })).toBe(2);
  expect(planExitCode({ plan: changes, policy: warningOnly })).toBe(2);
});

test('output-only changes are changes, as with terraform plan -detailed-exitcode', () => {
  const plan = planFromJson({ format_version: '1.2', resource_changes: [], output_changes: { x: { actions: ['create'], before: null, after: 1 } } });
  expect(planExitCode({ plan })).toBe(2);
});

test('a blocking violation is 3, over changes', () => {
  expect(planExitCode({ plan: changes, policy: blocking })).toBe(3);
});

test('an error is 1, over everything; so is a missing or errored plan', () => {
  expect(planExitCode({ plan: changes, policy: blocking, error: new Error('terraform failed') })).toBe(1);
  expect(planExitCode({})).toBe(1);
  expect(planExitCode({ plan: planFromJson({ format_version: '1.2', resource_changes: [], errored: true }) })).toBe(1);
});
