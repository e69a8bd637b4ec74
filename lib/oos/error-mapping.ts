/**
 * Turns what openapi-core and the socket threw into this client's typed errors (errors.ts), and
 * each attempt's outcome into its history record. Messages are built from the server's envelope
 * and socket codes, never from the request URL (it carries parameters), and are redacted.
 */
import type { SettingNames } from './config';
import { OosApiError, OosConfigError, OosCredentialsError, OosNetworkError, OosTimeoutError, type AttemptRecord } from './errors';

type Json = Record<string, unknown>;

/** The attempt that failed, and what the client knows about its endpoint. */
export interface FailedAttempt {
  readonly action: string;
  /** 1-based. */
  readonly attempt: number;
  /** The attempt's own connect and read timeout. */
  readonly timeoutMs: number;
  /** host[:port] of the endpoint. */
  readonly host: string;
  /** Some HTTP answer came from the endpoint before: a refused connection is then an outage, not a wrong endpoint. */
  readonly endpointAnswered: boolean;
  /** Masks remembered secrets. */
  readonly redact: (text: string) => string;
  /** How hints name the settings. */
  readonly names: SettingNames;
}

/** Library and socket errors → OosApiError / OosNetworkError, built without the request URL. */
export function mapCallError(err: unknown, failed: FailedAttempt): Error {
  const { action, attempt, timeoutMs, host, endpointAnswered, redact, names } = failed;
  if (err instanceof OosCredentialsError || err instanceof OosConfigError) return err;
  const e = (err ?? {}) as Record<string, unknown>;
  if (typeof e.statusCode === 'number' && e.statusCode >= 400) {
    const data = asObject(e.data);
    const code = text(data.Code ?? data.code);
    if (!code) {
      // JSON, but not OOS's envelope: something between us and OOS answered, OOS may have acted.
      const retryable = e.statusCode >= 500 || e.statusCode === 429;
      return new OosNetworkError({ action, reason: `HTTP ${e.statusCode}`, detail: 'the answer was not an OOS error envelope', retryable, attempt });
    }
    const retryAfter = Number(e.retryAfter);
    return new OosApiError({
      action,
      code,
      serverMessage: redact(text(data.Message ?? data.message) || '(no message)'),
      httpStatus: e.statusCode,
      requestId: text(data.RequestId ?? data.requestId) || definedText(e.requestId),
      hostId: text(data.HostId) || undefined,
      recommend: redact(text(data.Recommend)) || undefined,
      retryAfterMs: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
      attempt,
      hint: settingHint(code, names),
    });
  }
  if (e.name === 'RequestTimeoutError' || e.code === 'ETIMEDOUT') {
    // openapi-core reports a connect timeout and a read timeout alike: the request may have been sent.
    return new OosTimeoutError(action, timeoutMs, attempt, names.requestTimeout);
  }
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (NOT_SENT_SOCKET_CODES.has(code)) {
    // An endpoint that answered before is down or restarting: retry until the deadline, like any
    // network failure. One that never answered is probably wrong: a few quick retries, then say so.
    if (endpointAnswered) {
      return new OosNetworkError({
        action,
        reason: code,
        detail: `could not connect to ${host}, which answered before`,
        retryable: true,
        attempt,
        outcome: 'not-sent',
      });
    }
    const detail = `could not connect to ${host}; check endpoint (and region): nothing answers there`;
    return new OosNetworkError({ action, reason: code, detail, retryable: true, attempt, outcome: 'not-sent', retryLimit: UNREACHABLE_RETRY_LIMIT });
  }
  if (UNKNOWN_OUTCOME_SOCKET_CODES.has(code)) {
    return new OosNetworkError({ action, reason: code, detail: `${host} did not answer`, retryable: true, attempt });
  }
  if (/socket hang up/i.test(message)) {
    return new OosNetworkError({ action, reason: 'socket hang up', detail: `${host} closed the connection`, retryable: true, attempt });
  }
  if (code === 'ENOTFOUND') {
    return new OosNetworkError({
      action,
      reason: code,
      detail: `cannot resolve ${host}; check endpoint (and region)`,
      retryable: false,
      attempt,
      outcome: 'not-sent',
    });
  }
  if (err instanceof SyntaxError) {
    // A load balancer or proxy answered (often a 502/503 page): openapi-core cannot parse it
    // and does not tell us the status, so this is treated as a transient failure.
    return new OosNetworkError({ action, reason: 'InvalidResponse', detail: 'the answer was not JSON', retryable: true, attempt });
  }
  if (code.startsWith('ERR_TLS') || /certificate|SSL/i.test(code)) {
    return new OosNetworkError({ action, reason: code, detail: `TLS to ${host} failed`, retryable: false, attempt, outcome: 'not-sent' });
  }
  const detail = redact(withoutUrls(message || String(err)));
  return new OosNetworkError({ action, reason: 'UnexpectedError', detail, retryable: false, attempt });
}

/** Error codes caused by one setting: which one (by the caller's name for it), and how to fix it. */
const SETTING_HINTS: ReadonlyArray<readonly [RegExp, (names: SettingNames) => string]> = [
  [/^SignatureDoesNotMatch$/, (n) => `Check ${n.accessKeySecret} (or ALIBABA_CLOUD_ACCESS_KEY_SECRET): it is not the secret of this access key`],
  [/^InvalidAccessKeyId(\.|$)/, (n) => `Check ${n.accessKeyId} (or ALIBABA_CLOUD_ACCESS_KEY_ID): OOS does not know this AccessKey ID, or it is disabled`],
  [
    /^(InvalidSecurityToken|MissingSecurityToken)/,
    (n) => `Check ${n.securityToken} (or ALIBABA_CLOUD_SECURITY_TOKEN): it must be the STS token issued with this access key`,
  ],
  [/^InvalidTimeStamp\.Expired$/, () => "Check this machine's clock: requests are signed with it and OOS accepts 15 minutes of skew"],
];

function settingHint(code: string, names: SettingNames): string | undefined {
  return SETTING_HINTS.find(([pattern]) => pattern.test(code))?.[1](names);
}

export function isThrottling(error: OosApiError): boolean {
  return error.code.startsWith('Throttling') || error.code === 'Rejected.Throttling';
}

export function attemptRecord(attempt: number, error: Error): AttemptRecord {
  if (error instanceof OosApiError)
    return { attempt, outcome: 'rejected', code: error.code, httpStatus: error.httpStatus, requestId: error.requestId || undefined };
  if (error instanceof OosNetworkError) return { attempt, outcome: error.outcome, code: error.reason };
  // Credentials that could not be fetched: nothing was signed, so nothing was sent.
  return { attempt, outcome: 'not-sent', code: error.name };
}

/** Retries of a host that refuses connections or cannot be reached and never answered this client, before the error is reported. */
const UNREACHABLE_RETRY_LIMIT = 3;
/** The connection was never made, so the request never left. */
const NOT_SENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']);
/** The connection broke after the request may have been written. */
const UNKNOWN_OUTCOME_SOCKET_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'UND_ERR_SOCKET']);

/** Socket errors carry `POST http://host/?<query> failed.`; the query holds parameters. */
function withoutUrls(message: string): string {
  return message
    .replace(/\b(GET|POST|PUT|DELETE|HEAD|PATCH)\s+\S+\s*failed\.?/g, '')
    .replace(/\b[a-z]+:\/\/\S+/gi, '<url>')
    .trim();
}

export function asObject(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** openapi-core turns missing fields into the string 'undefined'. */
function definedText(value: unknown): string {
  const t = text(value);
  return t === 'undefined' ? '' : t;
}
