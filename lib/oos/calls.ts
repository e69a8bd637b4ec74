/**
 * Runs one OOS action to its deadline: attempts through the transport, waits of the shared rate
 * limiter and of the backoff (retry.ts), the history of every attempt, and strict decoding of the
 * answer that succeeded.
 */
import type { SettingNames } from './config';
import { setMaxListeners } from 'node:events';
import { readAnswer, type AnswerObject } from './answers';
import { actionKind, deadlineOf, type ActionKind, type CallOptions } from './deadlines';
import { asObject, attemptRecord, isThrottling, mapCallError, text } from './error-mapping';
import { callHistory, OosApiError, OosCallError, OosNetworkError, OosNotStartedError, type AttemptRecord, type CallHistory } from './errors';
import type { AdaptiveRateLimiter } from './rate-limiter';
import type { SecretRedactor } from './redaction';
import { withRetry, type RetryClock, type RetryPolicy } from './retry';
import type { OosTransport, QueryInput } from './transport';

export interface CallRunnerParts {
  readonly transport: OosTransport;
  /** host[:port], for error messages. */
  readonly host: string;
  readonly retryPolicy: RetryPolicy;
  readonly budgets: Readonly<Record<ActionKind, number>>;
  readonly requestTimeoutMs: number;
  readonly clock: RetryClock;
  /** Shared by every call: one throttled call slows them all down. */
  readonly limiter: AdaptiveRateLimiter;
  readonly redactor: SecretRedactor;
  readonly logger?: (line: string) => void;
  readonly settingNames: SettingNames;
}

export class CallRunner {
  private readonly stopping = new AbortController();
  /** Some HTTP answer came from the endpoint: a refused connection is then an outage, not a wrong endpoint. */
  private endpointAnswered = false;

  constructor(private readonly parts: CallRunnerParts) {
    // Every waiting call listens on it: hundreds at once are expected, not a leak.
    setMaxListeners(0, this.stopping.signal);
  }

  /** Every wait (backoff, rate limit) ends at once and no new attempt starts; an attempt in flight finishes. */
  stop(): void {
    this.stopping.abort();
  }

  /** The deadline of a call of `action` made now with `options`. */
  deadlineOf(action: string, options: CallOptions): number {
    return deadlineOf(options, actionKind(action), this.parts.budgets, this.parts.clock.now());
  }

  /**
   * One action, with retries; `read` decodes the answer strictly (once, not retried: a malformed
   * answer is the server's, and its attempt was carried out).
   */
  async run<T>(action: string, params: QueryInput, options: CallOptions, read: (answer: AnswerObject) => T): Promise<T> {
    const { transport, retryPolicy, clock, limiter, logger: log } = this.parts;
    const send = transport.prepare(action, params);
    const attempts: AttemptRecord[] = [];
    const finish = (): CallHistory => {
      const history = callHistory(action, attempts);
      options.onHistory?.(history);
      return history;
    };
    const signal = options.signal ? AbortSignal.any([this.stopping.signal, options.signal]) : this.stopping.signal;
    try {
      const body = await withRetry(
        async ({ attempt, remainingMs }) => {
          const sentAt = clock.now();
          const timeoutMs = Math.max(1, Math.min(this.parts.requestTimeoutMs, remainingMs));
          let response;
          try {
            response = await send(timeoutMs);
          } catch (err) {
            throw this.failedAttempt(action, err, attempt, timeoutMs, sentAt, attempts);
          }
          limiter.record(false, sentAt);
          this.endpointAnswered = true;
          const answer = asObject(response.body);
          const requestId = text(answer.RequestId);
          attempts.push({ attempt, outcome: 'succeeded', httpStatus: response.statusCode, requestId: requestId || undefined });
          log?.(`OOS ${action} attempt ${attempt}: HTTP ${response.statusCode ?? '?'} RequestId ${requestId || 'none'}`);
          return answer;
        },
        {
          policy: retryPolicy,
          clock,
          deadline: this.deadlineOf(action, options),
          signal,
          acquire: (until, abort) => limiter.acquire(until, abort),
          onRetry: log ? (e) => log(`OOS ${action} attempt ${e.attempt} failed; retrying in ${e.delayMs} ms`) : undefined,
          notStarted: (why) => new OosNotStartedError(action, why),
        },
      );
      const result = read(readAnswer(action, body));
      finish();
      return result;
    } catch (err) {
      const history = finish();
      if (err instanceof OosCallError) err.history = history;
      throw err;
    }
  }

  /** The typed error of a failed attempt, recorded in `attempts`, fed to the limiter and logged. */
  private failedAttempt(action: string, err: unknown, attempt: number, timeoutMs: number, sentAt: number, attempts: AttemptRecord[]): Error {
    const { host, redactor, limiter, logger: log, settingNames: names } = this.parts;
    const mapped = mapCallError(err, { action, attempt, timeoutMs, host, endpointAnswered: this.endpointAnswered, redact: (s) => redactor.redact(s), names });
    attempts.push(attemptRecord(attempt, mapped));
    if (mapped instanceof OosApiError) {
      this.endpointAnswered = true;
      limiter.record(isThrottling(mapped), sentAt);
      log?.(`OOS ${action} attempt ${attempt}: HTTP ${mapped.httpStatus} RequestId ${mapped.requestId || 'none'}`);
    } else if (mapped instanceof OosNetworkError) {
      log?.(`OOS ${action} attempt ${attempt}: no HTTP answer (${mapped.reason})`);
    }
    return mapped;
  }
}
