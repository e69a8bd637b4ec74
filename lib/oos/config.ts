/**
 * The client's configuration, and where it talks to: the region (argument, then environment)
 * and the endpoint (host, port and scheme). Plain HTTP is refused except to this machine, because
 * requests carry signed credentials and chat secrets.
 */
import { OOS_ENDPOINT_ENV_VAR, REGION_ENV_VARS, isLoopbackHost, regionProblem } from '../domain';
import type { CredentialSettings } from './credentials';
import type { ActionKind } from './deadlines';
import { OosConfigError } from './errors';
import type { RetryClock, RetryPolicy } from './retry';

/** Endpoint override from the environment, e.g. a local emulator's URL. */
export const ENDPOINT_ENV_VAR = OOS_ENDPOINT_ENV_VAR;

/** Region from the argument, else ALIBABA_CLOUD_REGION_ID, else ALIBABA_CLOUD_REGION; no default. */
export function resolveRegion(regionId: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const candidates: Array<[string, string | undefined]> = [
    ['region', regionId],
    ...REGION_ENV_VARS.map((name): [string, string | undefined] => [name, env[name]]),
  ];
  for (const [source, value] of candidates) {
    const v = value?.trim();
    if (!v) continue;
    const problem = regionProblem(v);
    if (problem) throw new OosConfigError(`${source} ${problem}`);
    return v;
  }
  throw new OosConfigError(`region is not set: set the provider's region argument or ${REGION_ENV_VARS.join(' or ')} (for example cn-hangzhou)`);
}

export interface ResolvedEndpoint {
  /** host[:port], as sent in the Host header. */
  readonly host: string;
  readonly protocol: 'HTTP' | 'HTTPS';
}

/**
 * `http://127.0.0.1:4566`, `https://oos.cn-hangzhou.aliyuncs.com` or a bare `host[:port]`
 * (HTTPS), from the argument, else ALIBABA_CLOUD_OOS_ENDPOINT. Absent: `oos.<region>.aliyuncs.com` over HTTPS.
 */
export function resolveEndpoint(endpoint: string | undefined, regionId: string, env: NodeJS.ProcessEnv = process.env): ResolvedEndpoint {
  const raw = (endpoint ?? env[ENDPOINT_ENV_VAR])?.trim();
  if (!raw) return { host: `oos.${regionId}.aliyuncs.com`, protocol: 'HTTPS' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  let url: URL;
  try {
    url = new URL(hasScheme ? raw : `https://${raw}`);
  } catch {
    throw new OosConfigError(
      `endpoint ${JSON.stringify(raw)} is not a valid URL or host[:port]: use e.g. https://oos.${regionId}.aliyuncs.com or http://127.0.0.1:4566`,
    );
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') {
    throw new OosConfigError(`endpoint ${JSON.stringify(raw)} has scheme ${scheme}: use https:// (or http:// for a local emulator)`);
  }
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash || url.username || url.password) {
    throw new OosConfigError(`endpoint ${JSON.stringify(raw)} must be only scheme://host[:port], without path, query or user info`);
  }
  if (scheme === 'http' && !isLoopbackHost(url.hostname)) {
    throw new OosConfigError(
      `endpoint ${JSON.stringify(raw)} uses plain http to a non-loopback host: use https://, or http only for localhost, 127.0.0.0/8 or ::1`,
    );
  }
  return { host: url.host, protocol: scheme === 'http' ? 'HTTP' : 'HTTPS' };
}

/** Connect and read timeout of one attempt, unless configured. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface OosClientConfig {
  /** Region ID, e.g. cn-hangzhou. Default: ALIBABA_CLOUD_REGION_ID, else ALIBABA_CLOUD_REGION; no built-in default. */
  readonly regionId?: string;
  /** `https://host[:port]`, `http://<loopback>[:port]` or `host[:port]` (HTTPS). Default: oos.<region>.aliyuncs.com over HTTPS. */
  readonly endpoint?: string;
  /** Absent: the library's default credential chain. */
  readonly credentials?: CredentialSettings;
  /** Overrides of the retry policy (defaults: no retry cap, 200 ms base, 5000 ms cap of one delay). */
  readonly retry?: Partial<RetryPolicy>;
  /**
   * Time budget of one call by kind of action, retries and rate-limit waits included, for calls
   * made without a deadline. Defaults: DEFAULT_CALL_BUDGETS_MS (create/update/delete 5 min, read 2 min).
   */
  readonly callBudgetMs?: Partial<Record<ActionKind, number>>;
  /** Connect and read timeout of one attempt. Default 30000 ms. */
  readonly requestTimeoutMs?: number;
  /** Appended to the SDK's User-Agent. */
  readonly userAgent?: string;
  /** TagResources ResourceType of a chat configuration. Default `chatconfiguration`. */
  readonly tagResourceType?: string;
  /** Receives one line per attempt: action, HTTP status, RequestId, attempt and retry delay; never parameters. */
  readonly logger?: (line: string) => void;
  /** Sleep, randomness and time used by retries; for tests. */
  readonly clock?: RetryClock;
  /** What the caller's users call these settings, so hints name what they wrote. Default CLIENT_SETTING_NAMES. */
  readonly settingNames?: SettingNames;
}

/**
 * The settings an error's fix points at, by the names the caller's users know them (a provider
 * block's `secret_key`, say). `requestTimeout` is absent when users cannot set it.
 */
export interface SettingNames {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken: string;
  readonly requestTimeout?: string;
}

/** This client's own option names. */
export const CLIENT_SETTING_NAMES: SettingNames = {
  accessKeyId: 'credentials.accessKeyId',
  accessKeySecret: 'credentials.accessKeySecret',
  securityToken: 'credentials.securityToken',
  requestTimeout: 'requestTimeoutMs',
};

/** The configured request timeout, refused with the fix when it cannot work. */
export function resolveRequestTimeout(requestTimeoutMs: number | undefined): number {
  const timeout = requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new OosConfigError(`request timeout must be a positive number of milliseconds, got ${String(requestTimeoutMs)}`);
  }
  return timeout;
}
