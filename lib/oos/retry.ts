/**
 * Retries with exponential backoff and full jitter, bounded by a retry count and a deadline.
 * Only throttling, server-side (5xx) and network failures are retried; a 4xx client error
 * (InvalidParameter, EntityNotExists, ...) is final because repeating it cannot succeed.
 */
import { OosApiError, OosNetworkError } from './errors';

export interface RetryPolicy {
  /** Retries after the first attempt. Default 5. */
  readonly maxRetries: number;
  /** Cap of the first retry's delay; doubles each retry. Default 200 ms. */
  readonly baseDelayMs: number;
  /** Upper bound of any delay. Default 5000 ms. */
  readonly maxDelayMs: number;
  /** No retry starts later than this after the first attempt. Default 120000 ms. */
  readonly deadlineMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxRetries: 5,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  deadlineMs: 120_000,
});

/** Time and randomness, injectable so tests run instantly and deterministically. */
export interface RetryClock {
  readonly sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1). */
  readonly random: () => number;
  /** Milliseconds, monotonic enough for deadlines. */
  readonly now: () => number;
}

export const SYSTEM_CLOCK: RetryClock = Object.freeze({
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
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
  const policy = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(overrides ?? {}) };
  for (const [field, value] of Object.entries(policy)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`retry.${field} must be a number >= 0, got ${String(value)}`);
    }
  }
  return policy;
}

function stripUndefined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, runs out of retries, the
 * next delay would end past the deadline, or `stopped()` says the caller is shutting down; then
 * rethrows the last error unchanged.
 */
export async function withRetry<T>(
  attempt: (ctx: AttemptContext) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  clock: RetryClock = SYSTEM_CLOCK,
  onRetry?: (event: RetryEvent) => void,
  stopped: () => boolean = () => false,
): Promise<T> {
  const start = clock.now();
  for (let n = 1; ; n++) {
    try {
      return await attempt({ attempt: n, remainingMs: Math.max(0, start + policy.deadlineMs - clock.now()) });
    } catch (err) {
      const retryIndex = n - 1;
      if (!isRetryable(err) || retryIndex >= policy.maxRetries || stopped()) throw err;
      let delayMs = backoffDelay(policy, retryIndex, clock.random);
      const asked = err instanceof OosApiError ? err.retryAfterMs : undefined;
      if (asked !== undefined && asked > delayMs) delayMs = Math.min(asked, policy.maxDelayMs);
      if (clock.now() + delayMs - start >= policy.deadlineMs) throw err;
      onRetry?.({ attempt: n, delayMs, error: err });
      await clock.sleep(delayMs);
    }
  }
}
