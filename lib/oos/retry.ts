/**
 * Retries with exponential backoff and full jitter until the call's deadline, optionally capped
 * by a retry count. Only throttling, server-side (5xx) and
 * network failures are retried; a 4xx client error (InvalidParameter, EntityNotExists, ...) is
 * final because repeating it cannot succeed.
 */
import { OosApiError, OosNetworkError } from './errors';
import { sleepUnlessAborted } from './rate-limiter';

export interface RetryPolicy {
  /** Optional cap on retries after the first attempt. Default: none, the deadline bounds them. */
  readonly maxRetries?: number;
  /** Cap of the first retry's delay; doubles each retry. Default 200 ms. */
  readonly baseDelayMs: number;
  /** Upper bound of any delay. Default 5000 ms. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  baseDelayMs: 200,
  maxDelayMs: 5000,
});

/** Time and randomness, injectable so tests run instantly and deterministically. */
export interface RetryClock {
  /** May end early when `signal` aborts; callers race the signal anyway. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Uniform in [0, 1). */
  readonly random: () => number;
  /** Milliseconds, monotonic enough for deadlines. */
  readonly now: () => number;
}

export const SYSTEM_CLOCK: RetryClock = Object.freeze({
  sleep: (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      // A stopped provider must not be kept alive by a pending backoff timer.
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
  random: Math.random,
  now: Date.now,
});

/** What a retry is about to do; for logging. */
export interface RetryEvent {
  /** The attempt that failed (1-based). */
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: unknown;
}

export interface AttemptContext {
  /** 1-based. */
  readonly attempt: number;
  /** Time left before the deadline, at the start of this attempt. */
  readonly remainingMs: number;
}

const RETRYABLE_CODES = new Set(['Rejected.Throttling', 'ServiceUnavailable', 'InternalError']);

/** Whether an error from one attempt is worth another. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof OosNetworkError) return err.retryable;
  if (err instanceof OosApiError) {
    if (err.code.startsWith('Throttling') || RETRYABLE_CODES.has(err.code)) return true;
    return err.httpStatus >= 500 && err.httpStatus <= 599;
  }
  return false;
}

/** Full jitter: uniform in [0, min(maxDelay, base * 2^retryIndex)). retryIndex is 0 for the first retry. */
export function backoffDelay(policy: RetryPolicy, retryIndex: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

export function resolveRetryPolicy(overrides: Partial<RetryPolicy> | undefined): RetryPolicy {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(overrides ?? {}) };
  for (const [field, value] of Object.entries(policy)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`retry.${field} must be a number >= 0, got ${String(value)}`);
    }
  }
  return policy;
}

function stripUndefined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface RetryOptions {
  readonly policy?: RetryPolicy;
  readonly clock?: RetryClock;
  /** Clock time (ms) after which no attempt starts and no wait ends (deadlines.ts says how callers get one). */
  readonly deadline: number;
  /** Ends every wait at once; the attempt in flight still finishes, no new one starts. */
  readonly signal?: AbortSignal;
  readonly onRetry?: (event: RetryEvent) => void;
  /**
   * Waits for permission to start an attempt (the client's rate limiter). Resolves false when
   * that wait would pass the deadline or the signal aborted.
   */
  readonly acquire?: (deadline: number, signal?: AbortSignal) => Promise<boolean>;
  /** The error when no attempt could start at all (stopped, or no time left). */
  readonly notStarted?: (why: 'stopped' | 'deadline') => Error;
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, runs out of retries, the
 * next wait would end past the deadline, or the signal aborts; then rethrows the last error
 * unchanged (or `notStarted(...)` when not even the first attempt could start).
 */
export async function withRetry<T>(attempt: (ctx: AttemptContext) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy = DEFAULT_RETRY_POLICY, clock = SYSTEM_CLOCK, deadline, signal, onRetry, acquire } = options;
  const giveUp = (lastError: unknown): never => {
    if (lastError !== undefined) throw lastError;
    const why = signal?.aborted ? 'stopped' : 'deadline';
    throw options.notStarted?.(why) ?? new Error(why === 'stopped' ? 'the call was stopped before it started' : 'the call ran out of time before it started');
  };
  let lastError: unknown;
  for (let n = 1; ; n++) {
    if (signal?.aborted || clock.now() >= deadline) giveUp(lastError);
    if (acquire && !(await acquire(deadline, signal))) giveUp(lastError);
    try {
      return await attempt({ attempt: n, remainingMs: Math.max(0, deadline - clock.now()) });
    } catch (err) {
      lastError = err;
      const retryIndex = n - 1;
      const ownLimit = err instanceof OosNetworkError ? (err.retryLimit ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
      if (!isRetryable(err) || retryIndex >= Math.min(policy.maxRetries ?? Number.POSITIVE_INFINITY, ownLimit) || signal?.aborted) throw err;
      let delayMs = backoffDelay(policy, retryIndex, clock.random);
      const asked = err instanceof OosApiError ? err.retryAfterMs : undefined;
      if (asked !== undefined && asked > delayMs) delayMs = Math.min(asked, policy.maxDelayMs);
      if (clock.now() + delayMs >= deadline) throw err;
      onRetry?.({ attempt: n, delayMs, error: err });
      if (!(await sleepUnlessAborted(clock, delayMs, signal))) throw err;
    }
  }
}
