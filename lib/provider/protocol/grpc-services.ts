/**
 * gRPC service definitions for grpc-js, built from the JSON descriptors of our .proto files
 * (compiled at build time by scripts/bundle-provider.js) with protobufjs' light runtime, so no
 * .proto is parsed when the provider starts.
 *
 * Messages cross this boundary as plain objects with the .proto's snake_case field names:
 * int64 as number, bytes as Buffer, enums as numbers, unset messages as null.
 */
import type { ServiceDefinition, MethodDefinition } from '@grpc/grpc-js';
import { Root, Type, IConversionOptions, INamespace } from 'protobufjs/light';
import descriptors from './proto/descriptors.json';

let root: Root | undefined;
function protocolRoot(): Root {
  root ??= Root.fromJSON(descriptors as unknown as INamespace);
  return root;
}

const DECODE_OPTIONS: IConversionOptions = { longs: Number, enums: Number, defaults: true, arrays: true, objects: true, oneofs: true };

/** A protobuf message as a plain object keyed by the .proto field names. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PlainMessage = { [field: string]: any };

export function encodeMessage(type: Type, message: PlainMessage): Buffer {
  return Buffer.from(type.encode(type.fromObject(message)).finish());
}

export function decodeMessage(type: Type, bytes: Buffer): PlainMessage {
  return type.toObject(type.decode(bytes), DECODE_OPTIONS);
}

/** The message type with this fully qualified name, e.g. `tfplugin6.DynamicValue`. */
export function messageType(fullName: string): Type {
  return protocolRoot().lookupType(fullName);
}

/** The grpc-js definition of a service in our descriptors, e.g. `tfplugin6.Provider`. */
export function serviceDefinition(fullName: string): ServiceDefinition {
  const service = protocolRoot().lookupService(fullName);
  const definition: { [method: string]: MethodDefinition<PlainMessage, PlainMessage> } = {};
  for (const method of service.methodsArray) {
    method.resolve();
    const requestType = method.resolvedRequestType as Type;
    const responseType = method.resolvedResponseType as Type;
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
