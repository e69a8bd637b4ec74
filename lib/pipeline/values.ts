/**
 * Planned values as Terraform's JSON splits them: the value itself, an `after_unknown` mask for
 * what only apply will know, and `*_sensitive` masks for what must never be printed. Everything
 * that reads a value goes through here, so no caller can forget a mask.
 */
import { JsonValue, isJsonObject } from './json';
import type { ValueMask } from './plan';

export type Step = string | number;

/** The value parts of a resource or output change. */
export interface ChangeValues {
  readonly before: JsonValue;
  readonly after: JsonValue;
  readonly afterUnknown: ValueMask;
  readonly beforeSensitive: ValueMask;
  readonly afterSensitive: ValueMask;
}

/** A value at one place in a plan: known (maybe sensitive), or known only after apply. */
export type PlannedValue =
  { readonly known: true; readonly value: JsonValue; readonly sensitive: boolean } | { readonly known: false; readonly sensitive: boolean };

/** One changed place, e.g. `tags.Team` or `ram_role`. */
export interface FieldChange {
  readonly path: readonly Step[];
  readonly before: PlannedValue;
  readonly after: PlannedValue;
}

/** True when the mask marks the place or any place containing it. */
export function isMasked(mask: ValueMask, path: readonly Step[]): boolean {
  let current: JsonValue | undefined = mask;
  for (const step of path) {
    if (current === true) return true;
    current = stepInto(current, step);
  }
  return current === true;
}

export function valueAt(value: JsonValue, path: readonly Step[]): JsonValue {
  let current: JsonValue | undefined = value;
  for (const step of path) current = stepInto(current, step);
  return current ?? null;
}

export function beforeValue(change: ChangeValues, path: readonly Step[]): PlannedValue {
  return { known: true, value: valueAt(change.before, path), sensitive: isMasked(change.beforeSensitive, path) };
}

export function afterValue(change: ChangeValues, path: readonly Step[]): PlannedValue {
  const sensitive = isMasked(change.afterSensitive, path);
  if (isMasked(change.afterUnknown, path)) return { known: false, sensitive };
  return { known: true, value: valueAt(change.after, path), sensitive };
}

/**
 * Every place that differs between before and after. Objects (maps such as tags) are compared per
 * key down to `depth` levels, so a reviewer sees `tags.Team: platform → sre` instead of two maps.
 */
export function fieldChanges(change: ChangeValues, path: readonly Step[] = [], depth = 1): FieldChange[] {
  const before = beforeValue(change, path);
  const after = afterValue(change, path);
  if (depth > 0 && expandable(before) && expandable(after)) {
    const keys = new Set([...keysOf(before), ...keysOf(after), ...Object.keys(maskAt(change.afterUnknown, path))]);
    return [...keys].sort().flatMap((key) => fieldChanges(change, [...path, key], depth - 1));
  }
  if (before.known && after.known && sameJson(before.value, after.value)) return [];
  return [{ path, before, after }];
}

/** Keys of the object at `path` once applied, with whether each value is known yet. */
export function plannedKeys(
  change: ChangeValues,
  path: readonly Step[],
): { readonly known: readonly string[]; readonly unknown: readonly string[] } | 'unknown' {
  const after = afterValue(change, path);
  if (!after.known) return 'unknown';
  const unknown = Object.keys(maskAt(change.afterUnknown, path)).filter((key) => isMasked(change.afterUnknown, [...path, key]));
  return { known: isJsonObject(after.value) ? Object.keys(after.value) : [], unknown };
}

export function sameJson(left: JsonValue, right: JsonValue): boolean {
  if (left === right) return true;
  if (Array.isArray(left) || Array.isArray(right)) {
    return Array.isArray(left) && Array.isArray(right) && left.length === right.length && left.every((item, index) => sameJson(item, right[index]));
  }
  if (!isJsonObject(left) || !isJsonObject(right)) return false;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => key in right && sameJson(left[key], right[key]));
}

function stepInto(value: JsonValue | undefined, step: Step): JsonValue | undefined {
  if (Array.isArray(value)) return typeof step === 'number' ? (value as readonly JsonValue[])[step] : undefined;
  return isJsonObject(value) ? value[String(step)] : undefined;
}

function maskAt(mask: ValueMask, path: readonly Step[]): { readonly [key: string]: JsonValue } {
  const found = valueAt(mask, path);
  return isJsonObject(found) ? found : {};
}

/** A known, non-sensitive object or null: comparable key by key without revealing anything. */
function expandable(value: PlannedValue): boolean {
  return value.known && !value.sensitive && (value.value === null || isJsonObject(value.value));
}

function keysOf(value: PlannedValue): string[] {
  return value.known && isJsonObject(value.value) ? Object.keys(value.value) : [];
}
