/**
 * Errors the OOS client throws. Messages are built from the server's Code/Message and never from
 * the request (which carries parameters, possibly secrets); the client redacts remembered secrets
 * before it builds them.
 */

/**
 * How one attempt ended, seen from the client. OOS has no idempotency token, so this is what a
 * caller needs to decide whether a retried Create that meets "already exists" met itself.
 * - `succeeded`: a 2xx answer; OOS carried the request out.
 * - `rejected`: an error envelope (Throttling, ServiceUnavailable with a body, EntityAlreadyExists,
 *   ...); OOS did NOT carry the request out.
 * - `not-sent`: failed before the request left (connection refused, DNS, TLS); not carried out.
 * - `unknown`: sent, but no usable answer (connection reset or closed, no answer in time, an answer
 *   that is not JSON); OOS may or may not have carried it out.
 */
export type AttemptOutcome = 'succeeded' | 'rejected' | 'not-sent' | 'unknown';

export interface AttemptRecord {
  /** 1-based. */
  readonly attempt: number;
  readonly outcome: AttemptOutcome;
  /** OOS Code of a rejected attempt, or the network reason of a failed one. */
  readonly code?: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
}

/** Every attempt of one call, in order; the last one decided how the call ended. */
export interface CallHistory {
  readonly action: string;
  readonly attempts: readonly AttemptRecord[];
  /** Some attempt was sent and never answered usably: it may have been carried out unseen. */
  readonly outcomeUnknown: boolean;
  /** Some attempt succeeded or had an unknown outcome: the call may have changed something. */
  readonly mayHaveTakenEffect: boolean;
}

export function callHistory(action: string, attempts: readonly AttemptRecord[]): CallHistory {
  const outcomeUnknown = attempts.some((a) => a.outcome === 'unknown');
  return {
    action,
    attempts: Object.freeze([...attempts]),
    outcomeUnknown,
    mayHaveTakenEffect: outcomeUnknown || attempts.some((a) => a.outcome === 'succeeded'),
  };
}

/**
 * An error that ended a call to OOS. `history` is every attempt of the call, this one last: use
 * `outcomeUnknown` (not `attempt > 1`) to decide whether an earlier attempt may have done the work.
 */
export abstract class OosCallError extends Error {
  abstract readonly action: string;
  /** How this error's own attempt ended. */
  abstract readonly outcome: AttemptOutcome;
  /** Set by the client when the call ends; until then only this attempt. */
  history: CallHistory = callHistory('', []);

  /** True when some attempt of the call (this one included) may have been carried out unseen. */
  get outcomeUnknown(): boolean {
    return this.history.outcomeUnknown;
  }
}

/** Fields of an Alibaba Cloud error envelope, plus where it happened. */
export interface OosApiErrorFields {
  readonly action: string;
  readonly code: string;
  /** The server's Message, already redacted. */
  readonly serverMessage: string;
  readonly httpStatus: number;
  readonly requestId: string;
  readonly hostId?: string;
  readonly recommend?: string;
  /** Milliseconds the server asked to wait (x-acs-retry-after), if any. */
  readonly retryAfterMs?: number;
  /** 1-based attempt number that produced this error (says nothing about earlier outcomes). */
  readonly attempt?: number;
  /** Which provider setting to check and how, appended to the message. */
  readonly hint?: string;
}

/** OOS answered with an error envelope (HTTP 4xx/5xx): the request was not carried out. */
export class OosApiError extends OosCallError {
  override readonly name = 'OosApiError';
  readonly outcome = 'rejected';
  readonly action: string;
  readonly code: string;
  readonly serverMessage: string;
  readonly httpStatus: number;
  readonly requestId: string;
  readonly hostId?: string;
  readonly recommend?: string;
  readonly retryAfterMs?: number;
  readonly attempt?: number;
  readonly hint?: string;

  constructor(fields: OosApiErrorFields) {
    super(
      `OOS ${fields.action} failed: ${fields.code} (HTTP ${fields.httpStatus}): ${fields.serverMessage} [RequestId: ${fields.requestId || 'none'}]` +
        (fields.hint ? `. ${fields.hint}` : ''),
    );
    this.action = fields.action;
    this.code = fields.code;
    this.serverMessage = fields.serverMessage;
    this.httpStatus = fields.httpStatus;
    this.requestId = fields.requestId;
    this.hostId = fields.hostId;
    this.recommend = fields.recommend;
    this.retryAfterMs = fields.retryAfterMs;
    this.attempt = fields.attempt;
    this.hint = fields.hint;
  }
}

