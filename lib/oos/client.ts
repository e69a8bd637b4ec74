/**
 * OOS (2019-06-01) client for chat configurations, their tags and secret parameters, on top of
 * @alicloud/openapi-core (signing, transport) and @alicloud/credentials. Retries are ours
 * (see retry.ts): the library's own retry is off so that attempts, delays and the deadline
 * are in one place.
 *
 * The libraries are required on the first call, not at import: a Terraform provider process
 * imports this module every time it starts, and most starts never call OOS.
 *
 * How the provider is meant to use it (issue 8):
 * - Time: compute one deadline per Terraform operation from the resource's `timeouts` block
 *   (`client.deadlineAfter(ms)`, defaults DEFAULT_TIMEOUTS_MS) and pass `{ deadline }` to every
 *   call of that operation (create, tag, read back). Retries run until then; `retry.maxRetries`
 *   (the provider's `max_retries`) is only an optional cap. `stop()` on StopProvider ends every
 *   wait at once; an attempt in flight finishes.
 * - Throttling: all calls of one client share an adaptive rate limiter; nothing to configure.
 * - Did it happen? Every call error is an OosCallError with `history` (each attempt's outcome)
 *   and `outcomeUnknown`; a success reports the same through `onHistory`. After Create fails:
 *   `isAlreadyExists(e) && e.outcomeUnknown` → an earlier attempt may have created it: adopt it
 *   only if it carries this state's proof; `isAlreadyExists(e) && !e.outcomeUnknown` → someone
 *   else's (never adopt). Any error with `e.history.mayHaveTakenEffect` (a network error after
 *   sending, a malformed 2xx answer) → the configuration may exist: return partial state with the
 *   error diagnostic rather than nothing, so Terraform does not lose track of it.
 * - Answers are parsed strictly: OosResponseError names the action, the field and the RequestId.
 * - Plan-time checks live in lib/domain (e.g. MAX_CONFIGURATION_LENGTH, configurationLengthProblem,
 *   tagProblems), so an invalid configuration fails before anything is created.
 */
import { setMaxListeners } from 'node:events';
import type OpenApiClient from '@alicloud/openapi-core';
import type CredentialClass from '@alicloud/credentials';
import { resolveEndpoint, resolveRegion, type ResolvedEndpoint } from './config';
import { buildCredential, observeCredential, validateCredentialSettings, type CredentialSettings } from './credentials';
import {
  callHistory,
  OosApiError,
  OosCallError,
  OosConfigError,
  OosCredentialsError,
  OosNetworkError,
  OosNotStartedError,
  OosTimeoutError,
  type AttemptRecord,
  type CallHistory,
} from './errors';
import { Answer, type Json } from './answers';
import { SecretRedactor } from './redaction';
import { DEFAULT_TAG_RESOURCE_TYPE, OOS_API_VERSION, SECRET_PARAMETER_TAG_RESOURCE_TYPE, isSecretKey } from '../domain';
import { AdaptiveRateLimiter } from './rate-limiter';
import { DEFAULT_TIMEOUTS_MS, resolveRetryPolicy, SYSTEM_CLOCK, withRetry, type OperationKind, type RetryClock, type RetryPolicy } from './retry';
import type {
  ChatConfiguration,
  ChatConfigurationInput,
  ChatConfigurationStamp,
  ChatConfigurationSummary,
  ListFilter,
  SecretParameter,
  SecretParameterChange,
  SecretParameterSettings,
  TagResource,
  TagResourcesInput,
  UntagResourcesInput,
} from './types';

type CoreModule = typeof import('@alicloud/openapi-core');
type DaraModule = typeof import('@darabonba/typescript');

