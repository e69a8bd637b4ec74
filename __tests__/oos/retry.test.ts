import { OosApiError, OosNetworkError, OosTimeoutError } from '../../lib/oos/errors';
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryable, resolveRetryPolicy, SYSTEM_CLOCK, withRetry, type RetryClock } from '../../lib/oos/retry';
import { DEFAULT_CALL_BUDGETS_MS } from '../../lib/oos/deadlines';

/** A deadline no test here reaches: the fake clocks start at 0. */
const deadline = DEFAULT_CALL_BUDGETS_MS.read;

function apiError(code: string, httpStatus: number): OosApiError {
  return new OosApiError({ action: 'GetChatConfiguration', code, serverMessage: 'm', httpStatus, requestId: 'R' });
}

function fakeClock(random = () => 0.5): RetryClock & { sleeps: number[]; time: number } {
  const clock = {
    sleeps: [] as number[],
    time: 0,
    random,
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.time += ms;
    },
  };
  return clock;
}

/** An attempt function that fails with the given errors in order, then succeeds. */
function failingThen<T>(errors: unknown[], result: T): { fn: () => Promise<T>; calls: () => number } {
  let n = 0;
  return {
    fn: async () => {
      const err = errors[n++];
      if (err) throw err;
      return result;
    },
    calls: () => n,
  };
}

