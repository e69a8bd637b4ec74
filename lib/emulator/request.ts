/**
 * Turns an incoming HTTP request into what the verifier and the handlers need: the raw query
 * pairs (the V3 signature is computed over them), the merged parameters, the body bytes and the
 * lower-cased headers.
 */
import type { IncomingMessage } from 'node:http';
import { OosError } from './errors';

/** Bodies of RPC calls are small form posts; anything larger is refused before buffering it all. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface EmulatorRequest {
  readonly method: string;
  /** The path without the query string, as sent. */
  readonly path: string;
  /** Decoded query pairs in wire order; duplicates kept (the signature covers each one). */
  readonly queryPairs: ReadonlyArray<readonly [string, string]>;
  /** Decoded form-body pairs (empty unless the body is application/x-www-form-urlencoded). */
  readonly formPairs: ReadonlyArray<readonly [string, string]>;
  /** Query and form parameters merged; the form body wins on a clash, as the SDK's V2 signer assumes. */
  readonly params: ReadonlyMap<string, string>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** The Host header, used as the error envelope's HostId. */
  readonly host: string;
}

/** Splits `a=1&b=2` into decoded pairs; `+` means a space, as in HTML forms and Node's querystring. */
export function parseUrlEncoded(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (text.length === 0) return pairs;
  for (const part of text.split('&')) {
    if (part.length === 0) continue;
    const separator = part.indexOf('=');
    const rawName = separator < 0 ? part : part.slice(0, separator);
    const rawValue = separator < 0 ? '' : part.slice(separator + 1);
    pairs.push([decodeComponent(rawName), decodeComponent(rawValue)]);
  }
  return pairs;
}

function decodeComponent(raw: string): string {
  const spaced = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    throw new OosError('InvalidParameter.Encoding', 400, 'The request contains a malformed percent-encoded sequence.');
  }
}

/** Past this, an oversized body is no longer drained to answer 413 politely: the connection is cut. */
const MAX_DRAINED_BYTES = 16 * MAX_BODY_BYTES;

/**
 * Reads the body. One over MAX_BODY_BYTES is drained, not buffered, and then refused with 413:
 * answering (or closing) while the client still writes would reach it as a connection reset.
 */
export function readBody(message: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    message.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_DRAINED_BYTES) {
        message.destroy();
        return;
      }
      if (received <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    message.on('end', () => {
      if (received > MAX_BODY_BYTES) reject(new OosError('RequestEntityTooLarge', 413, `The request body exceeds ${MAX_BODY_BYTES} bytes.`));
      else resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    });
    message.on('error', reject);
  });
}

export function parseRequest(message: IncomingMessage, body: Buffer): EmulatorRequest {
  const url = message.url ?? '/';
  const queryStart = url.indexOf('?');
  const path = queryStart < 0 ? url : url.slice(0, queryStart);
  const queryPairs = queryStart < 0 ? [] : parseUrlEncoded(url.slice(queryStart + 1));

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }

  const contentType = (headers['content-type'] ?? '').toLowerCase();
  const formPairs = contentType.startsWith('application/x-www-form-urlencoded') ? parseUrlEncoded(body.toString('utf8')) : [];

  const params = new Map<string, string>();
  for (const [name, value] of queryPairs) params.set(name, value);
  for (const [name, value] of formPairs) params.set(name, value);

  return {
    method: (message.method ?? 'GET').toUpperCase(),
    path,
    queryPairs,
    formPairs,
    params,
    headers,
    body,
    host: headers['host'] ?? '',
  };
}