export type { CredentialSettings } from './credentials';

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Page size sent to List APIs (OOS accepts 10–100). */
const PAGE_SIZE = 100;
/** TagResources / UntagResources accept at most 20 tags or keys per call. */
const TAGS_PER_CALL = 20;
/** ListTagResources accepts at most 50 ResourceIds. */
const TAG_READ_BATCH_SIZE = 50;
/** Stops a server that keeps returning a NextToken from looping forever. */
const MAX_PAGES = 1000;

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
   * Time budget of one call by kind, retries and rate-limit waits included (Terraform's
   * `timeouts`). Defaults: DEFAULT_TIMEOUTS_MS (create/update/delete 5 min, read 2 min).
   */
  readonly timeouts?: Partial<Record<OperationKind, number>>;
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
}

/**
 * Per-call options every operation accepts. A provider operation that makes several calls (create,
 * tag, read back) passes one `deadline` to all of them, computed once from the resource's
 * `timeouts` block: `deadline: client.deadlineAfter(timeouts.create)`.
 */
export interface CallOptions {
  /** Client-clock time (ms) after which no attempt starts and no wait ends. Wins over `timeoutMs`. */
  readonly deadline?: number;
  /** Time budget of this call from now. Default: the client's `timeouts` for the action's kind. */
  readonly timeoutMs?: number;
  /** Ends this call's waits at once (like `stop()` for the whole client). */
  readonly signal?: AbortSignal;
  /**
   * Receives every attempt of the call when it ends, success or failure (a failure also carries
   * it as `error.history`). `outcomeUnknown` says an attempt may have been carried out unseen.
   */
  readonly onHistory?: (history: CallHistory) => void;
}

interface Transport {
  readonly core: CoreModule;
  readonly dara: DaraModule;
  readonly api: OpenApiClient;
}

interface PendingTagRead {
  readonly name: string;
  readonly options: CallOptions;
  readonly resolve: (tags: Record<string, string>) => void;
  readonly reject: (error: unknown) => void;
}

/** Query values OOS receives; undefined ones are left out. */
type QueryInput = Record<string, string | number | boolean | undefined | ReadonlyArray<Record<string, string>>>;

export class OosClient {
  readonly regionId: string;
  readonly endpoint: ResolvedEndpoint;
  readonly tagResourceType: string;
  private readonly settings: OosClientConfig;
  private readonly retryPolicy: RetryPolicy;
  private readonly requestTimeoutMs: number;
  private readonly clock: RetryClock;
  private readonly redactor = new SecretRedactor();
  private readonly timeouts: Readonly<Record<OperationKind, number>>;
  /** Shared by every call: one throttled call slows them all down. */
  private readonly limiter: AdaptiveRateLimiter;
  private readonly stopping = new AbortController();
  private transportCache: Transport | undefined;
  /** Tag reads waiting for this turn's batch (see getChatConfigurationTags). */
  private pendingTagReads: PendingTagRead[] = [];
  /** Some HTTP answer came from the endpoint: a refused connection is then an outage, not a wrong endpoint. */
  private endpointAnswered = false;

  constructor(config: OosClientConfig = {}) {
    this.regionId = resolveRegion(config.regionId);
    this.endpoint = resolveEndpoint(config.endpoint, this.regionId);
    validateCredentialSettings(config.credentials);
    this.retryPolicy = resolveRetryPolicy(config.retry);
    const timeout = config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    if (!Number.isFinite(timeout) || timeout <= 0) {
      throw new OosConfigError(`request timeout must be a positive number of milliseconds, got ${String(config.requestTimeoutMs)}`);
    }
    this.requestTimeoutMs = timeout;
    this.tagResourceType = config.tagResourceType || DEFAULT_TAG_RESOURCE_TYPE;
    this.clock = config.clock ?? SYSTEM_CLOCK;
    this.timeouts = resolveTimeouts(config.timeouts);
    this.limiter = new AdaptiveRateLimiter(this.clock);
    // Every waiting call listens on it: hundreds at once are expected, not a leak.
    setMaxListeners(0, this.stopping.signal);
    this.settings = config;
    this.redactor.remember(config.credentials?.accessKeySecret);
    this.redactor.remember(config.credentials?.securityToken);
  }