describe('retry policy', () => {
  test('defaults: no retry cap (the deadline bounds retries), 200 ms base, 5000 ms cap; calls without a deadline get 5 min to change, 2 min to read', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ baseDelayMs: 200, maxDelayMs: 5000 });
    expect(DEFAULT_CALL_BUDGETS_MS).toEqual({ create: 300_000, update: 300_000, delete: 300_000, read: 120_000 });
    expect(resolveRetryPolicy({ maxRetries: 2, baseDelayMs: undefined })).toEqual({ ...DEFAULT_RETRY_POLICY, maxRetries: 2 });
  });

  test('a negative setting is refused with the field name', () => {
    expect(() => resolveRetryPolicy({ maxDelayMs: -1 })).toThrow(/retry\.maxDelayMs/);
  });

  test('throttling, server errors and network failures are retryable', () => {
    expect(isRetryable(apiError('Throttling', 400))).toBe(true);
    expect(isRetryable(apiError('Throttling.User', 400))).toBe(true);
    expect(isRetryable(apiError('Rejected.Throttling', 400))).toBe(true);
    expect(isRetryable(apiError('ServiceUnavailable', 503))).toBe(true);
    expect(isRetryable(apiError('InternalError', 500))).toBe(true);
    expect(isRetryable(apiError('SomethingNew', 502))).toBe(true);
    expect(isRetryable(new OosNetworkError({ action: 'A', reason: 'ECONNRESET', retryable: true }))).toBe(true);
    expect(isRetryable(new OosTimeoutError('A', 1000))).toBe(true);
  });

  test('client errors such as InvalidParameter or EntityNotExists are never retryable', () => {
    expect(isRetryable(apiError('InvalidParameter', 400))).toBe(false);
    expect(isRetryable(apiError('EntityNotExists.ChatConfiguration', 404))).toBe(false);
    expect(isRetryable(apiError('Forbidden.RAM', 403))).toBe(false);
    expect(isRetryable(new Error('boom'))).toBe(false);
  });

  test('delays grow exponentially with full jitter below the cap', () => {
    const policy = DEFAULT_RETRY_POLICY;
    expect([0, 1, 2, 3, 4, 5].map((i) => backoffDelay(policy, i, () => 0.999999))).toEqual([199, 399, 799, 1599, 3199, 4999]);
    expect(backoffDelay(policy, 3, () => 0.25)).toBe(400);
    expect(backoffDelay(policy, 3, () => 0)).toBe(0);
  });

  test('retries a throttled call with growing jittered delays until it succeeds', async () => {
    const clock = fakeClock(() => 0.5);
    const attempt = failingThen(
      [apiError('Throttling.User', 400), apiError('ServiceUnavailable', 503), new OosNetworkError({ action: 'A', reason: 'ECONNRESET', retryable: true })],
      'ok',
    );
    await expect(withRetry(attempt.fn, { clock, deadline })).resolves.toBe('ok');
    expect(attempt.calls()).toBe(4);
    expect(clock.sleeps).toEqual([100, 200, 400]);
  });

  test('stops after maxRetries and rethrows the last error', async () => {
    const clock = fakeClock();
    const errors = Array.from({ length: 10 }, () => apiError('ServiceUnavailable', 503));
    const attempt = failingThen(errors, 'never');
    await expect(withRetry(attempt.fn, { policy: { ...DEFAULT_RETRY_POLICY, maxRetries: 3 }, clock, deadline })).rejects.toBe(errors[3]);
    expect(attempt.calls()).toBe(4);
  });

  test('without a cap, retries go on until the deadline: a long throttling spell still converges', async () => {
    const clock = fakeClock(() => 0.5);
    const attempt = failingThen(
      Array.from({ length: 30 }, () => apiError('Throttling.User', 400)),
      'ok',
    );
    await expect(withRetry(attempt.fn, { clock, deadline: DEFAULT_CALL_BUDGETS_MS.create })).resolves.toBe('ok');
    expect(attempt.calls()).toBe(31);
  });

  test('a host that refuses connections is retried a few times, not until the deadline', async () => {
    const clock = fakeClock();
    const refused = () =>
      new OosNetworkError({ action: 'ListChatConfigurations', reason: 'ECONNREFUSED', retryable: true, outcome: 'not-sent', retryLimit: 3 });
    const errors = Array.from({ length: 50 }, refused);
    const attempt = failingThen(errors, 'never');
    await expect(withRetry(attempt.fn, { clock, deadline: DEFAULT_CALL_BUDGETS_MS.read })).rejects.toBe(errors[3]);
    expect(attempt.calls()).toBe(4);
  });

  test('stops retrying once the caller says it is stopping, and rethrows the last error', async () => {
    const clock = fakeClock();
    const errors = Array.from({ length: 10 }, () => apiError('Throttling.User', 400));
    const attempt = failingThen(errors, 'never');
    const stopping = new AbortController();
    const run = withRetry(
      async (ctx) => {
        if (ctx.attempt === 2) stopping.abort();
        return attempt.fn();
      },
      { clock, deadline, signal: stopping.signal },
    );
    await expect(run).rejects.toBe(errors[1]);
    expect(attempt.calls()).toBe(2);
  });

  test('a stop ends a backoff wait at once, on the real clock', async () => {
    const stopping = new AbortController();
    const started = Date.now();
    const run = withRetry(
      async () => {
        throw apiError('Throttling.User', 400);
      },
      {
        policy: { baseDelayMs: 120_000, maxDelayMs: 120_000 },
        clock: { ...SYSTEM_CLOCK, random: () => 0.9 },
        signal: stopping.signal,
        deadline: Date.now() + 600_000,
      },
    );
    setTimeout(() => stopping.abort(), 50);
    await expect(run).rejects.toMatchObject({ code: 'Throttling.User' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('a call that cannot even start fails with notStarted, saying why', async () => {
    const stopping = new AbortController();
    stopping.abort();
    const attempt = failingThen([], 'ok');
    await expect(withRetry(attempt.fn, { clock: fakeClock(), deadline, signal: stopping.signal, notStarted: (why) => new Error(why) })).rejects.toThrow(
      'stopped',
    );
    await expect(withRetry(attempt.fn, { clock: fakeClock(), deadline, acquire: async () => false, notStarted: (why) => new Error(why) })).rejects.toThrow(
      'deadline',
    );
    expect(attempt.calls()).toBe(0);
  });

  test('stops when the next delay would pass the deadline', async () => {
    const clock = fakeClock(() => 0.999);
    const errors = Array.from({ length: 10 }, () => apiError('InternalError', 500));
    const attempt = failingThen(errors, 'never');
    // delays 199, 399, 799 → the third would end at 1397 ms, past a 1000 ms deadline
    await expect(withRetry(attempt.fn, { clock, deadline: 1000 })).rejects.toBeInstanceOf(OosApiError);
    expect(attempt.calls()).toBe(3);
    expect(clock.sleeps).toEqual([199, 399]);
  });

  test('each attempt is told how much time is left before the deadline', async () => {
    const clock = fakeClock(() => 0.5);
    const remaining: number[] = [];
    let n = 0;
    await withRetry(
      async (ctx) => {
        remaining.push(ctx.remainingMs);
        if (n++ === 0) throw apiError('Throttling', 400);
        return 'ok';
      },
      { clock, deadline: 10_000 },
    );
    expect(remaining).toEqual([10_000, 9_900]);
  });

  test('never retries a 4xx client error', async () => {
    const clock = fakeClock();
    const attempt = failingThen([apiError('InvalidParameter', 400)], 'never');
    await expect(withRetry(attempt.fn, { clock, deadline })).rejects.toMatchObject({ code: 'InvalidParameter' });
    expect(attempt.calls()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  test('waits at least the Retry-After the server asked for, within the cap', async () => {
    const clock = fakeClock(() => 0);
    const throttled = new OosApiError({ action: 'A', code: 'Throttling', serverMessage: 'm', httpStatus: 400, requestId: 'R', retryAfterMs: 1500 });
    const attempt = failingThen([throttled], 'ok');
    await withRetry(attempt.fn, { clock, deadline });
    expect(clock.sleeps).toEqual([1500]);
  });

  test('reports each retry with the failed attempt and the delay', async () => {
    const clock = fakeClock(() => 0.5);
    const events: Array<[number, number]> = [];
    const attempt = failingThen([apiError('Throttling', 400), apiError('Throttling', 400)], 'ok');
    await withRetry(attempt.fn, { clock, deadline, onRetry: (e) => events.push([e.attempt, e.delayMs]) });
    expect(events).toEqual([
      [1, 100],
      [2, 200],
    ]);
  });
});
