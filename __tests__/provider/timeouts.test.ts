/** The `timeouts` block: defaults derived from the OOS client's call budgets, and one deadline per operation. */
import { DEFAULT_CALL_BUDGETS_MS } from '../../lib/oos/deadlines';
import { DEFAULT_TIMEOUTS, describeDefaultTimeouts, formatDuration, operationDeadline, timeoutsBlock } from '../../lib/provider/timeouts';
import { parseDuration } from '../../lib/tfplugin';

test('durations are written with the largest units first', () => {
  expect(formatDuration(300_000)).toBe('5m');
  expect(formatDuration(90_000)).toBe('1m30s');
  expect(formatDuration(3_600_500)).toBe('1h500ms');
});

test('the defaults in Terraform syntax are the client call budgets, and parse back to them', () => {
  expect(DEFAULT_TIMEOUTS).toEqual({ create: '5m', update: '5m', delete: '5m', read: '2m' });
  for (const [kind, text] of Object.entries(DEFAULT_TIMEOUTS)) {
    expect(parseDuration(text)).toBe(DEFAULT_CALL_BUDGETS_MS[kind as keyof typeof DEFAULT_CALL_BUDGETS_MS]);
  }
});

test('the schema and the docs state the same defaults', () => {
  expect(timeoutsBlock().block.attributes.read.description).toBe('Default `2m`.');
  expect(describeDefaultTimeouts()).toBe('5 minutes to create, update or delete, 2 minutes to read');
});

describe('the deadline of an operation', () => {
  const context = { client: { deadlineAfter: (ms: number) => 1_000 + ms } };

  test('comes from the timeouts block when it sets the operation', () => {
    expect(operationDeadline(context, { create: '10s', read: null }, 'create')).toEqual({ deadline: 11_000 });
  });

  test('is the default when the block or the field is unset', () => {
    expect(operationDeadline(context, null, 'delete')).toEqual({ deadline: 1_000 + DEFAULT_CALL_BUDGETS_MS.delete });
    expect(operationDeadline(context, { create: '10s', read: null }, 'read')).toEqual({ deadline: 1_000 + DEFAULT_CALL_BUDGETS_MS.read });
  });
});