  /**
   * Terraform's StopProvider: every wait (backoff, rate limit) ends at once and no new attempt
   * starts; an attempt in flight finishes and its call ends with its result or error.
   */
  stop(): void {
    this.stopping.abort();
  }

  /** The `deadline` for CallOptions that ends `timeoutMs` from now on this client's clock. */
  deadlineAfter(timeoutMs: number): number {
    return this.clock.now() + timeoutMs;
  }

  /** Requests per second the adaptive rate limiter allows now; undefined until OOS throttles. */
  get sendRate(): number | undefined {
    return this.limiter.rate;
  }

  // ---- chat configurations -------------------------------------------------------------

  /**
   * OOS has no idempotency token: when this fails with EntityAlreadyExists, the configuration is
   * the caller's only if `error.outcomeUnknown` (an earlier attempt went unanswered) and the
   * configuration carries the caller's own proof; after Throttling or any other error answer the
   * earlier attempts were not carried out, so the existing configuration is someone else's.
   */
  async createChatConfiguration(input: ChatConfigurationInput, options: CallOptions = {}): Promise<ChatConfigurationStamp> {
    return this.call('CreateChatConfiguration', this.chatConfigurationQuery(input), options, readStamp);
  }

  async updateChatConfiguration(input: ChatConfigurationInput, options: CallOptions = {}): Promise<ChatConfigurationStamp> {
    return this.call('UpdateChatConfiguration', this.chatConfigurationQuery(input), options, readStamp);
  }

  async getChatConfiguration(name: string, options: CallOptions = {}): Promise<ChatConfiguration> {
    const found = await this.call('GetChatConfiguration', { Name: name }, options, (answer) => {
      const c = answer.object(answer.body, 'ChatConfiguration');
      const at = (field: string) => `ChatConfiguration.${field}`;
      return {
        ...readSummary(answer, c, at),
        configuration: answer.jsonMap(c, 'Configuration', at('Configuration')),
        resourceGroupId: answer.optionalString(c, 'ResourceGroupId', at('ResourceGroupId')),
      };
    });
    this.rememberConfigurationSecrets(found.configuration);
    return found;
  }

  /** All pages. Filters are sent as Filters.N.Name / Filters.N.Value. */
  async listChatConfigurations(filters: readonly ListFilter[] = [], options: CallOptions = {}): Promise<ChatConfigurationSummary[]> {
    const query: QueryInput = {
      Filters: filters.length ? filters.map((f) => ({ Name: f.name, Value: f.value })) : undefined,
      MaxResults: PAGE_SIZE,
    };
    return this.collectPages('ListChatConfigurations', query, options, (answer) =>
      answer.list('ChatConfigurations', 'ChatConfiguration').map((c, i) => readSummary(answer, c, (field) => `ChatConfigurations[${i}].${field}`)),
    );
  }

  async deleteChatConfiguration(name: string, options: CallOptions = {}): Promise<void> {
    await this.call('DeleteChatConfiguration', { Name: name }, options, ignoreAnswer);
  }

  // ---- tags ----------------------------------------------------------------------------

  async tagResources(input: TagResourcesInput, options: CallOptions = {}): Promise<void> {
    const params = { ResourceType: input.resourceType, ResourceIds: JSON.stringify(input.resourceIds), Tags: JSON.stringify(input.tags) };
    await this.call('TagResources', params, options, ignoreAnswer);
  }

  async untagResources(input: UntagResourcesInput, options: CallOptions = {}): Promise<void> {
    const params = {
      ResourceType: input.resourceType,
      ResourceIds: JSON.stringify(input.resourceIds),
      TagKeys: input.tagKeys ? JSON.stringify(input.tagKeys) : undefined,
      All: input.all,
    };
    await this.call('UntagResources', params, options, ignoreAnswer);
  }

