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
 * Requests and responses are plain objects with the .proto's field names (grpc-services.ts).
 */
import {
  BlockSchema,
  CtyType,
  CtyValue,
  DataSourceType,
  ObjectValue,
  ProviderDefinition,
  ResourceType,
  Schema,
  blockType,
  errorDiagnostic,
  isUnknown,
} from '../schema';
import { decodeJsonState, decodeJsonValue, decodeMsgpack, encodeMsgpack, fillMissingAttributes, isObjectValue } from './cty-codec';
import { attributePathToProto, diagnosticsFromError, diagnosticsToProto, hasErrors } from './diagnostics';
import type { PlainMessage } from './grpc-services';
import { ProtoSchema, schemaToProto } from './schema-encoding';

/** tfplugin6.DynamicValue as decoded: both fields present, empty when unset. */
interface DynamicValue {
  msgpack?: Buffer | Uint8Array;
  json?: Buffer | Uint8Array;
}
type Request = PlainMessage;
type Response = PlainMessage;

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
  private schemaResponse?: Response;

  constructor(private readonly source: ProviderDefinitionSource) {}

  /** The definition, built on the first call that needs it. */
  get definition(): ProviderDefinition {
    this.resolved ??= typeof this.source === 'function' ? this.source() : this.source;
    return this.resolved;
  }

  /**
   * Runs one RPC and always answers: a failure anywhere, even in decoding or in building the
   * definition, comes back as error diagnostics (StopProvider: as its Error string).
   */
  async call(method: string, request: Request): Promise<Response> {
    const handler = (this as unknown as { [name: string]: ((request: Request) => Promise<Response>) | undefined })[`rpc${method}`];
    try {
      if (!handler) throw new Error(`this provider does not implement ${method}`);
      return await handler.call(this, request);
    } catch (error) {
      if (method === 'StopProvider') return { Error: diagnosticsFromError(error)[0].summary };
      return { diagnostics: diagnosticsToProto(diagnosticsFromError(error)) };
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Information

  async rpcGetMetadata(): Promise<Response> {
    const definition = this.definition;
    return {
      server_capabilities: SERVER_CAPABILITIES,
      resources: definition.resources.map((resource) => ({ type_name: resource.name })),
      data_sources: definition.dataSources.map((dataSource) => ({ type_name: dataSource.name })),
    };
  }

  async rpcGetProviderSchema(): Promise<Response> {
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

  async rpcGetResourceIdentitySchemas(): Promise<Response> {
    return { identity_schemas: {}, diagnostics: [] };
  }

  async rpcGetFunctions(): Promise<Response> {
    return { functions: {}, diagnostics: [] };
  }

  // ---------------------------------------------------------------------------------------------
  // Validation and configuration

  async rpcValidateProviderConfig(request: Request): Promise<Response> {
    const definition = this.definition;
    const config = decodeObject(request.config, this.typed(definition).type);
    const diagnostics = config && definition.validateConfig ? definition.validateConfig(config) : [];
    return { diagnostics: diagnosticsToProto(diagnostics) };
  }

  async rpcValidateResourceConfig(request: Request): Promise<Response> {
    const resource = this.resource(request.type_name);
    const config = decodeObject(request.config, this.typed(resource).type);
    return { diagnostics: diagnosticsToProto(config && resource.validate ? resource.validate(config) : []) };
  }

  async rpcValidateDataResourceConfig(request: Request): Promise<Response> {
    const dataSource = this.dataSource(request.type_name);
    const config = decodeObject(request.config, this.typed(dataSource).type);
    return { diagnostics: diagnosticsToProto(config && dataSource.validate ? dataSource.validate(config) : []) };
  }

  async rpcConfigureProvider(request: Request): Promise<Response> {
    const definition = this.definition;
    const config = decodeObject(request.config, this.typed(definition).type) ?? {};
    return { diagnostics: diagnosticsToProto(await definition.configure(config, request.terraform_version ?? '')) };
  }

  // ---------------------------------------------------------------------------------------------
  // Managed resources, in lifecycle order

  async rpcUpgradeResourceState(request: Request): Promise<Response> {
    const resource = this.resource(request.type_name);
    const rawState = request.raw_state as { json?: Buffer; flatmap?: { [key: string]: string } } | null;
    if (!rawState?.json?.length) {
      if (rawState?.flatmap && Object.keys(rawState.flatmap).length > 0) {
        throw new Error(`${resource.name}: the stored state is in the legacy flatmap format, which this provider cannot read; re-import the resource`);
      }
      return { upgraded_state: { msgpack: this.encodeState(resource, null) }, diagnostics: [] };
    }
    const upgraded = resource.upgradeState(Number(request.version ?? 0), decodeJsonState(rawState.json));
    return { upgraded_state: { msgpack: this.encodeState(resource, upgraded) }, diagnostics: [] };
  }

  async rpcReadResource(request: Request): Promise<Response> {
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
      return { new_state: request.current_state, private: request.private, diagnostics: diagnosticsToProto(diagnosticsFromError(error)) };
    }
  }

  async rpcPlanResourceChange(request: Request): Promise<Response> {
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

  async rpcApplyResourceChange(request: Request): Promise<Response> {
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

  async rpcImportResourceState(request: Request): Promise<Response> {
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

  async rpcMoveResourceState(request: Request): Promise<Response> {
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

  async rpcReadDataSource(request: Request): Promise<Response> {
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

  async rpcStopProvider(): Promise<Response> {
    this.resolved?.stop?.();
    return { Error: '' };
  }

  private resource(typeName: string): ResourceType {
    const resource = this.definition.resources.find((candidate) => candidate.name === typeName);
    if (!resource) throw new UnknownTypeError('resource', typeName, this.definition.resources);
    return resource;
  }

  private dataSource(typeName: string): DataSourceType {
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

/** A copy of `value` with every write-only attribute of `block` (and its nested blocks) null. */
export function withoutWriteOnlyValues(block: BlockSchema, value: ObjectValue): ObjectValue {
  const result: ObjectValue = { ...value };
  for (const [name, attribute] of Object.entries(block.attributes)) {
    if (attribute.writeOnly) result[name] = null;
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const current = result[name];
    if (isObjectValue(current)) result[name] = withoutWriteOnlyValues(nested.block, current);
    else if (Array.isArray(current))
      result[name] = current.map((element) => (isObjectValue(element) ? withoutWriteOnlyValues(nested.block, element) : element));
  }
  return result;
}
