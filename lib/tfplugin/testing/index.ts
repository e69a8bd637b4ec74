/**
 * Helpers for tests and benchmarks, exported from the kit's public entry as `testing`: playing
 * Terraform's part against a provider process, and the protocol internals that tests of the kit
 * and the gRPC floor benchmark exercise directly. Nothing a provider needs at run time.
 */
export * from './provider-process';
export { CtyCodecError, decodeJsonState, decodeJsonValue, decodeMsgpack, encodeMsgpack, fromJsonData } from '../protocol/cty-codec';
export { attributePathToProto, diagnosticToProto, diagnosticsToProto } from '../protocol/diagnostics';
export { builtDeclarations, serviceDefinition } from '../protocol/grpc-services';
export { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../protocol/handshake';
export type * from '../protocol/messages';
export { protoDescriptors } from '../protocol/proto-descriptors';
export { ProviderService } from '../protocol/provider-service';
export { schemaToProto } from '../protocol/schema-encoding';