  /** All pages. */
  async listTagResources(resourceType: string, resourceIds: readonly string[], options: CallOptions = {}): Promise<TagResource[]> {
    const query = { ResourceType: resourceType, ResourceIds: JSON.stringify(resourceIds) };
    return this.collectPages('ListTagResources', query, options, (answer) =>
      answer.list('TagResources', 'TagResource').map((t, i) => {
        const at = (field: string) => `TagResources[${i}].${field}`;
        return {
          resourceId: answer.string(t, 'ResourceId', at('ResourceId')),
          resourceType: answer.optionalString(t, 'ResourceType', at('ResourceType')) || resourceType,
          tagKey: answer.string(t, 'TagKey', at('TagKey')),
          tagValue: answer.optionalString(t, 'TagValue', at('TagValue')),
        };
      }),
    );
  }

  /**
   * Reads made in the same turn of the event loop (Terraform refreshes 10 resources at a time)
   * share one ListTagResources of up to 50 ids, so a refresh costs OOS one tag call per batch
   * instead of one per configuration. See readTagBatch for deadlines, aborts and failures.
   */
  async getChatConfigurationTags(name: string, options: CallOptions = {}): Promise<Record<string, string>> {
    return new Promise((resolve, reject) => {
      this.pendingTagReads.push({ name, options, resolve, reject });
      // nextTick runs once the promise chains of this turn have settled, so reads started by
      // RPCs that arrived together join the batch; it adds no timer and no waiting.
      if (this.pendingTagReads.length === 1) process.nextTick(() => this.flushTagReads());
    });
  }

  private flushTagReads(): void {
    const pending = this.pendingTagReads;
    this.pendingTagReads = [];
    for (const batch of chunk(pending, TAG_READ_BATCH_SIZE)) void this.readTagBatch(batch);
  }

  /**
   * One ListTagResources for the batch, under its strictest deadline and aborted by any member's
   * signal, so no member waits longer than it asked. When that call fails (one bad id fails the
   * whole list, or a member's deadline ended it early), members whose own deadline and signal
   * still allow it read alone with their own options; the others get the batch's error.
   */
  private async readTagBatch(batch: readonly PendingTagRead[]): Promise<void> {
    if (batch.length === 1) {
      const [only] = batch;
      return this.readTagsAlone(only.name, only.options).then(only.resolve, only.reject);
    }
    const names = [...new Set(batch.map((read) => read.name))];
    const deadlines = batch.map((read) => read.options.deadline ?? this.clock.now() + (read.options.timeoutMs ?? this.timeouts.read));
    const signals = batch.flatMap((read) => (read.options.signal ? [read.options.signal] : []));
    let history: CallHistory | undefined;
    try {
      const rows = await this.listTagResources(this.tagResourceType, names, {
        deadline: Math.min(...deadlines),
        signal: signals.length > 0 ? AbortSignal.any(signals) : undefined,
        onHistory: (h) => (history = h),
      });
      for (const read of batch) {
        if (history) read.options.onHistory?.(history);
        read.resolve(tagsOf(rows, read.name));
      }
    } catch (error) {
      batch.forEach((read, i) => {
        const own = read.options.signal?.aborted !== true && this.clock.now() < deadlines[i];
        if (own) void this.readTagsAlone(read.name, read.options).then(read.resolve, read.reject);
        else {
          if (history) read.options.onHistory?.(history);
          read.reject(error);
        }
      });
    }
  }

  private async readTagsAlone(name: string, options: CallOptions): Promise<Record<string, string>> {
    return tagsOf(await this.listTagResources(this.tagResourceType, [name], options), name);
  }

  /** Makes the tags equal `desired`: untags removed keys, tags added or changed ones. */
  async setChatConfigurationTags(
    name: string,
    desired: Readonly<Record<string, string>>,
    current?: Readonly<Record<string, string>>,
    options: CallOptions = {},
  ): Promise<void> {
    const now = current ?? (await this.getChatConfigurationTags(name, options));
    await this.setTags(this.tagResourceType, name, desired, now, options);
  }

