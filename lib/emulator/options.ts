/** Options and handles of the emulator: the public shapes re-exported by index.ts. */

/** An AccessKey pair the emulator accepts. Keys whose id starts with `STS.` also need their security token. */
export interface EmulatorCredential {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** Required as the x-acs-security-token header (V3) or SecurityToken parameter (V2) for `STS.*` keys. */
  readonly securityToken?: string;
}

/** Probabilities (0..1) and delays of injected failures, applied after signature verification. */
export interface FaultSettings {
  /** Share of requests answered `Throttling.User` (HTTP 400). Default 0. */
  throttlingRate?: number;
  /** Share of requests answered `ServiceUnavailable` (HTTP 503). Default 0. */
  serverErrorRate?: number;
  /** Delay added before every verified request is handled, in milliseconds. Default 0. */
  latencyMs?: number;
  /** Share of requests whose connection is destroyed without any response. Default 0. */
  dropRate?: number;
  /**
   * Share of requests that are carried out successfully but whose response is lost (the connection
   * is destroyed after the handler ran): what a client sees when the network fails mid-call. Default 0.
   */
  lostResponseRate?: number;
  /**
   * Share of requests that are carried out but answered with a malformed body (HTTP 200 with only a
   * RequestId): what a client sees from a gateway or service bug. Default 0.
   */
  malformedRate?: number;
  /** Actions the faults apply to, e.g. ['CreateChatConfiguration']. Default: every action. */
  actions?: string[];
  /** At most this many faults in all, then none (e.g. 1: only the first matching request fails). Default: no limit. */
  maxFaults?: number;
}

export interface EmulatorOptions {
  /** TCP port; default 0 (an ephemeral port). */
  port?: number;
  /** Listen address; default '127.0.0.1'. Only loopback addresses are accepted. */
  host?: string;
  /** JSON file the state is loaded from and saved to after every change; absent = in memory only. */
  dataFile?: string;
  /** Accepted AccessKeys; default [DEFAULT_EMULATOR_CREDENTIAL]. */
  credentials?: EmulatorCredential[];
  /** Account id used in webhook URLs; default '1234567890123456'. */
  accountId?: string;
  /** ResourceType naming chat configurations in the tag API; default 'chatconfiguration'. */
  tagResourceType?: string;
  /**
   * `model` (default): what the provider's defaults assume of OOS, beyond what is documented
   * (chat configurations taggable under `tagResourceType`, unknown Configuration keys kept).
   * `strict`: only what Alibaba's docs and SDK confirm (tagResourceTypes = the five documented
   * types, unknown Configuration keys refused). The two settings below override either profile.
   */
  profile?: EmulatorProfile;
  /**
   * ResourceTypes the tag API accepts. Default: DOCUMENTED_TAG_RESOURCE_TYPES, plus
   * `tagResourceType` in the `model` profile. Chat configurations are taggable only when their
   * `tagResourceType` is listed.
   */
  tagResourceTypes?: readonly string[];
  /**
   * Refuse (InvalidParameter.Configuration) a Configuration key other than `<Type>TemplateId`,
   * `<Type>ClientId`, `<Type>ClientSecret` and, for WeChat, WECHAT_SETTING_KEYS. Default: true in
   * the `strict` profile, false in `model`.
   */
  rejectUnknownConfigurationKeys?: boolean;
  /** Fault injection; default none. */
  faults?: FaultSettings;
  /** Seed of the fault dice, so a run with faults can be repeated; default unseeded (Math.random). */
  faultSeed?: number;
  /** Time source, for tests; default the system clock. */
  clock?: () => Date;
  /** ResourceGroupId given to resources created without one; default 'rg-acfmdefault000001'. */
  defaultResourceGroupId?: string;
  /** A client must send its headers within this; default 10,000 ms (then HTTP 408). */
  headersTimeoutMs?: number;
  /** A client must send its whole request within this; default 30,000 ms (then HTTP 408). */
  requestTimeoutMs?: number;
  /** An idle keep-alive connection is closed after this; default 5,000 ms. */
  keepAliveTimeoutMs?: number;
}

/** See EmulatorOptions.profile. */
export type EmulatorProfile = 'model' | 'strict';

/** The ResourceType values TagResources documents (SDK TagResourcesRequest; oos-api.md §4): none is for chat configurations. */
export const DOCUMENTED_TAG_RESOURCE_TYPES: readonly string[] = Object.freeze([
  'template',
  'parameter',
  'secretparameter',
  'stateconfiguration',
  'application',
]);

/** WeChat Configuration keys the project writes (extra_configuration, Platform.weChat settings) that no doc lists. */
export const WECHAT_SETTING_KEYS: readonly string[] = Object.freeze(['CorpId', 'AgentId', 'WeChatCorpId', 'WeChatAgentId']);

/** The slow-client limits a running emulator applies. */
export interface EmulatorTimeouts {
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
}

export const DEFAULT_EMULATOR_TIMEOUTS: EmulatorTimeouts = Object.freeze({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 });

export const DEFAULT_EMULATOR_CREDENTIAL: EmulatorCredential = {
  accessKeyId: 'LTAIemulatorKey0001',
  accessKeySecret: 'emulator-secret-not-for-production',
};

export const DEFAULT_ACCOUNT_ID = '1234567890123456';
export const DEFAULT_RESOURCE_GROUP_ID = 'rg-acfmdefault000001';

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:PORT */
  readonly url: string;
  /** e.g. 127.0.0.1:PORT, the form the SDK's `endpoint` takes. */
  readonly endpoint: string;
  readonly port: number;
  readonly timeouts: EmulatorTimeouts;
  setFaults(faults: FaultSettings): void;
  close(): Promise<void>;
}
