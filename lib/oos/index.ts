/** OOS client layer: the client, its errors, deadlines, retry policy and the request/response types. */
export * from './types';
export * from './errors';
export * from './retry';
export { OosClient } from './client';
export { CLIENT_SETTING_NAMES, DEFAULT_REQUEST_TIMEOUT_MS, resolveRegion, resolveEndpoint, type OosClientConfig, type SettingNames } from './config';
export { DEFAULT_CALL_BUDGETS_MS, actionKind, type ActionKind, type CallOptions } from './deadlines';
export { AnswerObject, readAnswer } from './answers';
export { AdaptiveRateLimiter, DEFAULT_RATE_LIMITER_SETTINGS, type RateLimiterSettings } from './rate-limiter';
export type { CredentialSettings, AssumeRoleSettings } from './credentials';