  private async setTags(
    resourceType: string,
    name: string,
    desired: Readonly<Record<string, string>>,
    now: Readonly<Record<string, string>>,
    options: CallOptions,
  ): Promise<void> {
    const removed = Object.keys(now).filter((k) => !Object.prototype.hasOwnProperty.call(desired, k));
    const changed = Object.entries(desired).filter(([k, v]) => now[k] !== v);
    for (const tagKeys of chunk(removed, TAGS_PER_CALL)) {
      await this.untagResources({ resourceType, resourceIds: [name], tagKeys }, options);
    }
    for (const entries of chunk(changed, TAGS_PER_CALL)) {
      await this.tagResources({ resourceType, resourceIds: [name], tags: Object.fromEntries(entries) }, options);
    }
  }

  // ---- secret parameters ---------------------------------------------------------------

  async getSecretParameter(name: string, options: { withDecryption?: boolean; parameterVersion?: number } & CallOptions = {}): Promise<SecretParameter> {
    const params = { Name: name, WithDecryption: options.withDecryption, ParameterVersion: options.parameterVersion };
    const parameter = await this.call('GetSecretParameter', params, options, (answer) => readSecretParameter(answer, options.withDecryption === true));
    if (options.withDecryption) this.redactor.remember(parameter.value);
    return parameter;
  }

  /** `settings` as a string is the description (the older form). */
  async createSecretParameter(
    name: string,
    value: string,
    settings: string | SecretParameterSettings = {},
    options: CallOptions = {},
  ): Promise<SecretParameter> {
    this.redactor.remember(value);
    const s = typeof settings === 'string' ? { description: settings } : settings;
    const params = {
      Name: name,
      Value: value,
      Type: 'Secret',
      Description: s.description,
      KeyId: s.keyId,
      Constraints: s.constraints,
      ResourceGroupId: s.resourceGroupId,
      Tags: s.tags && Object.keys(s.tags).length > 0 ? JSON.stringify(s.tags) : undefined,
      ClientToken: s.clientToken,
    };
    return this.call('CreateSecretParameter', params, options, (a) => readSecretParameter(a, false));
  }

  /** `change` as a string is a new value (a new version). */
  async updateSecretParameter(name: string, change: string | SecretParameterChange, options: CallOptions = {}): Promise<SecretParameter> {
    const c = typeof change === 'string' ? { value: change } : change;
    if (c.value !== undefined) this.redactor.remember(c.value);
    const params = { Name: name, Value: c.value, Description: c.description, ResourceGroupId: c.resourceGroupId };
    return this.call('UpdateSecretParameter', params, options, (a) => readSecretParameter(a, false));
  }

  /** Makes a secret parameter's tags equal `desired` (ResourceType `secretparameter`, documented). */
  async setSecretParameterTags(name: string, desired: Readonly<Record<string, string>>, current: Readonly<Record<string, string>>, options: CallOptions = {}) {
    await this.setTags(SECRET_PARAMETER_TAG_RESOURCE_TYPE, name, desired, current, options);
  }

  async deleteSecretParameter(name: string, options: CallOptions = {}): Promise<void> {
    await this.call('DeleteSecretParameter', { Name: name }, options, ignoreAnswer);
  }

  // ---- plumbing ------------------------------------------------------------------------

  private chatConfigurationQuery(input: ChatConfigurationInput): QueryInput {
    if (input.configuration) this.rememberConfigurationSecrets(input.configuration);
    return {
      Name: input.name,
      Type: input.type,
      RamRole: input.ramRole,
      Configuration: input.configuration ? JSON.stringify(input.configuration) : undefined,
      ResourceGroupId: input.resourceGroupId,
    };
  }

  private rememberConfigurationSecrets(configuration: Readonly<Record<string, string>>): void {
    for (const [key, value] of Object.entries(configuration)) {
      if (isSecretKey(key)) this.redactor.remember(value);
    }
  }

