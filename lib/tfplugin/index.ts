/**
 * The plugin kit's public entry: everything outside lib/tfplugin imports from here, never from a
 * file inside it (a lint rule in eslint.config.js enforces it; ./protocol is private).
 *
 * - schemas and typed models: `defineSchema`, `ModelOf`, `PlanModelOf`, `AppliedPlanOf`;
 * - resources, data sources and the provider block: `defineResource`, `defineDataSource`,
 *   `defineProvider`, each hook given a `Diagnostics` accumulator;
 * - attribute behaviour: validators and plan modifiers, declared on the attribute at any depth;
 * - `serve` for a provider's main, and the go-plugin handshake for those who start providers;
 * - `testing`: playing Terraform's part in tests and benchmarks.
 */
export * from './schema';
export { defineSchema } from './model';
export type { AppliedPlanOf, BlockModel, ModelOf, PlanModelOf, Unknowable, ValueOf } from './model';
export * from './diagnostics';
export * from './plan-modifiers';
export * from './validators';
export * from './values';
export { IncompleteApplyError, defineDataSource, defineResource } from './resource';
export type { DataSourceDefinition, PlanChange, ResourceDefinition, Written } from './resource';
export { defineProvider } from './provider';
export type { ProviderBlockDefinition } from './provider';
export { serve } from './serve';

// The go-plugin handshake, for code that starts providers (release checks, tooling, benchmarks).
export { generateSelfSignedCertificate, handshakeCertificate } from './protocol/certificate';
export type { CertificateOptions, SelfSignedCertificate } from './protocol/certificate';
export { CORE_PROTOCOL_VERSION, NOT_A_PROGRAM_MESSAGE, PROTOCOL_VERSION, pluginEnvironment } from './protocol/handshake';
// The protocol descriptors the release build compiles into the provider bundle.
export { DESCRIPTORS_FILE, compileProtoDescriptors } from './protocol/proto-descriptors';

export * as testing from './testing';
