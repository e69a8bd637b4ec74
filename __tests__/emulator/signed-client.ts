/** A minimal signed HTTP client for the emulator tests, built on the project's own signer. */
import * as http from 'node:http';
import {
  DEFAULT_EMULATOR_CREDENTIAL,
  type EmulatorCredential,
  type RunningEmulator,
  encodeQueryString,
  formatAcsTimestamp,
  signV2Parameters,
  signV3Request,
} from '../../lib/emulator';

/** Response bodies are free-form JSON that the tests assert on by shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = Record<string, any>;

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: JsonBody;
}

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export function send(emulator: RunningEmulator, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: emulator.port, method: request.method, path: request.path, headers: request.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text.length > 0 ? JSON.parse(text) : {} });
        });
      },
    );
    req.on('error', reject);
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

export interface V3CallOptions {
  credential?: EmulatorCredential;
  date?: string;
  nonce?: string;
  method?: string;
  /** Send the parameters as a form body instead of the query string. */
  asForm?: boolean;
  version?: string;
  /** Changes the request after signing (to simulate tampering). */
  tamper?: (request: RawRequest) => RawRequest;
}

export function v3Request(emulator: RunningEmulator, action: string, params: Record<string, string>, options: V3CallOptions = {}): RawRequest {
  const body = options.asForm ? encodeQueryString(params) : undefined;
  const signed = signV3Request({
    method: options.method ?? 'POST',
    host: emulator.endpoint,
    action,
    version: options.version ?? '2019-06-01',
    credential: options.credential ?? DEFAULT_EMULATOR_CREDENTIAL,
    query: options.asForm ? {} : params,
    body,
    date: options.date,
    nonce: options.nonce,
  });
  const request: RawRequest = { method: options.method ?? 'POST', path: signed.path, headers: signed.headers, body };
  return options.tamper ? options.tamper(request) : request;
}

export function callV3(emulator: RunningEmulator, action: string, params: Record<string, string>, options: V3CallOptions = {}): Promise<RawResponse> {
  return send(emulator, v3Request(emulator, action, params, options));
}

export interface V2CallOptions {
  credential?: EmulatorCredential;
  timestamp?: string;
  nonce?: string;
  method?: 'GET' | 'POST';
  /** POST the parameters as a form body instead of the query string. */
  asForm?: boolean;
}

export function callV2(emulator: RunningEmulator, action: string, params: Record<string, string>, options: V2CallOptions = {}): Promise<RawResponse> {
  const method = options.method ?? 'GET';
  const signed = signV2Parameters({
    method,
    credential: options.credential ?? DEFAULT_EMULATOR_CREDENTIAL,
    params: { Action: action, Version: '2019-06-01', ...params },
    timestamp: options.timestamp,
    nonce: options.nonce,
  });
  const encoded = encodeQueryString(signed.params);
  if (options.asForm) {
    return send(emulator, {
      method,
      path: '/',
      headers: { host: emulator.endpoint, 'content-type': 'application/x-www-form-urlencoded' },
      body: encoded,
    });
  }
  return send(emulator, { method, path: `/?${encoded}`, headers: { host: emulator.endpoint } });
}

/** V3-signed calls in one region; `clock` lets tests with a fixed emulator clock sign at that time. */
export function regionCaller(
  emulator: RunningEmulator,
  regionId = 'cn-hangzhou',
  clock?: () => Date,
): (action: string, params?: Record<string, string>) => Promise<RawResponse> {
  return (action, params = {}) => callV3(emulator, action, { RegionId: regionId, ...params }, clock ? { date: formatAcsTimestamp(clock()) } : {});
}