  private async collectPages<T>(action: string, query: QueryInput, options: CallOptions, items: (answer: Answer) => T[]): Promise<T[]> {
    const out: T[] = [];
    const seen = new Set<string>();
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const [pageItems, token] = await this.call(action, { ...query, NextToken: nextToken }, options, (answer) => {
        return [items(answer), answer.optionalString(answer.body, 'NextToken', 'NextToken')] as const;
      });
      out.push(...pageItems);
      nextToken = token || undefined;
      if (!nextToken || seen.has(nextToken)) break;
      seen.add(nextToken);
    }
    return out;
  }

  private transport(): Transport {
    if (this.transportCache) return this.transportCache;
    const core = require('@alicloud/openapi-core') as CoreModule;
    const dara = require('@darabonba/typescript') as DaraModule;
    let credential: CredentialClass;
    try {
      credential = buildCredential(this.settings.credentials);
    } catch (err) {
      if (err instanceof OosConfigError) throw err;
      const why = err instanceof Error ? err.message : String(err);
      throw new OosCredentialsError(`OOS credentials could not be set up: ${this.redactor.redact(why)}`);
    }
    const observed = observeCredential(
      credential,
      (secret) => this.redactor.remember(secret),
      (s) => this.redactor.redact(s),
    );
    const api = new core.default(
      new core.$OpenApiUtil.Config({
        credential: observed as unknown as CredentialClass,
        regionId: this.regionId,
        endpoint: this.endpoint.host,
        protocol: this.endpoint.protocol,
        userAgent: this.settings.userAgent,
        readTimeout: this.requestTimeoutMs,
        connectTimeout: this.requestTimeoutMs,
      }),
    );
    this.transportCache = { core, dara, api };
    return this.transportCache;
  }

  /**
   * One action, with retries; `read` parses the answer strictly (once, not retried: a malformed
   * answer is the server's, and its attempt was carried out).
   */
  private async call<T>(action: string, params: QueryInput, options: CallOptions, read: (answer: Answer) => T): Promise<T> {
    const { core, dara, api } = this.transport();
    // Parameters go in the signed form body, not the URL: a 16 KiB Configuration would overflow
    // the gateway's request-line limit (HTTP 431), and URLs end up in proxy logs.
    const form = core.OpenApiUtil.query({ RegionId: this.regionId, ...params });
    const log = this.settings.logger;
    const attempts: AttemptRecord[] = [];
    const finish = (): CallHistory => {
      const history = callHistory(action, attempts);
      options.onHistory?.(history);
      return history;
    };
    const signal = options.signal ? AbortSignal.any([this.stopping.signal, options.signal]) : this.stopping.signal;
    const deadline = options.deadline ?? this.clock.now() + (options.timeoutMs ?? this.timeouts[operationKind(action)]);
    try {
      const answer = await withRetry(
        async ({ attempt, remainingMs }) => {
          const sentAt = this.clock.now();
          const timeoutMs = Math.max(1, Math.min(this.requestTimeoutMs, remainingMs));
          let response: { statusCode?: number; body?: unknown };
          try {
            response = await api.callApi(
              new core.$OpenApiUtil.Params({
                action,
                version: OOS_API_VERSION,
                protocol: this.endpoint.protocol,
                pathname: '/',
                method: 'POST',
                authType: 'AK',
                style: 'RPC',
                reqBodyType: 'formData',
                bodyType: 'json',
              }),
              new core.$OpenApiUtil.OpenApiRequest({ body: form }),
              new dara.RuntimeOptions({ autoretry: false, readTimeout: timeoutMs, connectTimeout: timeoutMs }),
            );
          } catch (err) {
            const mapped = this.mapError(action, err, attempt, timeoutMs);
            if (mapped instanceof OosApiError) this.endpointAnswered = true;
            attempts.push(attemptRecord(attempt, mapped));
            if (mapped instanceof OosApiError) this.limiter.record(isThrottling(mapped), sentAt);
            if (log && mapped instanceof OosApiError) {
              log(`OOS ${action} attempt ${attempt}: HTTP ${mapped.httpStatus} RequestId ${mapped.requestId || 'none'}`);
            } else if (log && mapped instanceof OosNetworkError) {
              log(`OOS ${action} attempt ${attempt}: no HTTP answer (${mapped.reason})`);
            }
            throw mapped;
          }
          this.limiter.record(false, sentAt);
          this.endpointAnswered = true;
          const body = asObject(response.body);
          const requestId = text(body.RequestId);
          attempts.push({ attempt, outcome: 'succeeded', httpStatus: response.statusCode, requestId: requestId || undefined });
          log?.(`OOS ${action} attempt ${attempt}: HTTP ${response.statusCode ?? '?'} RequestId ${requestId || 'none'}`);
          return body;
        },
        {
          policy: this.retryPolicy,
          clock: this.clock,
          deadline,
          signal,
          acquire: (until, abort) => this.limiter.acquire(until, abort),
          onRetry: log ? (e) => log(`OOS ${action} attempt ${e.attempt} failed; retrying in ${e.delayMs} ms`) : undefined,
          notStarted: (why) => new OosNotStartedError(action, why),
        },
      );
      const result = read(new Answer(action, answer));
      finish();
      return result;
    } catch (err) {
      const history = finish();
      if (err instanceof OosCallError) err.history = history;
      throw err;
    }
  }

  /** Library and socket errors → OosApiError / OosNetworkError, built without the request URL. */
  private mapError(action: string, err: unknown, attempt: number, timeoutMs: number): Error {
    if (err instanceof OosCredentialsError || err instanceof OosConfigError) return err;
    const e = (err ?? {}) as Record<string, unknown>;
    const host = this.endpoint.host;
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
        serverMessage: this.redactor.redact(text(data.Message ?? data.message) || '(no message)'),
        httpStatus: e.statusCode,
        requestId: text(data.RequestId ?? data.requestId) || definedText(e.requestId),
        hostId: text(data.HostId) || undefined,
        recommend: this.redactor.redact(text(data.Recommend)) || undefined,
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
        attempt,
        hint: settingHint(code),
      });
    }
    if (e.name === 'RequestTimeoutError' || e.code === 'ETIMEDOUT') {
      // openapi-core reports connect and read timeouts alike: the request may have been sent.
      return new OosTimeoutError(action, timeoutMs, attempt);
    }
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (NOT_SENT_SOCKET_CODES.has(code)) {
      // An endpoint that answered before is down or restarting: retry until the deadline, like any
      // network failure. One that never answered is probably wrong: a few quick retries, then say so.
      if (this.endpointAnswered) {
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
    const detail = this.redactor.redact(withoutUrls(message || String(err)));
    return new OosNetworkError({ action, reason: 'UnexpectedError', detail, retryable: false, attempt });
  }
}

