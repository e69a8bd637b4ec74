/**
 * Terraform's `timeouts` block: its schema, its defaults as users write them ("5m"), and the
 * translation of a configured block into the one deadline every OOS call of an operation shares.
 * The default numbers are the OOS client's call budgets (DEFAULT_CALL_BUDGETS_MS); their "5m"
 * forms, the schema's descriptions and the docs' wording are derived from them here.
 */
import type { OosClient } from '../oos/client';
import type { CallOptions } from '../oos/deadlines';
import { DEFAULT_CALL_BUDGETS_MS, type ActionKind } from '../oos/deadlines';
import { duration, parseDuration } from '../tfplugin';

/** The operations a `timeouts` block bounds; each OOS call belongs to the one of its kind. */
export type TimeoutKind = ActionKind;

const KINDS: readonly TimeoutKind[] = ['create', 'update', 'delete', 'read'];

const UNITS: ReadonlyArray<readonly [suffix: string, ms: number]> = [
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/** A positive whole number of milliseconds as a Terraform duration, largest units first: 300000 → "5m", 90000 → "1m30s". */
export function formatDuration(ms: number): string {
  let left = ms;
  let text = '';
  for (const [suffix, size] of UNITS) {
    const count = Math.floor(left / size);
    if (count > 0) text += `${count}${suffix}`;
    left -= count * size;
  }
  return text || '0s';
}

/** The defaults of the `timeouts` block in its own syntax: create/update/delete "5m", read "2m". */
export const DEFAULT_TIMEOUTS: Readonly<Record<TimeoutKind, string>> = Object.freeze(
  Object.fromEntries(KINDS.map((kind) => [kind, formatDuration(DEFAULT_CALL_BUDGETS_MS[kind])])) as Record<TimeoutKind, string>,
);

/** The defaults in words, for the docs: "5 minutes to create, update or delete, 2 minutes to read". */
export function describeDefaultTimeouts(): string {
  const byBudget = new Map<number, TimeoutKind[]>();
  for (const kind of KINDS) byBudget.set(DEFAULT_CALL_BUDGETS_MS[kind], [...(byBudget.get(DEFAULT_CALL_BUDGETS_MS[kind]) ?? []), kind]);
  return [...byBudget]
    .map(([ms, kinds]) => `${inWords(ms)} to ${kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}` : kinds[0]}`)
    .join(', ');
}

function inWords(ms: number): string {
  const minutes = ms / 60_000;
  if (Number.isInteger(minutes)) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const seconds = ms / 1000;
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

function timeoutAttribute(kind: TimeoutKind) {
  return { type: 'string', optional: true, description: `Default \`${DEFAULT_TIMEOUTS[kind]}\`.`, validators: [duration()] } as const;
}

/** The `timeouts` block of a resource: how long each operation may take, retries included. */
export function timeoutsBlock() {
  return {
    nesting: 'single',
    block: {
      description: 'How long each operation may take, retries of throttled and failed calls included.',
      attributes: {
        create: timeoutAttribute('create'),
        update: timeoutAttribute('update'),
        delete: timeoutAttribute('delete'),
        read: timeoutAttribute('read'),
      },
    },
  } as const;
}

/** A `timeouts` block's values as the model holds them: null when the block or a field is unset. */
export type TimeoutsModel = { readonly [K in TimeoutKind]?: string | null } | null | undefined;

/**
 * One deadline for every call of a Terraform operation of `kind`: from the `timeouts` block, else
 * the default. Computed once at the operation's start, so create, tag and read back share it.
 */
export function operationDeadline(context: { readonly client: Pick<OosClient, 'deadlineAfter'> }, timeouts: TimeoutsModel, kind: TimeoutKind): CallOptions {
  const configured = timeouts?.[kind];
  const parsed = typeof configured === 'string' ? parseDuration(configured) : undefined;
  return { deadline: context.client.deadlineAfter(parsed ?? DEFAULT_CALL_BUDGETS_MS[kind]) };
}
