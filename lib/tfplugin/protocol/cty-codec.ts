/**
 * cty values on the wire: msgpack (DynamicValue.msgpack) and JSON (DynamicValue.json, stored
 * state) to and from the provider's CtyValue model, always guided by the cty type, because the
 * wire form alone cannot tell an object from a map or a list from a set.
 *
 * Wire rules (go-cty's msgpack encoding): null is nil; an unknown is extension type 0 (Terraform
 * may send a refined unknown as extension type 12, also read as unknown); an object carries every
 * attribute of its type; numbers are msgpack ints or floats, or strings for numbers too big for
 * either; a `dynamic` value is a two-element array [type JSON, value].
 */
import { Decoder, Encoder, ExtensionCodec } from '@msgpack/msgpack';
import { CtyType, CtyValue, ObjectValue, UNKNOWN, isUnknown } from '../schema';

/** CtyType plus the tuple type, which only appears inside `dynamic` values sent by Terraform. */
type WireType = CtyType | ['tuple', WireType[]];

const UNKNOWN_EXTENSION = 0;
const REFINED_UNKNOWN_EXTENSION = 12;

/** Raw msgpack decoding: extension 0 and 12 become UNKNOWN, everything else stays as decoded. */
const extensionCodec = new ExtensionCodec();
extensionCodec.register({
  type: UNKNOWN_EXTENSION,
  encode: (input: unknown) => (isUnknown(input) ? new Uint8Array([0]) : null),
  decode: () => UNKNOWN,
});
extensionCodec.register({ type: REFINED_UNKNOWN_EXTENSION, encode: () => null, decode: () => UNKNOWN });

// One encoder and decoder for every RPC: the module-level encode()/decode() build a new one (and a
// 2 KiB buffer) per call. Both are re-entrant (they clone themselves if entered twice).
const encoder = new Encoder({ extensionCodec, ignoreUndefined: false });
const decoder = new Decoder({ extensionCodec });

/** Thrown when a value does not fit its type; the message names the attribute path. */
export class CtyCodecError extends Error {}

/**
 * Where in the value the codec is, for error messages. Values are first walked without one (no
 * path strings built per attribute of every RPC); only a value that fails is walked again with
 * paths, to say where (see `withPaths`).
 */
type Path = string | undefined;

function describe(path: Path): string {
  return path === '' || path === undefined ? 'the value' : path;
}

/** Runs `walk` without paths; if the value does not fit, again with paths so the error names the place. */
function withPaths<T>(walk: (path: Path) => T): T {
  try {
    return walk(undefined);
  } catch (error) {
    if (error instanceof CtyCodecError) return walk('');
    throw error;
  }
}

function joinPath(path: Path, attribute: string): Path {
  if (path === undefined) return undefined;
  return path === '' ? attribute : `${path}.${attribute}`;
}

function elementPath(path: Path, index: number): Path {
  return path === undefined ? undefined : `${path}[${index}]`;
}

function keyPath(path: Path, key: string): Path {
  return path === undefined ? undefined : `${path}[${JSON.stringify(key)}]`;
}

