/**
 * When a call must end: the caller's deadline, else a time budget by kind of action. Retries and
 * rate-limit waits all fit inside it (retry.ts, rate-limiter.ts).
 */
import type { CallHistory } from './errors';
import { OosConfigError } from './errors';

/** What an OOS action does, by its name: Create*, Update* and (Un)TagResources, Delete*, and the rest (Get*, List*). */
export type ActionKind = 'create' | 'update' | 'delete' | 'read';

/**
 * Time one call may take, retries and rate-limit waits included, when its caller sets no
 * deadline: 5 minutes to change something, 2 to read. Long enough for 300 parallel creates under
 * heavy throttling to converge; a call past it fails with its last error. The one definition:
 * callers that offer their own defaults derive them from it.
 */
export const DEFAULT_CALL_BUDGETS_MS: Readonly<Record<ActionKind, number>> = Object.freeze({
  create: 300_000,
  update: 300_000,
  delete: 300_000,
  read: 120_000,
});

const ACTION_KINDS: ReadonlyArray<readonly [RegExp, ActionKind]> = [
  [/^Create/, 'create'],
  [/^(Update|TagResources|UntagResources)/, 'update'],
  [/^Delete/, 'delete'],
];

export function actionKind(action: string): ActionKind {
  return ACTION_KINDS.find(([pattern]) => pattern.test(action))?.[1] ?? 'read';
}

/** The defaults with `overrides` applied; a budget that is not a positive number is refused, naming it. */
export function resolveCallBudgets(overrides: Partial<Record<ActionKind, number>> = {}): Readonly<Record<ActionKind, number>> {
  const budgets = { ...DEFAULT_CALL_BUDGETS_MS };
  for (const [kind, value] of Object.entries(overrides) as Array<[ActionKind, number | undefined]>) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new OosConfigError(`callBudgetMs.${kind} must be a positive number of milliseconds, got ${String(value)}`);
    budgets[kind] = value;
  }
  return Object.freeze(budgets);
}

/**
 * Per-call options every operation accepts. A caller whose one task makes several calls (create,
 * tag, read back) passes one `deadline` to all of them: `deadline: client.deadlineAfter(ms)`.
 */
export interface CallOptions {
  /** Client-clock time (ms) after which no attempt starts and no wait ends. Wins over `timeoutMs`. */
  readonly deadline?: number;
  /** Time budget of this call from now. Default: the client's budget for the action's kind. */
  readonly timeoutMs?: number;
  /** Ends this call's waits at once (like `stop()` for the whole client). */
  readonly signal?: AbortSignal;
  /**
   * Receives every attempt of the call when it ends, success or failure (a failure also carries
   * it as `error.history`). `outcomeUnknown` says an attempt may have been carried out unseen.
   */
  readonly onHistory?: (history: CallHistory) => void;
}

/** The deadline of a call of `kind` made now with `options`. */
export function deadlineOf(options: CallOptions, kind: ActionKind, budgets: Readonly<Record<ActionKind, number>>, now: number): number {
  return options.deadline ?? now + (options.timeoutMs ?? budgets[kind]);
}
