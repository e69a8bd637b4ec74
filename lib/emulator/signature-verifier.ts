/**
 * Alibaba Cloud request signing, both directions: the signer helpers (used by tests, the bench and
 * anyone who wants to talk to the emulator without the SDK) and the SignatureVerifier the server
 * runs on every request. This is the one place the project implements signing itself, so the
 * verifier is built from the same functions the signer uses.
 *
 * V3 (ACS3-HMAC-SHA256) and V2 (RPC HMAC-SHA1) follow
 * https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature and
 * https://www.alibabacloud.com/help/en/sdk/product-overview/rpc-mechanism.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { OosError, missingParameter } from './errors';
import type { EmulatorCredential } from './options';
import type { EmulatorRequest } from './request';

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';
/** Alibaba's gateway rejects requests whose timestamp is more than 15 minutes off. */
export const SIGNATURE_WINDOW_MS = 15 * 60 * 1000;
const EMPTY_PAYLOAD_SHA256 = sha256Hex('');

type Pairs = Iterable<readonly [string, string]>;

/** RFC 3986 encoding: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `2023-10-26T10:22:32Z`: the x-acs-date / Timestamp form, seconds precision, UTC. */
export function formatAcsTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function newSignatureNonce(): string {
  return randomBytes(16).toString('hex');
}

/**
 * The sorted `name=value&…` form both signature versions build from parameters.
 * `encodeNames: false` reproduces @alicloud/openapi-core's V3 signer, which encodes values only.
 */