export interface OosNetworkErrorFields {
  readonly action: string;
  /** Short cause: a socket error code (ECONNRESET), `socket hang up`, `InvalidResponse`, ... */
  readonly reason: string;
  /** Extra words for the message; must not contain the request URL. */
  readonly detail?: string;
  readonly retryable: boolean;
  readonly attempt?: number;
  /** `not-sent` only when the request certainly never left (refused, DNS, TLS). Default `unknown`. */
  readonly outcome?: 'not-sent' | 'unknown';
  /** At most this many retries of this kind of failure, whatever the deadline allows. Default: no limit of its own. */
  readonly retryLimit?: number;
}

/** No usable HTTP answer: connection refused/reset, DNS failure, or a body that is not JSON. */
export class OosNetworkError extends OosCallError {
  override readonly name: string = 'OosNetworkError';
  readonly action: string;
  readonly reason: string;
  readonly retryable: boolean;
  readonly attempt?: number;
  readonly outcome: 'not-sent' | 'unknown';
  readonly retryLimit?: number;

  constructor(fields: OosNetworkErrorFields) {
    super(`OOS ${fields.action} failed: network error ${fields.reason}${fields.detail ? ` (${fields.detail})` : ''}`);
    this.action = fields.action;
    this.reason = fields.reason;
    this.retryable = fields.retryable;
    this.attempt = fields.attempt;
    this.outcome = fields.outcome ?? 'unknown';
    this.retryLimit = fields.retryLimit;
  }
}

/** One attempt exceeded the per-request timeout (connect or read). */
export class OosTimeoutError extends OosNetworkError {
  override readonly name: string = 'OosTimeoutError';
  readonly timeoutMs: number;

  constructor(action: string, timeoutMs: number, attempt?: number, timeoutSetting?: string) {
    super({
      action,
      reason: 'timeout',
      detail: `no answer within ${timeoutMs} ms; ${timeoutSetting ? `raise ${timeoutSetting} or check` : 'check'} the endpoint`,
      retryable: true,
      attempt,
    });
    this.timeoutMs = timeoutMs;
  }
}

/**
 * OOS answered 2xx, but without a field the API documents (or with one of the wrong type). The
 * request was carried out; its answer cannot be trusted, so nothing is assumed from it.
 */
export class OosResponseError extends OosCallError {
  override readonly name = 'OosResponseError';
  readonly outcome = 'succeeded';

  constructor(
    readonly action: string,
    /** Path of the field in the answer, e.g. `ChatConfiguration.Type` or `TagResources[0].TagKey`. */
    readonly field: string,
    readonly problem: string,
    readonly requestId: string,
  ) {
    super(
      `OOS ${action} answered without a usable ${field} (${problem}) [RequestId: ${requestId || 'none'}]: ` +
        'the answer is not what the API documents; retry later, and report it to Alibaba Cloud with the RequestId if it persists',
    );
  }
}

/** No attempt of the call started: the client was stopped, or the call's time ran out while it waited. */
export class OosNotStartedError extends OosCallError {
  override readonly name = 'OosNotStartedError';
  readonly outcome = 'not-sent';

  constructor(
    readonly action: string,
    readonly why: 'stopped' | 'deadline',
  ) {
    super(
      why === 'stopped'
        ? `OOS ${action} was not sent: the client is stopping`
        : `OOS ${action} was not sent: its deadline passed while it waited for the client-side rate limit (OOS is throttling); give the call more time`,
    );
  }
}

/** The credential chain could not produce credentials (no call was sent). */
export class OosCredentialsError extends Error {
  override readonly name = 'OosCredentialsError';
}

/** The client's configuration is invalid; the message names the field and the fix. */
export class OosConfigError extends Error {
  override readonly name = 'OosConfigError';
}

function hasCodePrefix(err: unknown, prefix: string): boolean {
  return err instanceof OosApiError && (err.code === prefix || err.code.startsWith(`${prefix}.`));
}

/** True for `EntityNotExists.*` (the OOS pattern for a missing resource). */
export function isNotFound(err: unknown): boolean {
  return hasCodePrefix(err, 'EntityNotExists');
}

/** True for `EntityAlreadyExists.*`. */
export function isAlreadyExists(err: unknown): boolean {
  return hasCodePrefix(err, 'EntityAlreadyExists');
}