/** Error codes caused by one provider setting: which one, and how to fix it. */
const SETTING_HINTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^SignatureDoesNotMatch$/, 'Check secret_key (or ALIBABA_CLOUD_ACCESS_KEY_SECRET): it is not the secret of this access key'],
  [/^InvalidAccessKeyId(\.|$)/, 'Check access_key (or ALIBABA_CLOUD_ACCESS_KEY_ID): OOS does not know this AccessKey ID, or it is disabled'],
  [
    /^(InvalidSecurityToken|MissingSecurityToken)/,
    'Check security_token (or ALIBABA_CLOUD_SECURITY_TOKEN): it must be the STS token issued with this access key',
  ],
  [/^InvalidTimeStamp\.Expired$/, "Check this machine's clock: requests are signed with it and OOS accepts 15 minutes of skew"],
];

function settingHint(code: string): string | undefined {
  return SETTING_HINTS.find(([pattern]) => pattern.test(code))?.[1];
}

const ACTION_KINDS: ReadonlyArray<readonly [RegExp, OperationKind]> = [
  [/^Create/, 'create'],
  [/^(Update|TagResources|UntagResources)/, 'update'],
  [/^Delete/, 'delete'],
];

function operationKind(action: string): OperationKind {
  return ACTION_KINDS.find(([pattern]) => pattern.test(action))?.[1] ?? 'read';
}

