/** OOS client layer: the client, its errors, retry policy and the request/response types. */
export * from './types';
export * from './errors';
export * from './retry';
export { OosClient, DEFAULT_REQUEST_TIMEOUT_MS } from './client';
export type { OosClientConfig, CallOptions } from './client';
export { AdaptiveRateLimiter, DEFAULT_RATE_LIMITER_SETTINGS, type RateLimiterSettings } from './rate-limiter';
export type { CredentialSettings, AssumeRoleSettings } from './credentials';
export { resolveRegion, resolveEndpoint } from './config';
