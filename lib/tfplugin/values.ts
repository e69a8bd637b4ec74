import { BlockSchema, CtyValue, ObjectValue, UnknownValue, isUnknown } from './schema';

/** True when the value is set and known at plan time. */
export function isKnown(value: CtyValue | undefined): boolean {
  return value !== null && value !== undefined && !isUnknown(value);
}

/** Reads a map(string) value; null stays null, an unknown map is refused (callers check first). */
export function stringMap(value: CtyValue | undefined): { [key: string]: string } | null {
  if (value === null || value === undefined) return null;
  if (isUnknown(value) || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('expected a known map of strings');
  }
  const result: { [key: string]: string } = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') result[key] = entry;
  }
  return result;
}

/** True when the map and every element are known. */
export function isWhollyKnownMap(value: CtyValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (isUnknown(value) || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).every((entry) => !isUnknown(entry));
}

/** Deep equality of decoded values (maps compared by key, unknowns equal to each other). */
export function sameValue(a: CtyValue | undefined, b: CtyValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (isUnknown(a) || isUnknown(b)) return isUnknown(a) && isUnknown(b);
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((entry, i) => sameValue(entry, b[i]));
  const aKeys = Object.keys(a);
  const bRecord = b as { [key: string]: CtyValue };
  return aKeys.length === Object.keys(bRecord).length && aKeys.every((key) => sameValue((a as { [key: string]: CtyValue })[key], bRecord[key]));
}

/** An empty map reads back as null when the configuration left it null, so plans show no spurious diff. */
export function mapOrNull(map: { [key: string]: string }, keepEmpty: boolean): { [key: string]: string } | null {
  return Object.keys(map).length === 0 && !keepEmpty ? null : map;
}

/** The names of the attributes whose values differ between two states of one schema. */
export function changedAttributes(before: ObjectValue, after: ObjectValue): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => !sameValue(before[name], after[name]));
}

/** The value, or `fallback` while it is unknown. */
export function knownOr<T, F>(value: T | UnknownValue, fallback: F): T | F {
  return isUnknown(value) ? fallback : value;
}

// ---------------------------------------------------------------------------------------------
// Block values as their schema requires them

/**
 * A copy of `value` with every attribute of `block` present: missing attributes become null,
 * missing list and set blocks become empty lists (how Terraform represents absent blocks).
 */
export function fillMissingAttributes(block: BlockSchema, value: ObjectValue): ObjectValue {
  const filled: ObjectValue = {};
  for (const name of Object.keys(block.attributes)) filled[name] = value[name] ?? null;
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const current = value[name];
    if (nested.nesting === 'single') {
      filled[name] = isObjectValue(current) ? fillMissingAttributes(nested.block, current) : (current ?? null);
    } else if (Array.isArray(current)) {
      filled[name] = current.map((element) => (isObjectValue(element) ? fillMissingAttributes(nested.block, element) : element));
    } else {
      filled[name] = current === undefined || current === null ? [] : current;
    }
  }
  return filled;
}

export function isObjectValue(value: CtyValue | undefined): value is ObjectValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value);
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
