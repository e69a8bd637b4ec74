/**
 * gRPC service definitions for grpc-js, built from the JSON descriptors of our .proto files
 * (proto-descriptors.ts) with protobufjs' light runtime, so no .proto is parsed when the
 * provider starts.
 *
 * Messages cross this boundary as plain objects with the .proto's snake_case field names, typed
 * per RPC in messages.ts: int64 as number, bytes as Buffer, enums as numbers, unset messages as null.
 */
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import { IConversionOptions, Root, Type } from 'protobufjs/light';
import { protoDescriptors } from './proto-descriptors';

let root: Root | undefined;
function protocolRoot(): Root {
  root ??= Root.fromJSON(protoDescriptors());
  return root;
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

function buildServiceDefinition(fullName: string): ServiceDefinition {
  const service = protocolRoot().lookupService(fullName);
  const definition: { [method: string]: MethodDefinition<object, object> } = {};
  for (const method of service.methodsArray) {
    method.resolve();
    const requestType = method.resolvedRequestType;
    const responseType = method.resolvedResponseType;
    if (!requestType || !responseType) throw new Error(`${fullName}.${method.name}: its message types are missing from the descriptors`);
    definition[method.name] = {
      path: `/${fullName}/${method.name}`,
      requestStream: method.requestStream === true,
      responseStream: method.responseStream === true,
      requestSerialize: (message) => encodeMessage(requestType, message),
      requestDeserialize: (bytes) => decodeMessage(requestType, bytes),
      responseSerialize: (message) => encodeMessage(responseType, message),
      responseDeserialize: (bytes) => decodeMessage(responseType, bytes),
      originalName: method.name,
    };
  }
  return definition;
}
