/**
 * Reading untrusted JSON with errors that name the path: a CI job fed the wrong file (a state, a
 * cdktf manifest, a truncated artefact) must stop with a message a person can act on, not with
 * "cannot read properties of undefined" three modules later.
 */

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** The file given is not a `terraform show -json` plan, or not one this library understands. */
export class PlanJsonError extends Error {
  constructor(
    /** Where in the JSON the problem is, e.g. `resource_changes[3].change.actions`; empty for the whole file. */
    readonly path: string,
    problem: string,
    readonly source = 'plan JSON',
  ) {
    super(`${source}${path ? ` at ${path}` : ''}: ${problem}`);
    this.name = 'PlanJsonError';
  }
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Walks a JSON document, each step extending the path used in errors. */
export class JsonReader {
  constructor(
    readonly value: JsonValue | undefined,
    readonly path: string,
    private readonly source: string,
  ) {}

  fail(problem: string): never {
    throw new PlanJsonError(this.path, problem, this.source);
  }

  field(key: string): JsonReader {
    const object = this.object();
    return new JsonReader(object[key], this.path ? `${this.path}.${key}` : key, this.source);
  }

  get present(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  object(): JsonObject {
    if (!isJsonObject(this.value)) this.fail(`expected an object, found ${describe(this.value)}`);
    return this.value;
  }

  /** The object's members as readers; an absent member reads as an empty object. */
  entries(): [string, JsonReader][] {
    if (!this.present) return [];
    return Object.keys(this.object()).map((key) => [key, this.field(key)]);
  }

  /** The array's items as readers; an absent member reads as an empty array. */
  items(): JsonReader[] {
    if (!this.present) return [];
    if (!Array.isArray(this.value)) this.fail(`expected an array, found ${describe(this.value)}`);
    return (this.value as readonly JsonValue[]).map((item, index) => new JsonReader(item, `${this.path}[${index}]`, this.source));
  }

  string(): string {
    if (typeof this.value !== 'string') this.fail(`expected a string, found ${describe(this.value)}`);
    return this.value;
  }

  optionalString(): string | undefined {
    return this.present ? this.string() : undefined;
  }

  boolean(fallback: boolean): boolean {
    if (!this.present) return fallback;
    if (typeof this.value !== 'boolean') this.fail(`expected true or false, found ${describe(this.value)}`);
    return this.value;
  }

  /** Any JSON value; absent reads as null, as Terraform omits nulls in some places and not others. */
  json(): JsonValue {
    return this.value ?? null;
  }
}

function describe(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${JSON.stringify(value).slice(0, 40)})`;
}
