/**
 * OOS (2019-06-01) client for chat configurations, their tags and secret parameters: a façade
 * over the transport (transport.ts: signing, lazy loading of the SDK), calls to a deadline
 * (calls.ts, retry.ts, rate-limiter.ts, deadlines.ts), tag-read batching (tag-reads.ts),
 * pagination (pagination.ts) and strict answer decoding (answers.ts, answer-decoders.ts).
 *
 * How a caller is meant to use it (issue 8):
 * - Time: compute one deadline per task from the caller's own time limit
 *   (`client.deadlineAfter(ms)`; DEFAULT_CALL_BUDGETS_MS when it has none) and pass `{ deadline }`
 *   to every call of that task (create, tag, read back). Retries run until then; `retry.maxRetries`
 *   is only an optional cap. `stop()` ends every wait at once; an attempt in flight finishes.
 * - Throttling: all calls of one client share an adaptive rate limiter; nothing to configure.
 * - Did it happen? Every call error is an OosCallError with `history` (each attempt's outcome)
 *   and `outcomeUnknown`; a success reports the same through `onHistory`. After Create fails:
 *   `isAlreadyExists(e) && e.outcomeUnknown` → an earlier attempt may have created it: adopt it
 *   only if it carries the caller's own proof; `isAlreadyExists(e) && !e.outcomeUnknown` →
 *   someone else's (never adopt). Any error with `e.history.mayHaveTakenEffect` (a network error
 *   after sending, a malformed 2xx answer) → the configuration may exist: keep track of it.
 * - Answers are decoded strictly: OosResponseError names the action, the field's path and the RequestId.
 * - Input checks live in lib/domain (e.g. MAX_CONFIGURATION_LENGTH, configurationLengthProblem,
 *   tagProblems), so an invalid configuration fails before anything is created.
 */
import { ignoreAnswer, readChatConfiguration, readSecretParameter, readStamp, readSummaries, readTagResources } from './answer-decoders';
import type { AnswerObject } from './answers';
import { CallRunner } from './calls';
import { CLIENT_SETTING_NAMES, resolveEndpoint, resolveRegion, resolveRequestTimeout, type OosClientConfig, type ResolvedEndpoint } from './config';
import { validateCredentialSettings } from './credentials';
import { resolveCallBudgets, type CallOptions } from './deadlines';
import { collectPages, PAGE_SIZE } from './pagination';
import { AdaptiveRateLimiter } from './rate-limiter';
import { SecretRedactor } from './redaction';
import { resolveRetryPolicy, SYSTEM_CLOCK, type RetryClock } from './retry';
import { chunk, TagReadBatcher } from './tag-reads';
import { OosTransport, type QueryInput } from './transport';
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
import { DEFAULT_TAG_RESOURCE_TYPE, isSecretKey } from '../domain';

export type { CredentialSettings } from './credentials';
export type { CallOptions } from './deadlines';
export { DEFAULT_REQUEST_TIMEOUT_MS, type OosClientConfig } from './config';

/** TagResources / UntagResources accept at most 20 tags or keys per call. */
const TAGS_PER_CALL = 20;

export class OosClient {
  readonly regionId: string;
  readonly endpoint: ResolvedEndpoint;
  readonly tagResourceType: string;
  private readonly clock: RetryClock;
  private readonly redactor = new SecretRedactor();
  private readonly limiter: AdaptiveRateLimiter;
  private readonly calls: CallRunner;
  private readonly tagReads: TagReadBatcher;

  constructor(config: OosClientConfig = {}) {
    this.regionId = resolveRegion(config.regionId);
    this.endpoint = resolveEndpoint(config.endpoint, this.regionId);
    validateCredentialSettings(config.credentials);
    const retryPolicy = resolveRetryPolicy(config.retry);
    const requestTimeoutMs = resolveRequestTimeout(config.requestTimeoutMs);
    const settingNames = config.settingNames ?? CLIENT_SETTING_NAMES;
    this.tagResourceType = config.tagResourceType || DEFAULT_TAG_RESOURCE_TYPE;
    this.clock = config.clock ?? SYSTEM_CLOCK;
    this.limiter = new AdaptiveRateLimiter(this.clock);
    this.redactor.remember(config.credentials?.accessKeySecret);
    this.redactor.remember(config.credentials?.securityToken);
    const transport = new OosTransport(
      { regionId: this.regionId, endpoint: this.endpoint, credentials: config.credentials, userAgent: config.userAgent, requestTimeoutMs, settingNames },
      this.redactor,
    );
    this.calls = new CallRunner({
      settingNames,
      transport,
      host: this.endpoint.host,
      retryPolicy,
      budgets: resolveCallBudgets(config.callBudgetMs),
      requestTimeoutMs,
      clock: this.clock,
      limiter: this.limiter,
      redactor: this.redactor,
      logger: config.logger,
    });
    this.tagReads = new TagReadBatcher(
      (names, options) => this.listTagResources(this.tagResourceType, names, options),
      (options) => this.calls.deadlineOf('ListTagResources', options),
      () => this.clock.now(),
    );
  }

