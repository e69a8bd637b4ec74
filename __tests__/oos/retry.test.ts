import { OosApiError, OosNetworkError, OosTimeoutError } from '../../lib/oos/errors';
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryable, resolveRetryPolicy, withRetry, type RetryClock } from '../../lib/oos/retry';

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
  test('defaults are 5 retries, 200 ms base, 5000 ms cap and a 120 s deadline', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ maxRetries: 5, baseDelayMs: 200, maxDelayMs: 5000, deadlineMs: 120000 });
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
    await expect(withRetry(attempt.fn, DEFAULT_RETRY_POLICY, clock)).resolves.toBe('ok');
    expect(attempt.calls()).toBe(4);
    expect(clock.sleeps).toEqual([100, 200, 400]);
  });

  test('stops after maxRetries and rethrows the last error', async () => {
    const clock = fakeClock();
    const errors = Array.from({ length: 10 }, () => apiError('ServiceUnavailable', 503));
    const attempt = failingThen(errors, 'never');
    await expect(withRetry(attempt.fn, { ...DEFAULT_RETRY_POLICY, maxRetries: 3 }, clock)).rejects.toBe(errors[3]);
    expect(attempt.calls()).toBe(4);
  });

  test('stops retrying once the caller says it is stopping, and rethrows the last error', async () => {
    const clock = fakeClock();
    const errors = Array.from({ length: 10 }, () => apiError('Throttling.User', 400));
    const attempt = failingThen(errors, 'never');
    let stopping = false;
    const run = withRetry(
      async (ctx) => {
        if (ctx.attempt === 2) stopping = true;
        return attempt.fn();
      },
      DEFAULT_RETRY_POLICY,
      clock,
      undefined,
      () => stopping,
    );
    await expect(run).rejects.toBe(errors[1]);
    expect(attempt.calls()).toBe(2);
  });

  test('stops when the next delay would pass the deadline', async () => {
    const clock = fakeClock(() => 0.999);
    const errors = Array.from({ length: 10 }, () => apiError('InternalError', 500));
    const attempt = failingThen(errors, 'never');
    // delays 199, 399, 799 → the third would end at 1397 ms, past a 1000 ms deadline
    await expect(withRetry(attempt.fn, { ...DEFAULT_RETRY_POLICY, maxRetries: 10, deadlineMs: 1000 }, clock)).rejects.toBeInstanceOf(OosApiError);
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
      { ...DEFAULT_RETRY_POLICY, deadlineMs: 10_000 },
      clock,
    );
    expect(remaining).toEqual([10_000, 9_900]);
  });

  test('never retries a 4xx client error', async () => {
    const clock = fakeClock();
    const attempt = failingThen([apiError('InvalidParameter', 400)], 'never');
    await expect(withRetry(attempt.fn, DEFAULT_RETRY_POLICY, clock)).rejects.toMatchObject({ code: 'InvalidParameter' });
    expect(attempt.calls()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  test('waits at least the Retry-After the server asked for, within the cap', async () => {
    const clock = fakeClock(() => 0);
    const throttled = new OosApiError({ action: 'A', code: 'Throttling', serverMessage: 'm', httpStatus: 400, requestId: 'R', retryAfterMs: 1500 });
    const attempt = failingThen([throttled], 'ok');
    await withRetry(attempt.fn, DEFAULT_RETRY_POLICY, clock);
    expect(clock.sleeps).toEqual([1500]);
  });

  test('reports each retry with the failed attempt and the delay', async () => {
    const clock = fakeClock(() => 0.5);
    const events: Array<[number, number]> = [];
    const attempt = failingThen([apiError('Throttling', 400), apiError('Throttling', 400)], 'ok');
    await withRetry(attempt.fn, DEFAULT_RETRY_POLICY, clock, (e) => events.push([e.attempt, e.delayMs]));
    expect(events).toEqual([
      [1, 100],
      [2, 200],
    ]);
  });
});
