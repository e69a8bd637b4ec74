/**
 * Strict reading of OOS answers. A 2xx answer missing a field the API documents, or carrying one
 * of the wrong type, becomes an OosResponseError naming the action, the field and the RequestId:
 * accepting it would store empty strings in Terraform state and show false drift on the next plan.
 * Messages never quote values: Configuration text holds the client secret.
 */
import { OosResponseError } from './errors';

export type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  return `a${Array.isArray(value) ? 'n array' : ` ${typeof value}`}`;
}

/** One parsed answer of `action`; every accessor fails with the field's path. */
export class Answer {
  readonly requestId: string;
  readonly body: Json;

  constructor(
    readonly action: string,
    body: unknown,
  ) {
    this.body = isObject(body) ? body : {};
    this.requestId = typeof this.body.RequestId === 'string' ? this.body.RequestId : '';
  }

  fail(field: string, problem: string): never {
    throw new OosResponseError(this.action, field, problem, this.requestId);
  }

  object(parent: Json, field: string, path = field): Json {
    const value = parent[field];
    return isObject(value) ? value : this.fail(path, `expected an object, got ${describe(value)}`);
  }

  /** A list, bare or wrapped the way OOS wraps some (`{TagResource: [...]}`); items must be objects. */
  list(field: string, wrapperKey: string): Json[] {
    const value = this.body[field];
    const list = Array.isArray(value) ? value : isObject(value) ? value[wrapperKey] : undefined;
    if (!Array.isArray(list)) return this.fail(field, `expected a list, got ${describe(value)}`);
    return list.map((item, i) => (isObject(item) ? item : this.fail(`${field}[${i}]`, `expected an object, got ${describe(item)}`)));
  }

  string(parent: Json, field: string, path: string): string {
    const value = parent[field];
    return typeof value === 'string' && value !== '' ? value : this.fail(path, `expected a non-empty string, got ${describe(value)}`);
  }

  optionalString(parent: Json, field: string, path: string): string {
    const value = parent[field];
    if (value === undefined || value === null) return '';
    return typeof value === 'string' ? value : this.fail(path, `expected a string, got ${describe(value)}`);
  }

  number(parent: Json, field: string, path: string): number {
    const value = parent[field];
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? n : this.fail(path, `expected a number, got ${describe(value)}`);
  }

  /** JSON text of an object whose values are strings; absent = {}. */
  jsonMap(parent: Json, field: string, path: string): Record<string, string> {
    const text = this.optionalString(parent, field, path);
    if (text === '') return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return this.fail(path, 'expected JSON text of an object, got text that is not JSON');
    }
    if (!isObject(parsed)) return this.fail(path, `expected JSON text of an object, got ${describe(parsed)}`);
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value !== 'string') return this.fail(path, `expected string values, but the value of "${key}" is ${describe(value)}`);
      out[key] = value;
    }
    return out;
  }
}
