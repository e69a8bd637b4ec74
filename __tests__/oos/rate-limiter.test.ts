/**
 * The adaptive rate limiter every call of one client shares (issue 8, defect 4): it stays out of
 * the way until OOS throttles, then slows all callers down together and speeds up again while
 * answers succeed.
 */
import { AdaptiveRateLimiter, type LimiterClock } from '../../lib/oos/rate-limiter';

/** Virtual time: sleeping advances it; nothing waits for real. */
function virtualClock(): LimiterClock & { time: number; slept: number[] } {
  const clock = {
    time: 0,
    slept: [] as number[],
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.time += ms;
    },
  };
  return clock;
}

/** Sends `n` requests one after another, each answered after `latencyMs`, throttled when `throttled(i)`. */
async function send(limiter: AdaptiveRateLimiter, clock: ReturnType<typeof virtualClock>, n: number, throttled: (i: number) => boolean): Promise<void> {
  for (let i = 0; i < n; i++) {
    await limiter.acquire(Number.POSITIVE_INFINITY);
    const sentAt = clock.time;
    clock.time += 5;
    limiter.record(throttled(i), sentAt);
  }
}

describe('adaptive rate limiter', () => {
  test('never makes a caller wait before the first Throttling answer', async () => {
    const clock = virtualClock();
    const limiter = new AdaptiveRateLimiter(clock);
    await send(limiter, clock, 500, () => false);
    expect(clock.slept).toEqual([]);
    expect(limiter.rate).toBeUndefined();
  });

  test('a Throttling answer cuts the rate to 70% of the measured send rate, and callers then wait', async () => {
    const clock = virtualClock();
    const limiter = new AdaptiveRateLimiter(clock);
    await send(limiter, clock, 200, () => false); // one answer every 5 ms: 200/s
    await send(limiter, clock, 1, () => true);
    expect(limiter.rate).toBeGreaterThan(100);
    expect(limiter.rate).toBeLessThan(160);
    await send(limiter, clock, 400, () => false);
    expect(clock.slept.length).toBeGreaterThan(0);
  });

  test('sustained throttling drives the rate down multiplicatively, to the 1 request/s floor', async () => {
    const clock = virtualClock();
    const limiter = new AdaptiveRateLimiter(clock);
    await send(limiter, clock, 100, () => false);
    const rates: number[] = [];
    for (let second = 0; second < 20; second++) {
      await send(limiter, clock, 5, () => true);
      clock.time += 1000;
      rates.push(limiter.rate ?? Number.NaN);
    }
    expect(rates[5]).toBeLessThan(rates[0]);
    expect(rates[19]).toBe(1);
  });

  test('the rate grows back while answers succeed', async () => {
    const clock = virtualClock();
    const limiter = new AdaptiveRateLimiter(clock);
    await send(limiter, clock, 100, () => false);
    for (let i = 0; i < 10; i++) {
      await send(limiter, clock, 3, () => true);
      clock.time += 1000;
    }
    const low = limiter.rate ?? 0;
    await send(limiter, clock, 300, () => false);
    expect(limiter.rate).toBeGreaterThan(low * 3);
  });

  test('answers to requests sent before a decrease do not decrease it again', async () => {
    const clock = virtualClock();
    const limiter = new AdaptiveRateLimiter(clock);
    await send(limiter, clock, 200, () => false);
    const inFlightSentAt = clock.time;
    clock.time += 5;
    limiter.record(true, clock.time);
    const afterOne = limiter.rate;
    for (let i = 0; i < 20; i++) limiter.record(true, inFlightSentAt);
    expect(limiter.rate).toBe(afterOne);
  });

  test('concurrent callers queue one behind the other at the allowed rate', async () => {
    const clock = virtualClock();
    const limiter = new AdaptiveRateLimiter(clock);
    for (let i = 0; i < 10; i++) limiter.record(true, -1);
    clock.time += 10_000;
    limiter.record(true, clock.time);
    const rate = limiter.rate ?? 0;
    const waits: number[] = [];
    // They all arrive at the same instant: time stands still while they are told how long to wait.
    const frozen = new AdaptiveRateLimiter({ now: () => 0, sleep: async (ms) => void waits.push(ms) });
    frozen.record(true, -1);
    const frozenRate = frozen.rate ?? 0;
    await Promise.all(Array.from({ length: 5 }, () => frozen.acquire(Number.POSITIVE_INFINITY)));
    expect(rate).toBeGreaterThan(0);
    // Each later caller waits one more token's time than the one before.
    expect(waits.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < waits.length; i++) expect(waits[i] - waits[i - 1]).toBeCloseTo(1000 / frozenRate, 0);
  });

  test('a wait that would end past the deadline is refused without taking a token, and an abort ends a wait', async () => {
    const clock = virtualClock();
    const limiter = new AdaptiveRateLimiter(clock);
    limiter.record(true, 0);
    await limiter.acquire(Number.POSITIVE_INFINITY);
    expect(await limiter.acquire(clock.time + 1)).toBe(false);
    const aborted = new AbortController();
    aborted.abort();
    expect(await limiter.acquire(Number.POSITIVE_INFINITY, aborted.signal)).toBe(false);
  });
});
