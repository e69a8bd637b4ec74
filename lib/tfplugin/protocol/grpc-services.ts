/**
 * gRPC service definitions for grpc-js, built from the JSON descriptors of our .proto files
 * (proto-descriptors.ts) with protobufjs' light runtime, so no .proto is parsed when the
 * provider starts.
 *
 * Messages cross this boundary as plain objects with the .proto's snake_case field names, typed
 * per RPC in messages.ts: int64 as number, bytes as Buffer, enums as numbers, unset messages as null.
 */
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import { IConversionOptions, INamespace, Root, Type } from 'protobufjs/light';
import { protoDescriptors } from './proto-descriptors';

/** A descriptor node: a namespace, a message (fields), an enum (values) or a service (methods). */
type Node = INamespace & {
  fields?: Record<string, { type: string; keyType?: string }>;
  values?: object;
  methods?: Record<string, { requestType: string; responseType: string; requestStream?: boolean; responseStream?: boolean }>;
};

const SCALAR_TYPES = new Set([
  'double',
  'float',
  'int32',
  'int64',
  'uint32',
  'uint64',
  'sint32',
  'sint64',
  'fixed32',
  'fixed64',
  'sfixed32',
  'sfixed64',
  'bool',
  'string',
  'bytes',
]);

/**
 * The protocol's message types, built from the descriptors one top-level declaration at a time,
 * when an RPC first needs them. Building every type up front (Root.fromJSON) was the largest part
 * of a provider's start before its handshake; a process that only answers GetProviderSchema needs
 * 6 of tfplugin6's 27 declarations, a whole apply about 17.
 */
class LazyProtocol {
  private readonly descriptors = protoDescriptors() as Node;
  private readonly root = new Root();
  readonly added = new Set<string>();

  node(path: readonly string[]): Node | undefined {
    let node: Node | undefined = this.descriptors;
    for (const name of path) node = node?.nested?.[name] as Node | undefined;
    return node;
  }

  /** Where `name` (as written in a .proto) points when seen from `scope`: the innermost scope that has it, as protobuf resolves. */
  resolve(scope: readonly string[], name: string): string[] {
    if (name.startsWith('.')) return name.slice(1).split('.');
    const segments = name.split('.');
    for (let depth = scope.length; depth >= 0; depth--) {
      const candidate = [...scope.slice(0, depth), ...segments];
      if (this.node(candidate)) return candidate;
    }
    throw new Error(`protocol descriptors: no type ${name} seen from ${scope.join('.')}`);
  }

  /** The message type at `path`, with every declaration it refers to added first. */
  type(path: readonly string[]): Type {
    this.add(path);
    return this.root.lookupType(path.join('.'));
  }

  /** Adds the outermost message or enum on `path` (with all it nests), then what its fields refer to. */
  private add(path: readonly string[]): void {
    let depth = 1;
    while (depth < path.length && !this.isType(this.node(path.slice(0, depth)))) depth++;
    const declaration = path.slice(0, depth);
    const key = declaration.join('.');
    if (this.added.has(key)) return;
    this.added.add(key);
    const json = this.node(declaration) as Node;
    this.root.define(declaration.slice(0, -1)).addJSON({ [declaration[declaration.length - 1]]: json });
    for (const reference of this.references(declaration, json)) this.add(reference);
  }

  private isType(node: Node | undefined): boolean {
    return node?.fields !== undefined || node?.values !== undefined;
  }

  private references(scope: readonly string[], json: Node): string[][] {
    const fields = Object.values(json.fields ?? {}).filter((field) => !SCALAR_TYPES.has(field.type));
    const nested = Object.entries(json.nested ?? {}).flatMap(([name, child]) => this.references([...scope, name], child as Node));
    return [...fields.map((field) => this.resolve(scope, field.type)), ...nested];
  }
}

let protocol: LazyProtocol | undefined;

/** The declarations built so far (e.g. `tfplugin6.Schema`): what this process's RPCs have needed. */
export function builtDeclarations(): readonly string[] {
  return [...(protocol?.added ?? [])];
}

const DECODE_OPTIONS: IConversionOptions = { longs: Number, enums: Number, defaults: true, arrays: true, objects: true, oneofs: true };

/** A decoded message, before the caller reads it as the interface of its RPC. */
export type DecodedMessage = { [field: string]: unknown };

/**
 * Our messages are already in protobufjs' plain-object form (numbers, Buffers, nested objects), so
 * they are encoded as they are: no fromObject copy, and the writer's Buffer is not copied again.
 */
function encodeMessage(type: Type, message: object): Buffer {
  const bytes = type.encode(message).finish();
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function decodeMessage(type: Type, bytes: Buffer): DecodedMessage {
  return type.toObject(type.decode(bytes), DECODE_OPTIONS);
}

const definitions = new Map<string, ServiceDefinition>();

/** The grpc-js definition of a service in our descriptors, e.g. `tfplugin6.Provider`. */
export function serviceDefinition(fullName: string): ServiceDefinition {
  let definition = definitions.get(fullName);
  if (!definition) {
    definition = buildServiceDefinition(fullName);
    definitions.set(fullName, definition);
  }
  return definition;
}

/** A service's methods come from the descriptors as they are; their message types are built at the method's first call. */
function buildServiceDefinition(fullName: string): ServiceDefinition {
  protocol ??= new LazyProtocol();
  const lazy = protocol;
  const scope = fullName.split('.');
  const service = lazy.node(scope);
  if (!service?.methods) throw new Error(`protocol descriptors: no service ${fullName}`);
  const definition: { [method: string]: MethodDefinition<object, object> } = {};
  for (const [name, method] of Object.entries(service.methods)) {
    let types: { request: Type; response: Type } | undefined;
    const resolved = () =>
      (types ??= { request: lazy.type(lazy.resolve(scope, method.requestType)), response: lazy.type(lazy.resolve(scope, method.responseType)) });
    definition[name] = {
      path: `/${fullName}/${name}`,
      requestStream: method.requestStream === true,
      responseStream: method.responseStream === true,
      requestSerialize: (message) => encodeMessage(resolved().request, message),
      requestDeserialize: (bytes) => decodeMessage(resolved().request, bytes),
      responseSerialize: (message) => encodeMessage(resolved().response, message),
      responseDeserialize: (bytes) => decodeMessage(resolved().response, bytes),
      originalName: name,
    };
  }
  return definition;
}
