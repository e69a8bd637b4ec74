/**
 * The Alibaba Cloud error envelope and the codes the emulator answers with.
 * Kept apart from the handlers so every failure, whatever raised it, leaves the server in one shape.
 */

/** A failure the client is meant to see: an Alibaba error code, its HTTP status and a message. */
export class OosError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
    this.name = 'OosError';
  }
}

/** The JSON body Alibaba's gateway returns for every error. */
export interface ErrorEnvelope {
  RequestId: string;
  HostId: string;
  Code: string;
  Message: string;
  Recommend: string;
}

export function errorEnvelope(error: OosError, requestId: string, hostId: string): ErrorEnvelope {
  return {
    RequestId: requestId,
    HostId: hostId,
    Code: error.code,
    Message: error.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=oos&requestId=${requestId}`,
  };
}

export function missingParameter(name: string): OosError {
  return new OosError(`MissingParameter.${name}`, 400, `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
}

/** `reason` must never contain the parameter's value: values may be secrets. */
export function invalidParameter(name: string, reason: string): OosError {
  return new OosError(`InvalidParameter.${name}`, 400, `The parameter "${name}" is invalid: ${reason}`);
}

export function entityNotExists(entity: string, name: string): OosError {
  return new OosError(`EntityNotExists.${entity}`, 404, `The ${describeEntity(entity)} "${name}" does not exist.`);
}

export function entityAlreadyExists(entity: string, name: string): OosError {
  return new OosError(`EntityAlreadyExists.${entity}`, 409, `The ${describeEntity(entity)} "${name}" already exists.`);
}

export function internalError(): OosError {
  return new OosError('InternalError', 500, 'The request processing has failed due to some unknown error.');
}

function describeEntity(entity: string): string {
  // "ChatConfiguration" -> "chat configuration"
  return entity.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