function resolveTimeouts(overrides: Partial<Record<OperationKind, number>> = {}): Record<OperationKind, number> {
  const timeouts = { ...DEFAULT_TIMEOUTS_MS };
  for (const [kind, value] of Object.entries(overrides) as Array<[OperationKind, number | undefined]>) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new OosConfigError(`timeouts.${kind} must be a positive number of milliseconds, got ${String(value)}`);
    timeouts[kind] = value;
  }
  return timeouts;
}

function isThrottling(error: OosApiError): boolean {
  return error.code.startsWith('Throttling') || error.code === 'Rejected.Throttling';
}

function attemptRecord(attempt: number, error: Error): AttemptRecord {
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

function asObject(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** openapi-core turns missing fields into the string 'undefined'. */
function definedText(value: unknown): string {
  const t = text(value);
  return t === 'undefined' ? '' : t;
}

function ignoreAnswer(): void {}

/** Create and Update answer `{ChatConfiguration: {Name, CreatedDate, UpdatedDate}}`. */
function readStamp(answer: Answer): ChatConfigurationStamp {
  const c = answer.object(answer.body, 'ChatConfiguration');
  return readStampOf(answer, c, (field) => `ChatConfiguration.${field}`);
}

function readStampOf(answer: Answer, c: Json, at: (field: string) => string): ChatConfigurationStamp {
  return {
    name: answer.string(c, 'Name', at('Name')),
    createdDate: answer.string(c, 'CreatedDate', at('CreatedDate')),
    updatedDate: answer.optionalString(c, 'UpdatedDate', at('UpdatedDate')),
  };
}

/** The fields Get and List items share. */
function readSummary(answer: Answer, c: Json, at: (field: string) => string): ChatConfigurationSummary {
  return {
    ...readStampOf(answer, c, at),
    type: answer.string(c, 'Type', at('Type')),
    ramRole: answer.optionalString(c, 'RamRole', at('RamRole')),
    outputs: answer.jsonMap(c, 'Outputs', at('Outputs')),
  };
}

function readSecretParameter(answer: Answer, withValue: boolean): SecretParameter {
  const p = answer.object(answer.body, 'Parameter');
  const at = (field: string) => `Parameter.${field}`;
  // Get documents Tags as an object, Update's answer as JSON text: both are read.
  const tags: Json = typeof p.Tags === 'object' && p.Tags !== null ? answer.object(p, 'Tags', at('Tags')) : answer.jsonMap(p, 'Tags', at('Tags'));
  return {
    name: answer.string(p, 'Name', at('Name')),
    parameterVersion: answer.number(p, 'ParameterVersion', at('ParameterVersion')),
    value: withValue ? answer.string(p, 'Value', at('Value')) : answer.optionalString(p, 'Value', at('Value')),
    createdDate: answer.optionalString(p, 'CreatedDate', at('CreatedDate')),
    updatedDate: answer.optionalString(p, 'UpdatedDate', at('UpdatedDate')),
    description: answer.optionalString(p, 'Description', at('Description')),
    keyId: answer.optionalString(p, 'KeyId', at('KeyId')),
    constraints: answer.optionalString(p, 'Constraints', at('Constraints')),
    resourceGroupId: answer.optionalString(p, 'ResourceGroupId', at('ResourceGroupId')),
    tags: Object.fromEntries(
      Object.entries(tags).map(([key, value]) => [key, typeof value === 'string' ? value : answer.fail(at(`Tags.${key}`), 'expected a string')]),
    ),
  };
}

function tagsOf(rows: readonly TagResource[], name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of rows) if (t.resourceId === name) out[t.tagKey] = t.tagValue;
  return out;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