export function canonicalizeQuery(pairs: Pairs, encodeNames = true): string {
  const encoded: Array<[string, string]> = [];
  for (const [name, value] of pairs) encoded.push([encodeNames ? percentEncode(name) : name, percentEncode(value)]);
  encoded.sort(([nameA, valueA], [nameB, valueB]) => compareCodeUnits(nameA, nameB) || compareCodeUnits(valueA, valueB));
  return encoded.map(([name, value]) => `${name}=${value}`).join('&');
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The wire query string a client sends (RFC 3986-encoded, in the given order). */
export function encodeQueryString(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');
}

export interface V3CanonicalRequestParts {
  method: string;
  /** `/` for RPC APIs. */
  path: string;
  canonicalQuery: string;
  /** Header values by lower-case name. */
  headers: Readonly<Record<string, string>>;
  /** Lower-case names, in the order they are signed (sorted, as the spec requires). */
  signedHeaders: readonly string[];
  /** Lower-case hex SHA-256 of the body. */
  payloadHash: string;
}

export function buildV3CanonicalRequest(parts: V3CanonicalRequestParts): string {
  const canonicalHeaders = parts.signedHeaders.map((name) => `${name}:${(parts.headers[name] ?? '').trim()}\n`).join('');
  return [parts.method, parts.path, parts.canonicalQuery, canonicalHeaders, parts.signedHeaders.join(';'), parts.payloadHash].join('\n');
}

export function v3StringToSign(canonicalRequest: string): string {
  return `${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

export function v3Signature(accessKeySecret: string, stringToSign: string): string {
  return createHmac('sha256', accessKeySecret).update(stringToSign).digest('hex');
}

export interface V3SigningInput {
  method: string;
  /** Host header value, e.g. `127.0.0.1:8080`. */
  host: string;
  action: string;
  version: string;
  credential: EmulatorCredential;
  query?: Record<string, string>;
  body?: string | Buffer;
  /** Sent and signed when a body is given; default `application/x-www-form-urlencoded`. */
  contentType?: string;
  /** x-acs-date; default now. */
  date?: string;
  /** x-acs-signature-nonce; default 16 random bytes in hex. */
  nonce?: string;
  /** More headers to send; `x-acs-*` ones are signed. */
  extraHeaders?: Record<string, string>;
}

export interface SignedV3Request {
  /** Request target: `/` plus the encoded query string. */
  path: string;
  /** Every header to send, Authorization included. */
  headers: Record<string, string>;
  canonicalRequest: string;
  hashedCanonicalRequest: string;
  stringToSign: string;
  signature: string;
  signedHeaders: string;
}

/** Signs an RPC request the way the V3 spec describes (names and values encoded). */
export function signV3Request(input: V3SigningInput): SignedV3Request {
  const query = input.query ?? {};
  const body = input.body ?? '';
  const payloadHash = body.length === 0 ? EMPTY_PAYLOAD_SHA256 : sha256Hex(body);
  const headers: Record<string, string> = {
    host: input.host,
    'x-acs-action': input.action,
    'x-acs-version': input.version,
    'x-acs-date': input.date ?? formatAcsTimestamp(new Date()),
    'x-acs-signature-nonce': input.nonce ?? newSignatureNonce(),
    'x-acs-content-sha256': payloadHash,
  };
  if (input.credential.securityToken !== undefined) headers['x-acs-security-token'] = input.credential.securityToken;
  if (body.length > 0) headers['content-type'] = input.contentType ?? 'application/x-www-form-urlencoded';
  for (const [name, value] of Object.entries(input.extraHeaders ?? {})) headers[name.toLowerCase()] = value;

  const signedHeaders = Object.keys(headers).filter(isSignedHeaderName).sort();
  const canonicalRequest = buildV3CanonicalRequest({
    method: input.method.toUpperCase(),
    path: '/',
    canonicalQuery: canonicalizeQuery(Object.entries(query)),
    headers,
    signedHeaders,
    payloadHash,
  });
  const stringToSign = v3StringToSign(canonicalRequest);
  const signature = v3Signature(input.credential.accessKeySecret, stringToSign);
  headers['authorization'] = `${V3_ALGORITHM} Credential=${input.credential.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
  const queryString = encodeQueryString(query);
  return {
    path: queryString.length > 0 ? `/?${queryString}` : '/',
    headers,
    canonicalRequest,
    hashedCanonicalRequest: sha256Hex(canonicalRequest),
    stringToSign,
    signature,
    signedHeaders: signedHeaders.join(';'),
  };
}

function isSignedHeaderName(name: string): boolean {
  return name.startsWith('x-acs-') || name === 'host' || name === 'content-type';
}

/** `METHOD&%2F&enc(canonicalized parameters)`; the Signature parameter itself is never signed. */
export function v2StringToSign(method: string, params: Pairs): string {
  const signed: Array<readonly [string, string]> = [];
  for (const pair of params) if (pair[0] !== 'Signature') signed.push(pair);
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalizeQuery(signed))}`;
}

export function v2Signature(accessKeySecret: string, stringToSign: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign).digest('base64');
}

export interface V2SigningInput {
  method: string;
  credential: EmulatorCredential;
  /** Action, Version and the operation's parameters. */
  params: Record<string, string>;
  /** Timestamp; default now. */
  timestamp?: string;
  /** SignatureNonce; default 16 random bytes in hex. */
  nonce?: string;
}

export interface SignedV2Request {
  /** All parameters to send, Signature included. */
  params: Record<string, string>;
  stringToSign: string;
  signature: string;
}

/** Adds the V2 common parameters (Format, AccessKeyId, SignatureMethod, …) and the Signature. */
export function signV2Parameters(input: V2SigningInput): SignedV2Request {
  const params: Record<string, string> = {
    Format: 'JSON',
    AccessKeyId: input.credential.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: input.nonce ?? newSignatureNonce(),
    Timestamp: input.timestamp ?? formatAcsTimestamp(new Date()),
    ...input.params,
  };
  if (input.credential.securityToken !== undefined) params.SecurityToken = input.credential.securityToken;
  const stringToSign = v2StringToSign(input.method, Object.entries(params));
  const signature = v2Signature(input.credential.accessKeySecret, stringToSign);
  return { params: { ...params, Signature: signature }, stringToSign, signature };
}

/** Who called and what they asked for, once the signature holds. */
export interface VerifiedCall {
  readonly accessKeyId: string;
  readonly action: string;
  readonly version: string;
  readonly signatureVersion: 'V3' | 'V2';
}

/**
 * Remembers nonces for as long as a request carrying them could still pass the timestamp check.
 * A request accepted at time t has a timestamp within t ± window, so it can be replayed at most
 * until t + 2 × window; entries are kept that long (by arrival order) and then pruned, which
 * bounds memory by the request rate times twice the window.
 */
export class NonceRegistry {
  private readonly seenAt = new Map<string, number>();

  constructor(private readonly retentionMs: number) {}

  get size(): number {
    return this.seenAt.size;
  }

  /** Records the nonce; false when it was already seen within the retention period. */
  remember(nonce: string, nowMs: number): boolean {
    this.prune(nowMs);
    if (this.seenAt.has(nonce)) return false;
    this.seenAt.set(nonce, nowMs);
    return true;
  }

  private prune(nowMs: number): void {
    // Map iteration follows insertion order, i.e. arrival order, so the oldest entries come first.
    for (const [nonce, seenAt] of this.seenAt) {
      if (nowMs - seenAt <= this.retentionMs) break;
      this.seenAt.delete(nonce);
    }
  }
}

const TIMESTAMP_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
const AUTHORIZATION_PATTERN = /^(\S+) Credential=([^,\s]+),\s*SignedHeaders=([^,\s]*),\s*Signature=([0-9a-fA-F]+)$/;
const V3_REQUIRED_HEADERS = ['x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];

/** Checks V3 and V2 signatures, timestamps, nonces and STS tokens against the configured AccessKeys. */
export class SignatureVerifier {
  private readonly credentials: ReadonlyMap<string, EmulatorCredential>;
  private readonly nonces: NonceRegistry;

  constructor(
    credentials: readonly EmulatorCredential[],
    private readonly clock: () => Date = () => new Date(),
    private readonly windowMs: number = SIGNATURE_WINDOW_MS,
  ) {
    this.credentials = new Map(credentials.map((credential) => [credential.accessKeyId, credential]));
    this.nonces = new NonceRegistry(2 * windowMs);
  }

  /** Number of remembered nonces (bounded by pruning). */
  get rememberedNonces(): number {
    return this.nonces.size;
  }

  verify(request: EmulatorRequest): VerifiedCall {
    const authorization = request.headers['authorization'];
    if (authorization !== undefined) return this.verifyV3(request, authorization);
    if (request.params.has('Signature')) return this.verifyV2(request);
    throw new OosError(
      'IncompleteSignature',
      400,
      'The request carries neither an Authorization header (V3 signature) nor a Signature parameter (V2 signature).',
    );
  }

  private verifyV3(request: EmulatorRequest, authorization: string): VerifiedCall {
    const match = AUTHORIZATION_PATTERN.exec(authorization.trim());
    if (match === null) {
      throw new OosError('IncompleteSignature', 400, 'The Authorization header must read "ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…".');
    }
    const [, algorithm, accessKeyId, signedHeaderList, signature] = match;
    if (algorithm !== V3_ALGORITHM) {
      throw new OosError('InvalidSignatureMethod', 400, `The signature algorithm "${algorithm}" is not supported; use ${V3_ALGORITHM}.`);
    }
    const headers = request.headers;
    for (const name of V3_REQUIRED_HEADERS) {
      if (headers[name] === undefined) throw new OosError('IncompleteSignature', 400, `The header "${name}" is required for ${V3_ALGORITHM}.`);
    }
    const signedHeaders = signedHeaderList
      .toLowerCase()
      .split(';')
      .filter((name) => name.length > 0);
    // Unsigned x-acs-* headers could be altered in transit without breaking the signature.
    const mustBeSigned = ['host', ...Object.keys(headers).filter((name) => name.startsWith('x-acs-'))];
    for (const name of mustBeSigned) {
      if (!signedHeaders.includes(name)) throw new OosError('IncompleteSignature', 400, `The header "${name}" must be listed in SignedHeaders.`);
    }

    const credential = this.credentialFor(accessKeyId);
    this.checkSecurityToken(credential, headers['x-acs-security-token'] ?? request.params.get('SecurityToken'));
    this.checkTimestamp(headers['x-acs-date'], 'x-acs-date');

    const declaredPayloadHash = headers['x-acs-content-sha256'].toLowerCase();
    const actualPayloadHash = request.body.length === 0 ? EMPTY_PAYLOAD_SHA256 : sha256Hex(request.body);
    if (declaredPayloadHash !== actualPayloadHash) {
      throw new OosError('SignatureDoesNotMatch', 400, 'The x-acs-content-sha256 header does not match the SHA-256 of the request body.');
    }

    // The spec encodes parameter names too; @alicloud/openapi-core encodes values only. Accept either.
    const canonicalQueries = new Set([canonicalizeQuery(request.queryPairs, true), canonicalizeQuery(request.queryPairs, false)]);
    let serverStringToSign = '';
    let matched = false;
    for (const canonicalQuery of canonicalQueries) {
      const canonicalRequest = buildV3CanonicalRequest({
        method: request.method,
        path: request.path,
        canonicalQuery,
        headers,
        signedHeaders,
        payloadHash: declaredPayloadHash,
      });
      const stringToSign = v3StringToSign(canonicalRequest);
      if (serverStringToSign === '') serverStringToSign = stringToSign;
      if (constantTimeEquals(v3Signature(credential.accessKeySecret, stringToSign), signature.toLowerCase())) {
        matched = true;
        break;
      }
    }
    if (!matched) {
      // Like Alibaba, echo the server's string to sign; for V3 it holds only a hash, never a secret.
      throw new OosError(
        'SignatureDoesNotMatch',
        400,
        `The request signature does not conform to Aliyun standards. server string to sign is:${serverStringToSign.replace('\n', '\\n')}`,
      );
    }

    this.rememberNonce(accessKeyId, headers['x-acs-signature-nonce']);
    return { accessKeyId, action: headers['x-acs-action'], version: headers['x-acs-version'], signatureVersion: 'V3' };
  }

  private verifyV2(request: EmulatorRequest): VerifiedCall {
    const params = request.params;
    const required = (name: string): string => {
      const value = params.get(name);
      if (value === undefined || value === '') throw missingParameter(name);
      return value;
    };
    const accessKeyId = required('AccessKeyId');
    const signatureMethod = required('SignatureMethod');
    if (signatureMethod !== 'HMAC-SHA1') {
      throw new OosError('InvalidSignatureMethod', 400, `The SignatureMethod "${signatureMethod}" is not supported; use HMAC-SHA1.`);
    }
    const signatureVersion = params.get('SignatureVersion') ?? '1.0';
    if (signatureVersion !== '1.0') {
      throw new OosError('InvalidParameter.SignatureVersion', 400, 'The SignatureVersion must be 1.0.');
    }
    const nonce = required('SignatureNonce');
    const timestamp = required('Timestamp');
    const action = required('Action');
    const version = required('Version');
    const signature = required('Signature');

    const credential = this.credentialFor(accessKeyId);
    this.checkSecurityToken(credential, params.get('SecurityToken') ?? request.headers['x-acs-security-token']);
    this.checkTimestamp(timestamp, 'Timestamp');

    const stringToSign = v2StringToSign(request.method, params);
    if (!constantTimeEquals(v2Signature(credential.accessKeySecret, stringToSign), signature)) {
      // The V2 string to sign contains every parameter value (secrets included), so only its digest is echoed.
      throw new OosError(
        'SignatureDoesNotMatch',
        400,
        `Specified signature is not matched with our calculation. server string to sign SHA-256 is:${sha256Hex(stringToSign)}`,
      );
    }

    this.rememberNonce(accessKeyId, nonce);
    return { accessKeyId, action, version, signatureVersion: 'V2' };
  }

  private credentialFor(accessKeyId: string): EmulatorCredential {
    const credential = this.credentials.get(accessKeyId);
    if (credential === undefined) throw new OosError('InvalidAccessKeyId.NotFound', 404, 'Specified access key is not found.');
    return credential;
  }

  private checkSecurityToken(credential: EmulatorCredential, presented: string | undefined): void {
    const expected = credential.securityToken;
    if (expected === undefined || expected === '') {
      if (presented !== undefined && presented !== '') {
        throw new OosError('InvalidSecurityToken.MismatchWithAccessKey', 400, 'A security token was sent with an AccessKey that is not an STS key.');
      }
      return;
    }
    if (presented === undefined || presented === '') {
      throw new OosError(
        'MissingSecurityToken',
        400,
        'The STS AccessKey requires its security token (x-acs-security-token header or SecurityToken parameter).',
      );
    }
    if (!constantTimeEquals(presented, expected)) {
      throw new OosError('InvalidSecurityToken.MismatchWithAccessKey', 400, 'The security token does not belong to the AccessKey.');
    }
  }

  private checkTimestamp(value: string, field: string): void {
    const match = TIMESTAMP_PATTERN.exec(value);
    const time = match === null ? NaN : Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5], +match[6]);
    // Date.UTC rolls 2026-02-30 over into March; a round trip catches such dates.
    if (Number.isNaN(time) || formatAcsTimestamp(new Date(time)) !== value) {
      throw new OosError('InvalidTimeStamp.Format', 400, `The ${field} must be a UTC time formatted yyyy-MM-ddTHH:mm:ssZ.`);
    }
    if (Math.abs(this.clock().getTime() - time) > this.windowMs) {
      throw new OosError('InvalidTimeStamp.Expired', 400, `The ${field} is more than 15 minutes away from the server time.`);
    }
  }

  private rememberNonce(accessKeyId: string, nonce: string): void {
    if (!this.nonces.remember(`${accessKeyId}\n${nonce}`, this.clock().getTime())) {
      throw new OosError('SignatureNonceUsed', 400, 'The request signature nonce has been used.');
    }
  }
}

function constantTimeEquals(a: string, b: string): boolean {
  const bufferA = Buffer.from(a);
  const bufferB = Buffer.from(b);
  return bufferA.length === bufferB.length && timingSafeEqual(bufferA, bufferB);
}
