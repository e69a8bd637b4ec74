/**
 * Client-side adaptive rate limiting, shared by every call of one client: a token bucket whose
 * rate drops multiplicatively when OOS answers Throttling and grows back along a cubic curve
 * (CUBIC, as in the AWS SDKs' adaptive retry mode) while answers succeed. With 300 resources
 * applied at once, the whole provider slows down instead of each call backing off alone.
 *
 * Differences from the AWS design, and why:
 * - One decrease per congestion event: a Throttling answer to a request sent before the last
 *   decrease took effect says nothing about the new rate (TCP's rule for losses in one window).
 *   Without it, a burst of answers to requests already in flight collapses the rate to the floor.
 * - Tokens can be reserved ahead (the count goes negative): concurrent callers queue in arrival
 *   order instead of all waking at once and stampeding.
 * The limiter starts disabled and turns on at the first Throttling answer, so a client that is
 * never throttled never waits.
 */

/** The time source the limiter waits on. */
export interface LimiterClock {
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RateLimiterSettings {
  /** Floor of the send rate, requests per second. */
  readonly minRate: number;
  /** Multiplier applied to the rate on a Throttling answer. */
  readonly beta: number;
  /** CUBIC's scaling constant: how fast the rate grows back (requests/s per s³). */
  readonly scale: number;
}

export const DEFAULT_RATE_LIMITER_SETTINGS: RateLimiterSettings = Object.freeze({ minRate: 1, beta: 0.7, scale: 0.4 });

/**
 * After a decrease, further Throttling answers are ignored until the rate has had time to grow
 * back (CUBIC's K), but at most this long: a rate far above OOS's limit must still fall quickly.
 * Random throttling (not caused by our rate) then costs one decrease per second, which the
 * cubic growth makes up for, instead of one per answer, which would starve the provider.
 */
const MAX_COOL_DOWN_MS = 1000;
/** Length of one bucket of the measured send rate. */
const MEASURE_BUCKET_MS = 500;
/** Shortest span a first estimate of the send rate is taken over (a burst is not an infinite rate). */
const MIN_MEASURE_MS = 100;
/** Weight of the newest bucket in the smoothed send rate. */
const MEASURE_SMOOTHING = 0.8;

export class AdaptiveRateLimiter {
  private enabled = false;
  private fillRate = Number.POSITIVE_INFINITY;
  private capacity = 1;
  private tokens = 0;
  private lastRefill: number;
  private measuredRate = 0;
  private countInBucket = 0;
  private bucketStart: number | undefined;
  private lastMaxRate = 0;
  private lastThrottleAt: number;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;
  private readonly settings: RateLimiterSettings;

  constructor(
    private readonly clock: LimiterClock,
    settings: Partial<RateLimiterSettings> = {},
  ) {
    this.settings = { ...DEFAULT_RATE_LIMITER_SETTINGS, ...settings };
    const now = clock.now();
    this.lastRefill = now;
    this.lastThrottleAt = now;
  }

  /** Requests per second allowed now; undefined while not throttled yet. */
  get rate(): number | undefined {
    return this.enabled ? this.fillRate : undefined;
  }

  /**
   * Waits for permission to send one request. Resolves false, without taking a token, when the
   * wait would end after `deadline` (clock ms) or `signal` aborts first.
   */
  async acquire(deadline: number, signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return false;
    const now = this.clock.now();
    if (!this.enabled) {
      this.measure(now);
      return true;
    }
    this.refill(now);
    const waitMs = this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.fillRate) * 1000;
    if (now + waitMs > deadline) return false;
    this.tokens -= 1;
    if (waitMs > 0 && !(await sleepUnlessAborted(this.clock, waitMs, signal))) {
      this.tokens += 1;
      return false;
    }
    this.measure(this.clock.now());
    return true;
  }

  /** Feeds back one answer to a request sent at `sentAt` (clock ms). */
  record(throttled: boolean, sentAt: number): void {
    const now = this.clock.now();
    let target: number;
    if (throttled) {
      if (this.enabled && (sentAt < this.lastDecreaseAt || now < this.lastDecreaseAt + Math.min(this.recoveryMs(), MAX_COOL_DOWN_MS))) return;
      const measured = this.sendRate(now);
      const rateToUse = this.enabled ? Math.min(measured, this.fillRate) : measured;
      this.lastMaxRate = Math.max(rateToUse, this.settings.minRate);
      this.lastThrottleAt = now;
      this.lastDecreaseAt = now;
      this.enabled = true;
      target = this.lastMaxRate * this.settings.beta;
    } else {
      if (!this.enabled) return;
      const t = (now - this.lastThrottleAt - this.recoveryMs()) / 1000;
      target = Math.min(this.settings.scale * t ** 3 + this.lastMaxRate, 2 * Math.max(this.sendRate(now), this.settings.minRate));
    }
    this.setRate(now, target);
  }

  /** CUBIC's K: how long the rate takes to grow back to where it was before the last decrease. */
  private recoveryMs(): number {
    return Math.cbrt((this.lastMaxRate * (1 - this.settings.beta)) / this.settings.scale) * 1000;
  }

  private setRate(now: number, rate: number): void {
    this.refill(now);
    this.fillRate = Math.max(rate, this.settings.minRate);
    this.capacity = Math.max(this.fillRate, 1);
    this.tokens = Math.min(this.tokens, this.capacity);
  }

  private refill(now: number): void {
    if (Number.isFinite(this.fillRate)) this.tokens = Math.min(this.capacity, this.tokens + ((now - this.lastRefill) / 1000) * this.fillRate);
    this.lastRefill = now;
  }

  /** The smoothed rate, or before the first bucket closes the rate so far. */
  private sendRate(now: number): number {
    if (this.measuredRate > 0) return this.measuredRate;
    return (this.countInBucket * 1000) / Math.max(now - (this.bucketStart ?? now), MIN_MEASURE_MS);
  }

  /** Smoothed rate of requests sent per second, over half-second buckets; called per send. */
  private measure(now: number): void {
    this.countInBucket += 1;
    this.bucketStart ??= now;
    const elapsed = now - this.bucketStart;
    if (elapsed < MEASURE_BUCKET_MS) return;
    const current = (this.countInBucket * 1000) / elapsed;
    this.measuredRate = current * MEASURE_SMOOTHING + this.measuredRate * (1 - MEASURE_SMOOTHING);
    this.countInBucket = 0;
    this.bucketStart = now;
  }
}

/** Sleeps `ms` on `clock`; resolves false as soon as `signal` aborts. */
export async function sleepUnlessAborted(clock: Pick<LimiterClock, 'sleep'>, ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return false;
  if (!signal) {
    await clock.sleep(ms);
    return true;
  }
  let onAbort = (): void => undefined;
  const aborted = new Promise<false>((resolve) => {
    onAbort = () => resolve(false);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([clock.sleep(ms, signal).then(() => true), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
