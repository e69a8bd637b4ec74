/**
 * Errors the OOS client throws. Messages are built from the server's Code/Message and never from
 * the request (which carries parameters, possibly secrets); the client redacts remembered secrets
 * before it builds them.
 */

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
  /** 1-based attempt number that produced this error. */
  readonly attempt?: number;
}

/** OOS answered with an error envelope (HTTP 4xx/5xx). */
export class OosApiError extends Error {
  override readonly name = 'OosApiError';
  readonly action: string;
  readonly code: string;
  readonly serverMessage: string;
  readonly httpStatus: number;
  readonly requestId: string;
  readonly hostId?: string;
  readonly recommend?: string;
  readonly retryAfterMs?: number;
  readonly attempt?: number;

  constructor(fields: OosApiErrorFields) {
    super(`OOS ${fields.action} failed: ${fields.code} (HTTP ${fields.httpStatus}): ${fields.serverMessage} [RequestId: ${fields.requestId || 'none'}]`);
    this.action = fields.action;
    this.code = fields.code;
    this.serverMessage = fields.serverMessage;
    this.httpStatus = fields.httpStatus;
    this.requestId = fields.requestId;
    this.hostId = fields.hostId;
    this.recommend = fields.recommend;
    this.retryAfterMs = fields.retryAfterMs;
    this.attempt = fields.attempt;
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
}

/** No usable HTTP answer: connection refused/reset, DNS failure, or a body that is not JSON. */
export class OosNetworkError extends Error {
  override readonly name: string = 'OosNetworkError';
  readonly action: string;
  readonly reason: string;
  readonly retryable: boolean;
  readonly attempt?: number;

  constructor(fields: OosNetworkErrorFields) {
    super(`OOS ${fields.action} failed: network error ${fields.reason}${fields.detail ? ` (${fields.detail})` : ''}`);
    this.action = fields.action;
    this.reason = fields.reason;
    this.retryable = fields.retryable;
    this.attempt = fields.attempt;
  }
}

/** One attempt exceeded the per-request timeout (connect or read). */
export class OosTimeoutError extends OosNetworkError {
  override readonly name: string = 'OosTimeoutError';
  readonly timeoutMs: number;

  constructor(action: string, timeoutMs: number, attempt?: number) {
    super({
      action,
      reason: 'timeout',
      detail: `no answer within ${timeoutMs} ms; raise request_timeout or check the endpoint`,
      retryable: true,
      attempt,
    });
    this.timeoutMs = timeoutMs;
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
