/**
 * The tfplugin6 Provider service: each RPC decoded, handed to the ProviderDefinition, and its
 * answer encoded. What every resource would otherwise repeat is enforced here once:
 * - write-only attributes are null in every state the provider returns (plan, apply, read,
 *   import, upgrade), so a secret can never reach plan or state;
 * - states carry every attribute of the schema (missing ones are null);
 * - a destroy plans a null state without asking the resource; an apply of a null plan returns a
 *   null state once the resource deleted the object;
 * - no handler failure escapes: it becomes error diagnostics (see diagnostics.ts).
 *
 * Requests and responses are typed per RPC in messages.ts.
 */
import { validateBlock, writeOnlyNotAllowed } from '../validators';
import { CtyType, CtyValue, DataSourceType, ObjectValue, ProviderDefinition, ResourceType, Schema, blockType, errorDiagnostic, isUnknown } from '../schema';
import { diagnosticsFromError, hasErrors } from '../diagnostics';
import { fillMissingAttributes, isObjectValue, withoutWriteOnlyValues } from '../values';
import { decodeJsonState, decodeJsonValue, decodeMsgpack, encodeMsgpack, fromJsonData } from './cty-codec';
import { attributePathToProto, diagnosticsToProto } from './diagnostics';
import type {
  ApplyResourceChangeRequest,
  ApplyResourceChangeResponse,
  ConfigRequest,
  ConfigureProviderRequest,
  DynamicValue,
  FailedResponse,
  GetMetadataResponse,
  GetProviderSchemaResponse,
  ImportResourceStateRequest,
  ImportResourceStateResponse,
  MoveResourceStateRequest,
  PlanResourceChangeRequest,
  PlanResourceChangeResponse,
  ProtoSchema,
  ProviderMethod,
  ProviderServer,
  ReadDataSourceResponse,
  ReadResourceRequest,
  ReadResourceResponse,
  RequestOf,
  ResponseOf,
  UpgradeResourceStateRequest,
  UpgradeResourceStateResponse,
  WithDiagnostics,
} from './messages';
import { schemaToProto } from './schema-encoding';

/** A ProviderDefinition, or a function that builds one on first use (keeps heavy modules off the handshake path). */
export type ProviderDefinitionSource = ProviderDefinition | (() => ProviderDefinition);

/** A managed resource or data source type with the cty type of its block, computed once. */
interface TypedSchema {
  readonly schema: Schema;
  readonly type: CtyType;
}

export class ProviderService {
  private resolved?: ProviderDefinition;
  private readonly types = new Map<object, TypedSchema>();
  private schemaResponse?: GetProviderSchemaResponse;
  /** The RPC handlers by method name: what `call` dispatches on, checked by the compiler. */
  private readonly rpcs: ProviderServer = {
    GetMetadata: async () => this.getMetadata(),
    GetProviderSchema: async () => this.getProviderSchema(),
    GetResourceIdentitySchemas: async () => ({ identity_schemas: {}, diagnostics: [] }),
    GetFunctions: async () => ({ functions: {}, diagnostics: [] }),
    ValidateProviderConfig: async (request) => this.validateProviderConfig(request),
    ValidateResourceConfig: async (request) =>
      this.validateConfig(this.resource(request.type_name), request, request.client_capabilities?.write_only_attributes_allowed === true),
    ValidateDataResourceConfig: async (request) => this.validateConfig(this.dataSource(request.type_name), request),
    ConfigureProvider: (request) => this.configureProvider(request),
    UpgradeResourceState: async (request) => this.upgradeResourceState(request),
    ReadResource: (request) => this.readResource(request),
    PlanResourceChange: (request) => this.planResourceChange(request),
    ApplyResourceChange: (request) => this.applyResourceChange(request),
    ImportResourceState: (request) => this.importResourceState(request),
    MoveResourceState: async (request) => this.moveResourceState(request),
    ReadDataSource: (request) => this.readDataSource(request),
    StopProvider: async () => {
      this.resolved?.stop?.();
      return { Error: '' };
    },
  };

