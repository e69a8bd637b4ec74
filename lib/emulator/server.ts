/**
 * The HTTP front of the emulator: parse, verify the signature, inject faults, dispatch to the
 * operation's handler, and answer in Alibaba's JSON shapes. Request parameters are never logged:
 * they carry secrets.
 */
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, STATUS_CODES, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type ActionHandler, ActionParameters, type EmulatorSettings } from './actions';
import { chatConfigurationActions } from './chat-configurations';
import { OosError, errorEnvelope, internalError, invalidParameter } from './errors';
import { FaultInjector, seededRandom } from './faults';
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_EMULATOR_CREDENTIAL,
  DEFAULT_EMULATOR_TIMEOUTS,
  DEFAULT_RESOURCE_GROUP_ID,
  DOCUMENTED_TAG_RESOURCE_TYPES,
  type EmulatorOptions,
  type EmulatorTimeouts,
  type RunningEmulator,
} from './options';
import { parseRequest, readBody } from './request';
import { secretParameterActions } from './secret-parameters';
import { SignatureVerifier } from './signature-verifier';
import { EmulatorStore } from './store';
import { tagActions } from './tags';
import { DEFAULT_TAG_RESOURCE_TYPE, OOS_API_VERSION, isLoopbackHost } from '../domain';

/** Re-exported for emulator users; one home in lib/domain. */
export const API_VERSION = OOS_API_VERSION;
const REGION_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

/** Every emulated action, by its case-sensitive name. */
const ACTIONS: ReadonlyMap<string, ActionHandler> = new Map(Object.entries({ ...chatConfigurationActions, ...tagActions, ...secretParameterActions }));

/** The request pipeline: parse, verify, version and action, faults, RegionId, handler. */
function createRequestListener(
  store: EmulatorStore,
  verifier: SignatureVerifier,
  faults: FaultInjector,
  settings: EmulatorSettings,
  clock: () => Date,
  isClosed: () => boolean,
): (message: IncomingMessage, response: ServerResponse) => void {
  return (message, response) => {
    const requestId = randomUUID().toUpperCase();
    const hostId = message.headers.host ?? '';
    handle(message, response, requestId).catch((error: unknown) => {
      respondWithError(response, requestId, hostId, error);
    });
  };

  async function handle(message: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
    const request = parseRequest(message, await readBody(message));
    if (request.method !== 'GET' && request.method !== 'POST') {
      throw new OosError('UnsupportedHTTPMethod', 400, `The HTTP method ${request.method} is not supported; use POST or GET.`);
    }
    if (request.path !== '/') throw new OosError('InvalidAction.NotFound', 404, 'RPC requests are served at the path "/" only.');

    const call = verifier.verify(request);
    if (call.version !== API_VERSION) {
      throw new OosError('InvalidVersion', 400, `Specified parameter Version is not valid; this emulator serves OOS ${API_VERSION}.`);
    }
    const handler = ACTIONS.get(call.action);
    if (handler === undefined) {
      throw new OosError('InvalidAction.NotFound', 404, `Specified api "${call.action}" is not found, please check your url and method.`);
    }

    const faulted = faults.appliesTo(call.action);
    if (faulted && faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    // Closed while this request waited: a stopped emulator carries nothing out, as a dead process would not.
    if (isClosed()) {
      message.socket.destroy();
      return;
    }
    const fault = faulted ? faults.decide() : ({ kind: 'none' } as const);
    if (fault.kind === 'drop') {
      message.socket.destroy();
      return;
    }
    if (fault.kind === 'error') throw fault.error;

    const params = new ActionParameters(request.params);
    const regionId = params.required('RegionId');
    if (!REGION_ID_PATTERN.test(regionId)) throw invalidParameter('RegionId', 'must be a region id such as cn-hangzhou.');
    const result = handler({ params, regionId, store, settings, now: clock() });
    if (fault.kind === 'lose-response') {
      // The change is made (and saved); only its answer never arrives.
      message.socket.destroy();
      return;
    }
    // A malformed answer: the change is made, but the body lacks everything the action returns.
    respond(response, 200, requestId, fault.kind === 'malformed' ? { RequestId: requestId } : { RequestId: requestId, ...result });
  }
}

function respondWithError(response: ServerResponse, requestId: string, hostId: string, error: unknown): void {
  let oosError: OosError;
  if (error instanceof OosError) {
    oosError = error;
  } else {
    // Only the error's class is logged: messages (JSON.parse's, for one) can quote request data.
    process.stderr.write(`oos-emulator: internal error (${error instanceof Error ? error.name : typeof error}) in request ${requestId}\n`);
    oosError = internalError();
  }
  if (response.headersSent || response.destroyed) return;
  respond(response, oosError.httpStatus, requestId, errorEnvelope(oosError, requestId, hostId));
}

/**
 * Failures Node's HTTP parser detects before a request exists (headers too large, too slow,
 * malformed) would get an empty-bodied answer; the gateway answers them with its envelope too.
 */
function respondToClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const oosError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new OosError(
          'RequestHeaderFieldsTooLarge',
          431,
          'The request line and headers exceed the size limit; send the action parameters in the application/x-www-form-urlencoded form body.',
        )
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new OosError('RequestTimeout', 408, 'The request was not received completely in time.')
        : new OosError('BadRequest', 400, 'The request is not valid HTTP.');
  const requestId = randomUUID().toUpperCase();
  const text = JSON.stringify(errorEnvelope(oosError, requestId, ''));
  socket.end(
    `HTTP/1.1 ${oosError.httpStatus} ${STATUS_CODES[oosError.httpStatus] ?? 'Error'}\r\n` +
      'Content-Type: application/json;charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(text)}\r\n` +
      `x-acs-request-id: ${requestId}\r\n` +
      'Connection: close\r\n\r\n' +
      text,
  );
}

