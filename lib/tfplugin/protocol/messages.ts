/**
 * tfplugin6 messages as they cross the gRPC boundary: plain objects with the .proto's snake_case
 * field names, int64 as number, bytes as Buffer, enums as numbers, unset messages as null.
 * Request fields are optional (a client sends what it has; the server decodes defaults); response
 * fields are those the server always sets.
 */

/** tfplugin6.DynamicValue: a cty value as msgpack, or as JSON (stored states, some clients). */
export interface DynamicValue {
  msgpack?: Buffer;
  json?: Buffer;
}

export interface RawState {
  json?: Buffer;
  flatmap?: { [key: string]: string };
}

/** One step; a decoded step also says which of the three it is in `selector`. */
export interface ProtoAttributePathStep {
  attribute_name?: string;
  element_key_string?: string;
  element_key_int?: number;
  selector?: 'attribute_name' | 'element_key_string' | 'element_key_int';
}

export interface ProtoAttributePath {
  steps: ProtoAttributePathStep[];
}

export interface ProtoDiagnostic {
  /** tfplugin6.Diagnostic.Severity: 1 error, 2 warning. */
  severity: number;
  summary: string;
  detail: string;
  attribute: ProtoAttributePath | null;
}

export interface ProtoAttribute {
  name: string;
  /** The JSON of the cty type. */
  type: Buffer;
  description: string;
  required: boolean;
  optional: boolean;
  computed: boolean;
  sensitive: boolean;
  description_kind: number;
  deprecated: boolean;
  write_only: boolean;
}

export interface ProtoNestedBlock {
  type_name: string;
  block: ProtoBlock;
  /** tfplugin6.Schema.NestedBlock.NestingMode: 1 single, 2 list, 3 set. */
  nesting: number;
  min_items: number;
  max_items: number;
}

export interface ProtoBlock {
  version: number;
  attributes: ProtoAttribute[];
  block_types: ProtoNestedBlock[];
  description: string;
  description_kind: number;
  deprecated: boolean;
}

export interface ProtoSchema {
  version: number;
  block: ProtoBlock;
}

export interface ServerCapabilities {
  plan_destroy: boolean;
  get_provider_schema_optional: boolean;
  move_resource_state: boolean;
}

export interface WithDiagnostics {
  diagnostics: ProtoDiagnostic[];
}
interface TypedRequest {
  type_name?: string;
}

export type Empty = Record<never, never>;

export interface GetMetadataResponse {
  server_capabilities: ServerCapabilities;
  resources: { type_name: string }[];
  data_sources: { type_name: string }[];
}
export interface GetProviderSchemaResponse extends WithDiagnostics {
  provider: ProtoSchema;
  resource_schemas: { [typeName: string]: ProtoSchema };
  data_source_schemas: { [typeName: string]: ProtoSchema };
  server_capabilities: ServerCapabilities;
}
export interface GetResourceIdentitySchemasResponse extends WithDiagnostics {
  identity_schemas: Empty;
}
export interface GetFunctionsResponse extends WithDiagnostics {
  functions: Empty;
}
export interface ConfigRequest extends TypedRequest {
  config?: DynamicValue | null;
}
/** What the client (Terraform, OpenTofu) says it supports; absent or false from clients that predate a field. */
export interface ClientCapabilities {
  deferral_allowed?: boolean;
  /** Set by Terraform 1.11+ (and OpenTofu 1.11+): it keeps write-only values out of plan and state. */
  write_only_attributes_allowed?: boolean;
}
export interface ValidateResourceConfigRequest extends ConfigRequest {
  client_capabilities?: ClientCapabilities | null;
}
export interface ConfigureProviderRequest {
  terraform_version?: string;
  config?: DynamicValue | null;
}
export interface UpgradeResourceStateRequest extends TypedRequest {
  version?: number;
  raw_state?: RawState | null;
}
export interface UpgradeResourceStateResponse extends WithDiagnostics {
  upgraded_state: DynamicValue;
}
export interface ReadResourceRequest extends TypedRequest {
  current_state?: DynamicValue | null;
  private?: Buffer;
}
export interface ReadResourceResponse extends WithDiagnostics {
  new_state: DynamicValue | null;
  private?: Buffer;
}
export interface PlanResourceChangeRequest extends TypedRequest {
  prior_state?: DynamicValue | null;
  proposed_new_state?: DynamicValue | null;
  config?: DynamicValue | null;
  prior_private?: Buffer;
}
export interface PlanResourceChangeResponse extends WithDiagnostics {
  planned_state: DynamicValue;
  requires_replace?: ProtoAttributePath[];
  planned_private?: Buffer;
}
export interface ApplyResourceChangeRequest extends TypedRequest {
  prior_state?: DynamicValue | null;
  planned_state?: DynamicValue | null;
  config?: DynamicValue | null;
  planned_private?: Buffer;
}
export interface ApplyResourceChangeResponse extends WithDiagnostics {
  new_state: DynamicValue;
  private?: Buffer;
}
export interface ImportResourceStateRequest extends TypedRequest {
  id?: string;
}
export interface ImportResourceStateResponse extends WithDiagnostics {
  imported_resources: { type_name: string; state: DynamicValue; private: Buffer }[];
}
export interface MoveResourceStateRequest {
  source_type_name?: string;
  target_type_name?: string;
}
export interface ReadDataSourceResponse extends WithDiagnostics {
  state: DynamicValue;
}
export interface StopProviderResponse {
  Error: string;
}