/** An object type's attributes as [name, type] pairs, listed once per type instead of on every value. */
const attributeLists = new WeakMap<object, readonly (readonly [string, WireType])[]>();
function attributesOf(attributes: { readonly [name: string]: WireType }): readonly (readonly [string, WireType])[] {
  let list = attributeLists.get(attributes);
  if (!list) {
    list = Object.entries(attributes);
    attributeLists.set(attributes, list);
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// Encoding

/** Encodes `value` as cty msgpack of type `type`. */
export function encodeMsgpack(value: CtyValue, type: CtyType): Buffer {
  const wire = withPaths((path) => toWire(value, type, path));
  const bytes = encoder.encode(wire);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The value as msgpack-ready JS data: unknowns kept as UNKNOWN for the extension codec. */
function toWire(value: CtyValue | undefined, type: WireType, path: Path): unknown {
  if (value === null || value === undefined) return null;
  if (isUnknown(value)) return value;
  if (type === 'dynamic') return dynamicToWire(value, path);
  if (type === 'string') {
    if (typeof value !== 'string') throw new CtyCodecError(`${describe(path)}: expected a string, got ${typeof value}`);
    return value;
  }
  if (type === 'number') {
    if (typeof value === 'number') return value;
    if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
    throw new CtyCodecError(`${describe(path)}: expected a number, got ${typeof value}`);
  }
  if (type === 'bool') {
    if (typeof value !== 'boolean') throw new CtyCodecError(`${describe(path)}: expected a bool, got ${typeof value}`);
    return value;
  }
  const [kind, inner] = type;
  switch (kind) {
    case 'list':
    case 'set':
      if (!Array.isArray(value)) throw new CtyCodecError(`${describe(path)}: expected a ${kind}, got ${typeof value}`);
      return value.map((element, index) => toWire(element, inner, elementPath(path, index)));
    case 'tuple':
      if (!Array.isArray(value)) throw new CtyCodecError(`${describe(path)}: expected a tuple, got ${typeof value}`);
      return inner.map((elementType, index) => toWire(value[index], elementType, elementPath(path, index)));
    case 'map': {
      const record = asRecord(value, 'map', path);
      const wire: { [key: string]: unknown } = {};
      for (const key in record) wire[key] = toWire(record[key], inner, keyPath(path, key));
      return wire;
    }
    case 'object': {
      const record = asRecord(value, 'object', path);
      const wire: { [key: string]: unknown } = {};
      // cty requires every attribute of the object type, in any order; absent ones are null.
      for (const [name, attributeType] of attributesOf(inner)) wire[name] = toWire(record[name], attributeType, joinPath(path, name));
      return wire;
    }
  }
}

function asRecord(value: CtyValue, kind: string, path: Path): ObjectValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isUnknown(value)) {
    throw new CtyCodecError(`${describe(path)}: expected an ${kind}, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  return value;
}

/** cty's dynamic encoding: [type JSON as bytes, value encoded with that type]. */
function dynamicToWire(value: CtyValue, path: Path): unknown {
  const type = inferType(value);
  return [new TextEncoder().encode(JSON.stringify(type)), toWire(value, type, path)];
}

function inferType(value: CtyValue): WireType {
  if (value === null || isUnknown(value)) return 'dynamic';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return ['tuple', value.map(inferType)];
  const attributes: { [name: string]: CtyType } = {};
  for (const [name, attribute] of Object.entries(value)) attributes[name] = inferType(attribute) as CtyType;
  return ['object', attributes];
}

// ---------------------------------------------------------------------------------------------
// Decoding

/** Decodes cty msgpack of type `type`. */
export function decodeMsgpack(bytes: Uint8Array, type: CtyType): CtyValue {
  const raw = decoder.decode(bytes);
  return withPaths((path) => fromWire(raw, type, path));
}

/** Decodes a cty JSON value (DynamicValue.json) of type `type`; JSON has no unknowns. */
export function decodeJsonValue(bytes: Uint8Array | string, type: CtyType): CtyValue {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
  const raw: unknown = JSON.parse(text);
  return withPaths((path) => fromWire(raw, type, path));
}

/** Parses a stored state (UpgradeResourceState's raw_state.json) into a plain object. */
export function decodeJsonState(bytes: Uint8Array | string): { [key: string]: unknown } {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CtyCodecError('the stored state is not a JSON object');
  }
  return parsed as { [key: string]: unknown };
}

/** Reads already parsed JSON data (e.g. one attribute of a stored state) as a value of type `type`. */
export function fromJsonData(raw: unknown, type: CtyType): CtyValue {
  return withPaths((path) => fromWire(raw, type, path));
}

function fromWire(raw: unknown, type: WireType, path: Path): CtyValue {
  if (raw === null || raw === undefined) return null;
  if (isUnknown(raw)) return UNKNOWN;
  if (type === 'dynamic') return dynamicFromWire(raw, path);
  if (type === 'string') {
    if (typeof raw === 'string') return raw;
    // go-cty converts primitives to string on the way in; be as lenient on the way back.
    if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
    throw new CtyCodecError(`${describe(path)}: expected a string`);
  }
  if (type === 'number') {
    if (typeof raw === 'number') return raw;
    if (typeof raw === 'bigint') return Number(raw);
    if (typeof raw === 'string' && raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
    throw new CtyCodecError(`${describe(path)}: expected a number`);
  }
  if (type === 'bool') {
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw new CtyCodecError(`${describe(path)}: expected a bool`);
  }
  const [kind, inner] = type;
  switch (kind) {
    case 'list':
    case 'set':
      if (!Array.isArray(raw)) throw new CtyCodecError(`${describe(path)}: expected a ${kind}`);
      return raw.map((element, index) => fromWire(element, inner, elementPath(path, index)));
    case 'tuple':
      if (!Array.isArray(raw)) throw new CtyCodecError(`${describe(path)}: expected a tuple`);
      return inner.map((elementType, index) => fromWire(raw[index], elementType, elementPath(path, index)));
    case 'map': {
      const record = rawRecord(raw, 'map', path);
      const value: ObjectValue = {};
      for (const key in record) value[key] = fromWire(record[key], inner, keyPath(path, key));
      return value;
    }
    case 'object': {
      const record = rawRecord(raw, 'object', path);
      const value: ObjectValue = {};
      for (const [name, attributeType] of attributesOf(inner)) value[name] = fromWire(record[name], attributeType, joinPath(path, name));
      return value;
    }
  }
}

function rawRecord(raw: unknown, kind: string, path: Path): { [key: string]: unknown } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || raw instanceof Uint8Array) {
    throw new CtyCodecError(`${describe(path)}: expected an ${kind}`);
  }
  return raw as { [key: string]: unknown };
}

function dynamicFromWire(raw: unknown, path: Path): CtyValue {
  // In msgpack a dynamic value is [type JSON, value]; in JSON it is {"type": …, "value": …}.
  if (Array.isArray(raw) && raw.length === 2 && (raw[0] instanceof Uint8Array || typeof raw[0] === 'string')) {
    const typeJson = typeof raw[0] === 'string' ? raw[0] : Buffer.from(raw[0]).toString('utf8');
    return fromWire(raw[1], JSON.parse(typeJson) as WireType, path);
  }
  if (typeof raw === 'object' && raw !== null && 'type' in raw && 'value' in raw) {
    const { type, value } = raw as { type: WireType; value: unknown };
    return fromWire(value, type, path);
  }
  throw new CtyCodecError(`${describe(path)}: expected a dynamic value ([type, value])`);
}