  /** Every wait (backoff, rate limit) ends at once and no new attempt starts; an attempt in flight finishes with its result or error. */
  stop(): void {
    this.calls.stop();
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
    const found = await this.call('GetChatConfiguration', { Name: name }, options, readChatConfiguration);
    this.rememberConfigurationSecrets(found.configuration);
    return found;
  }

  /** All pages. Filters are sent as Filters.N.Name / Filters.N.Value. */
  async listChatConfigurations(filters: readonly ListFilter[] = [], options: CallOptions = {}): Promise<ChatConfigurationSummary[]> {
    const query: QueryInput = {
      Filters: filters.length ? filters.map((f) => ({ Name: f.name, Value: f.value })) : undefined,
      MaxResults: PAGE_SIZE,
    };
    return collectPages(this.call, 'ListChatConfigurations', query, options, readSummaries);
  }

  async deleteChatConfiguration(name: string, options: CallOptions = {}): Promise<void> {
    await this.call('DeleteChatConfiguration', { Name: name }, options, ignoreAnswer);
  }

  // ---- tags (any ResourceType: chatconfiguration, secretparameter, ...) ------------------

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
    return collectPages(this.call, 'ListTagResources', query, options, (answer) => readTagResources(answer, resourceType));
  }

  /**
   * Reads made in the same turn of the event loop share one ListTagResources of up to 50 ids
   * (tag-reads.ts says how deadlines, aborts and failures are kept per read).
   */
  async getChatConfigurationTags(name: string, options: CallOptions = {}): Promise<Record<string, string>> {
    return this.tagReads.read(name, options);
  }

  /** Makes the tags of chat configuration `name` equal `desired` (see setResourceTags). */
  async setChatConfigurationTags(
    name: string,
    desired: Readonly<Record<string, string>>,
    current?: Readonly<Record<string, string>>,
    options: CallOptions = {},
  ): Promise<void> {
    const now = current ?? (await this.getChatConfigurationTags(name, options));
    await this.setResourceTags(this.tagResourceType, name, desired, now, options);
  }

  /** Makes the tags of one resource equal `desired`, given its `current` tags: untags removed keys, tags added or changed ones. */
  async setResourceTags(
    resourceType: string,
    resourceId: string,
    desired: Readonly<Record<string, string>>,
    current: Readonly<Record<string, string>>,
    options: CallOptions = {},
  ): Promise<void> {
    const removed = Object.keys(current).filter((k) => !Object.prototype.hasOwnProperty.call(desired, k));
    const changed = Object.entries(desired).filter(([k, v]) => current[k] !== v);
    const resourceIds = [resourceId];
    for (const tagKeys of chunk(removed, TAGS_PER_CALL)) {
      await this.untagResources({ resourceType, resourceIds, tagKeys }, options);
    }
    for (const entries of chunk(changed, TAGS_PER_CALL)) {
      await this.tagResources({ resourceType, resourceIds, tags: Object.fromEntries(entries) }, options);
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

  /** `change` as a string is a new value (a new version). Tags change through setResourceTags. */
  async updateSecretParameter(name: string, change: string | SecretParameterChange, options: CallOptions = {}): Promise<SecretParameter> {
    const c = typeof change === 'string' ? { value: change } : change;
    this.redactor.remember(c.value);
    const params = { Name: name, Value: c.value, Description: c.description, ResourceGroupId: c.resourceGroupId };
    return this.call('UpdateSecretParameter', params, options, (a) => readSecretParameter(a, false));
  }

  async deleteSecretParameter(name: string, options: CallOptions = {}): Promise<void> {
    await this.call('DeleteSecretParameter', { Name: name }, options, ignoreAnswer);
  }

  // ---- plumbing ------------------------------------------------------------------------

  /** One action to its deadline (calls.ts); an arrow so that pagination can be handed it. */
  private readonly call = <T>(action: string, params: QueryInput, options: CallOptions, read: (answer: AnswerObject) => T): Promise<T> =>
    this.calls.run(action, params, options, read);

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
}