  constructor(private readonly source: ProviderDefinitionSource) {}

  /** True for the RPCs this service answers (every one tfplugin6.proto declares; a test checks). */
  handles(method: string): method is ProviderMethod {
    return Object.hasOwn(this.rpcs, method);
  }

  /** The definition, built on the first call that needs it. */
  get definition(): ProviderDefinition {
    this.resolved ??= typeof this.source === 'function' ? this.source() : this.source;
    return this.resolved;
  }

  /**
   * Runs one RPC and always answers: a failure anywhere, even in decoding or in building the
   * definition, comes back as error diagnostics (StopProvider: as its Error string).
   */
  async call<M extends ProviderMethod>(method: M, request: RequestOf<M>): Promise<ResponseOf<M> | FailedResponse> {
    try {
      const handler: ProviderServer[M] = this.rpcs[method];
      return await handler(request);
    } catch (error) {
      if (method === 'StopProvider') return { Error: diagnosticsFromError(error)[0].summary };
      return { diagnostics: diagnosticsToProto(diagnosticsFromError(error)) };
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Information

  private getMetadata(): GetMetadataResponse {
    const definition = this.definition;
    return {
      server_capabilities: SERVER_CAPABILITIES,
      resources: definition.resources.map((resource) => ({ type_name: resource.name })),
      data_sources: definition.dataSources.map((dataSource) => ({ type_name: dataSource.name })),
    };
  }

  private getProviderSchema(): GetProviderSchemaResponse {
    if (!this.schemaResponse) {
      const definition = this.definition;
      const bySchema = (types: readonly { name: string; schema: Schema }[]) => {
        const schemas: { [name: string]: ProtoSchema } = {};
        for (const type of types) schemas[type.name] = schemaToProto(type.schema);
        return schemas;
      };
      this.schemaResponse = {
        provider: schemaToProto(definition.schema),
        resource_schemas: bySchema(definition.resources),
        data_source_schemas: bySchema(definition.dataSources),
        server_capabilities: SERVER_CAPABILITIES,
        diagnostics: [],
      };
    }
    return this.schemaResponse;
  }

  // ---------------------------------------------------------------------------------------------
  // Validation and configuration

  private validateProviderConfig(request: ConfigRequest): WithDiagnostics {
    const definition = this.definition;
    const config = decodeObject(request.config, this.typed(definition).type);
    if (!config) return { diagnostics: [] };
    return { diagnostics: diagnosticsToProto([...validateBlock(definition.schema.block, config), ...(definition.validateConfig?.(config) ?? [])]) };
  }

  /**
   * The validators declared on the schema's attributes, then the type's own checks; for a client
   * that cannot keep write-only values out of state, every write-only value set is refused first.
   */
  private validateConfig(owner: ResourceType | DataSourceType, request: ConfigRequest, writeOnlyAllowed = true): WithDiagnostics {
    const config = decodeObject(request.config, this.typed(owner).type);
    if (!config) return { diagnostics: [] };
    const refused = writeOnlyAllowed ? [] : writeOnlyNotAllowed(owner.schema.block, config);
    return { diagnostics: diagnosticsToProto([...refused, ...validateBlock(owner.schema.block, config), ...(owner.validate?.(config) ?? [])]) };
  }

  private async configureProvider(request: ConfigureProviderRequest): Promise<WithDiagnostics> {
    const definition = this.definition;
    const config = decodeObject(request.config, this.typed(definition).type) ?? {};
    return { diagnostics: diagnosticsToProto(await definition.configure(config, request.terraform_version ?? '')) };
  }

  // ---------------------------------------------------------------------------------------------
  // Managed resources, in lifecycle order

  private upgradeResourceState(request: UpgradeResourceStateRequest): UpgradeResourceStateResponse {
    const resource = this.resource(request.type_name);
    const rawState = request.raw_state;
    if (!rawState?.json?.length) {
      if (rawState?.flatmap && Object.keys(rawState.flatmap).length > 0) {
        throw new Error(`${resource.name}: the stored state is in the legacy flatmap format, which this provider cannot read; re-import the resource`);
      }
      return { upgraded_state: { msgpack: this.encodeState(resource, null) }, diagnostics: [] };
    }
    // Read by the current schema's attribute names: retired attributes are dropped, new ones null.
    const raw = decodeJsonState(rawState.json);
    const stored = fromJsonData(raw, this.typed(resource).type);
    const upgraded = resource.upgradeState(Number(request.version ?? 0), isObjectValue(stored) ? stored : {}, raw);
    return { upgraded_state: { msgpack: this.encodeState(resource, upgraded) }, diagnostics: [] };
  }

  private async readResource(request: ReadResourceRequest): Promise<ReadResourceResponse> {
    const resource = this.resource(request.type_name);
    const type = this.typed(resource).type;
    const currentState = decodeObject(request.current_state, type);
    if (!currentState) return { new_state: { msgpack: this.encodeState(resource, null) }, private: request.private, diagnostics: [] };
    try {
      const response = await resource.read({ currentState, private: request.private ?? Buffer.alloc(0) });
      return {
        new_state: { msgpack: this.encodeState(resource, response.newState) },
        private: response.private ?? request.private,
        diagnostics: diagnosticsToProto(response.diagnostics),
      };
    } catch (error) {
      // The object is still there as far as we know: keep the current state.
      return { new_state: request.current_state ?? null, private: request.private, diagnostics: diagnosticsToProto(diagnosticsFromError(error)) };
    }
  }

  private async planResourceChange(request: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse> {
    const resource = this.resource(request.type_name);
    const type = this.typed(resource).type;
    const proposedNewState = decodeObject(request.proposed_new_state, type);
    if (!proposedNewState) {
      // Destroy: nothing to plan (plan_destroy is false, so Terraform rarely asks).
      return { planned_state: { msgpack: this.encodeState(resource, null) }, planned_private: request.prior_private, diagnostics: [] };
    }
    const response = await resource.plan({
      priorState: decodeObject(request.prior_state, type),
      proposedNewState,
      config: decodeObject(request.config, type),
      priorPrivate: request.prior_private ?? Buffer.alloc(0),
    });
    return {
      planned_state: { msgpack: this.encodeState(resource, response.plannedState) },
      requires_replace: (response.requiresReplace ?? []).map(attributePathToProto),
      planned_private: response.plannedPrivate ?? request.prior_private,
      diagnostics: diagnosticsToProto(response.diagnostics),
    };
  }

  private async applyResourceChange(request: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse> {
    const resource = this.resource(request.type_name);
    const type = this.typed(resource).type;
    const priorState = decodeObject(request.prior_state, type);
    const plannedState = decodeObject(request.planned_state, type);
    let response;
    try {
      response = await resource.apply({
        priorState,
        plannedState,
        config: decodeObject(request.config, type),
        plannedPrivate: request.planned_private ?? Buffer.alloc(0),
      });
    } catch (error) {
      // Nothing changed that we know of: Terraform keeps the prior object (none for a create).
      return {
        new_state: { msgpack: this.encodeState(resource, priorState) },
        private: request.planned_private,
        diagnostics: diagnosticsToProto(diagnosticsFromError(error)),
      };
    }
    const failed = hasErrors(response.diagnostics);
    // A destroy that succeeded leaves no object; one that failed leaves the prior one.
    const newState = plannedState === null ? (failed ? priorState : null) : failed && response.newState === undefined ? priorState : response.newState;
    return {
      new_state: { msgpack: this.encodeState(resource, newState) },
      private: response.private ?? request.planned_private,
      diagnostics: diagnosticsToProto(response.diagnostics),
    };
  }

  private async importResourceState(request: ImportResourceStateRequest): Promise<ImportResourceStateResponse> {
    const resource = this.resource(request.type_name);
    const response = await resource.importState(request.id ?? '');
    if (hasErrors(response.diagnostics)) return { imported_resources: [], diagnostics: diagnosticsToProto(response.diagnostics) };
    return {
      imported_resources: [
        { type_name: resource.name, state: { msgpack: this.encodeState(resource, response.state) }, private: response.private ?? Buffer.alloc(0) },
      ],
      diagnostics: diagnosticsToProto(response.diagnostics),
    };
  }

  private moveResourceState(request: MoveResourceStateRequest): WithDiagnostics {
    return {
      diagnostics: diagnosticsToProto([
        errorDiagnostic(
          'Moving resource state is not supported',
          `This provider cannot move ${request.source_type_name || 'a resource'} into ${request.target_type_name || 'another type'}; remove it from state and import it instead.`,
        ),
      ]),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Data sources

  private async readDataSource(request: ConfigRequest): Promise<ReadDataSourceResponse> {
    const dataSource = this.dataSource(request.type_name);
    const typed = this.typed(dataSource);
    const config = decodeObject(request.config, typed.type) ?? {};
    const response = await dataSource.read(config);
    return {
      state: { msgpack: encodeMsgpack(withoutWriteOnlyValues(typed.schema.block, fillMissingAttributes(typed.schema.block, response.state)), typed.type) },
      diagnostics: diagnosticsToProto(response.diagnostics),
    };
  }

  // ---------------------------------------------------------------------------------------------

  private resource(typeName = ''): ResourceType {
    const resource = this.definition.resources.find((candidate) => candidate.name === typeName);
    if (!resource) throw new UnknownTypeError('resource', typeName, this.definition.resources);
    return resource;
  }

  private dataSource(typeName = ''): DataSourceType {
    const dataSource = this.definition.dataSources.find((candidate) => candidate.name === typeName);
    if (!dataSource) throw new UnknownTypeError('data source', typeName, this.definition.dataSources);
    return dataSource;
  }

  private typed(owner: { readonly schema: Schema }): TypedSchema {
    let typed = this.types.get(owner);
    if (!typed) {
      typed = { schema: owner.schema, type: blockType(owner.schema.block) };
      this.types.set(owner, typed);
    }
    return typed;
  }

  /** A state as the resource's schema requires it: all attributes, write-only ones null. */
  private encodeState(resource: ResourceType, state: ObjectValue | null): Buffer {
    const { schema, type } = this.typed(resource);
    if (state === null) return encodeMsgpack(null, type);
    return encodeMsgpack(withoutWriteOnlyValues(schema.block, fillMissingAttributes(schema.block, state)), type);
  }
}

const SERVER_CAPABILITIES = { plan_destroy: false, get_provider_schema_optional: true, move_resource_state: false };

class UnknownTypeError extends Error {
  constructor(kind: string, typeName: string, known: readonly { name: string }[]) {
    super(`This provider has no ${kind} type "${typeName}"; it has: ${known.map((type) => type.name).join(', ') || 'none'}.`);
  }
}

/** Decodes a DynamicValue holding a block's object: msgpack first, JSON as fallback; null when absent. */
export function decodeObject(value: DynamicValue | null | undefined, type: CtyType): ObjectValue | null {
  const decoded = decodeDynamicValue(value, type);
  // A wholly unknown block only occurs in validation before expansion; treat it as not yet known.
  if (decoded === null || isUnknown(decoded)) return null;
  if (!isObjectValue(decoded)) throw new Error('expected an object value for the block');
  return decoded;
}

export function decodeDynamicValue(value: DynamicValue | null | undefined, type: CtyType): CtyValue {
  if (!value) return null;
  if (value.msgpack && value.msgpack.length > 0) return decodeMsgpack(value.msgpack, type);
  if (value.json && value.json.length > 0) return decodeJsonValue(value.json, type);
  return null;
}
