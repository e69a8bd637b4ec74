/** OOS client layer: the client, its errors, retry policy and the request/response types. */
export * from './types';
export * from './errors';
export * from './retry';
export { OosClient, OOS_API_VERSION, DEFAULT_TAG_RESOURCE_TYPE, DEFAULT_REQUEST_TIMEOUT_MS } from './client';
export type { OosClientConfig } from './client';
export type { CredentialSettings, AssumeRoleSettings } from './credentials';
export { resolveRegion, resolveEndpoint, isLoopbackHost, REGION_ENV_VARS } from './config';
export { MASK } from './redaction';