function resolveTimeouts(options: EmulatorOptions): EmulatorTimeouts {
  const timeouts = {
    headersTimeoutMs: options.headersTimeoutMs ?? DEFAULT_EMULATOR_TIMEOUTS.headersTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_EMULATOR_TIMEOUTS.requestTimeoutMs,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? DEFAULT_EMULATOR_TIMEOUTS.keepAliveTimeoutMs,
  };
  for (const [name, value] of Object.entries(timeouts)) {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of milliseconds; ${value} was given.`);
  }
  // Node refuses a headers timeout longer than the request timeout.
  return { ...timeouts, requestTimeoutMs: Math.max(timeouts.requestTimeoutMs, timeouts.headersTimeoutMs) };
}

function respond(response: ServerResponse, status: number, requestId: string, body: object): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-acs-request-id': requestId,
  });
  response.end(text);
}

/** Starts the emulator and resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new Error(`The emulator listens on loopback addresses only (127.0.0.1, ::1, localhost); "${host}" was given.`);
  }
  const defaultResourceGroupId = options.defaultResourceGroupId ?? DEFAULT_RESOURCE_GROUP_ID;
  if (!/^rg-[a-z0-9]+$/.test(defaultResourceGroupId)) {
    throw new Error(`defaultResourceGroupId must match ^rg-[a-z0-9]+$; "${defaultResourceGroupId}" was given.`);
  }
  const clock = options.clock ?? (() => new Date());
  const credentials = options.credentials ?? [DEFAULT_EMULATOR_CREDENTIAL];
  if (credentials.length === 0) throw new Error('At least one credential is needed, or no request could ever be signed.');

  const store = EmulatorStore.open(options.dataFile);
  const verifier = new SignatureVerifier(credentials, clock);
  const faults = new FaultInjector(options.faults, options.faultSeed === undefined ? Math.random : seededRandom(options.faultSeed));
  const settings = emulatorSettings(options, defaultResourceGroupId);

  const timeouts = resolveTimeouts(options);
  let closing: Promise<void> | undefined;
  const server = createServer(
    {
      headersTimeout: timeouts.headersTimeoutMs,
      requestTimeout: timeouts.requestTimeoutMs,
      keepAliveTimeout: timeouts.keepAliveTimeoutMs,
      // Node checks the two timeouts above only this often (default 30 s).
      connectionsCheckingInterval: Math.min(1000, Math.ceil(timeouts.headersTimeoutMs / 4)),
    },
    createRequestListener(store, verifier, faults, settings, clock, () => closing !== undefined),
  );
  server.on('clientError', respondToClientError);
  try {
    await listen(server, options.port ?? 0, host);
  } catch (error) {
    store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const endpoint = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `http://${endpoint}`,
    endpoint,
    port,
    timeouts,
    setFaults: (settings) => faults.update(settings),
    // Idempotent: test teardown and signal handlers may both close.
    close: () => (closing ??= close(server).finally(() => store.close())),
  };
}

/** The handlers' settings: the profile's defaults, overridden by the explicit options. */
function emulatorSettings(options: EmulatorOptions, defaultResourceGroupId: string): EmulatorSettings {
  const profile = options.profile ?? 'model';
  if (profile !== 'model' && profile !== 'strict') throw new Error(`profile must be "model" or "strict"; "${String(profile)}" was given.`);
  const tagResourceType = options.tagResourceType ?? DEFAULT_TAG_RESOURCE_TYPE;
  const tagResourceTypes = options.tagResourceTypes ?? [...DOCUMENTED_TAG_RESOURCE_TYPES, ...(profile === 'model' ? [tagResourceType] : [])];
  return {
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    tagResourceType,
    tagResourceTypes: new Set(tagResourceTypes),
    rejectUnknownConfigurationKeys: options.rejectUnknownConfigurationKeys ?? profile === 'strict',
    defaultResourceGroupId,
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Idle keep-alive connections would otherwise hold close() open until they time out.
    server.closeAllConnections();
  });
}