/** Request and response of every tfplugin6.Provider RPC, by method name. */
export interface ProviderRpcs {
  GetMetadata: { request: Empty; response: GetMetadataResponse };
  GetProviderSchema: { request: Empty; response: GetProviderSchemaResponse };
  GetResourceIdentitySchemas: { request: Empty; response: GetResourceIdentitySchemasResponse };
  GetFunctions: { request: Empty; response: GetFunctionsResponse };
  ValidateProviderConfig: { request: ConfigRequest; response: WithDiagnostics };
  ValidateResourceConfig: { request: ValidateResourceConfigRequest; response: WithDiagnostics };
  ValidateDataResourceConfig: { request: ConfigRequest; response: WithDiagnostics };
  ConfigureProvider: { request: ConfigureProviderRequest; response: WithDiagnostics };
  UpgradeResourceState: { request: UpgradeResourceStateRequest; response: UpgradeResourceStateResponse };
  ReadResource: { request: ReadResourceRequest; response: ReadResourceResponse };
  PlanResourceChange: { request: PlanResourceChangeRequest; response: PlanResourceChangeResponse };
  ApplyResourceChange: { request: ApplyResourceChangeRequest; response: ApplyResourceChangeResponse };
  ImportResourceState: { request: ImportResourceStateRequest; response: ImportResourceStateResponse };
  MoveResourceState: { request: MoveResourceStateRequest; response: WithDiagnostics };
  ReadDataSource: { request: ConfigRequest; response: ReadDataSourceResponse };
  StopProvider: { request: Empty; response: StopProviderResponse };
}
export type ProviderMethod = keyof ProviderRpcs;
export type RequestOf<M extends ProviderMethod> = ProviderRpcs[M]['request'];
/** As a client decodes it: fields the server left out read as their defaults. */
export type ResponseOf<M extends ProviderMethod> = ProviderRpcs[M]['response'];
/** A failed RPC answers with diagnostics (StopProvider: with its Error string) instead of its usual fields. */
export type FailedResponse = WithDiagnostics | StopProviderResponse;

/** The server side: one handler per RPC. */
export type ProviderServer = { readonly [M in ProviderMethod]: (request: RequestOf<M>) => Promise<ResponseOf<M>> };

/** The go-plugin and health services beside tfplugin6. */
export interface HealthCheckRequest {
  service?: string;
}
export interface HealthCheckResponse {
  /** grpc.health.v1.HealthCheckResponse.ServingStatus: 1 SERVING. */
  status: number;
}
