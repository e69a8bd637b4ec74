/**
 * Strict reading of OOS answers. A 2xx answer missing a field the API documents, or carrying one
 * of the wrong type, becomes an OosResponseError naming the action, the field's full path in the
 * answer (`TagResources[2].TagKey`) and the RequestId: accepting it would hand callers empty
 * strings that later look like changes nobody made.
 * Messages never quote values: Configuration text holds the client secret.
 *
 * Each reader knows its own path, so a field's name is written once, where it is read:
 * `answer.object('ChatConfiguration').string('Name')` fails as `ChatConfiguration.Name`.
 */
import { OosResponseError } from './errors';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  return `a${Array.isArray(value) ? 'n array' : ` ${typeof value}`}`;
}

/** Which answer is being read: what every error about it names. */
interface AnswerSource {
  readonly action: string;
  readonly requestId: string;
}

/** An object inside an answer and its path from the answer's top (empty for the top itself). */
export class AnswerObject {
  constructor(
    private readonly source: AnswerSource,
    /** e.g. `ChatConfigurations[3]`; `` for the answer itself. */
    readonly path: string,
    private readonly fields: Json,
  ) {}

  /** The answer's action, e.g. `GetChatConfiguration`. */
  get action(): string {
    return this.source.action;
  }

  /** The answer's RequestId, `` when it carried none. */
  get requestId(): string {
    return this.source.requestId;
  }

  /** The path of `field` of this object. */
  pathOf(field: string): string {
    return this.path === '' ? field : `${this.path}.${field}`;
  }

  /** Throws the OosResponseError for `field` of this object (the object itself when omitted). */
  fail(field: string | undefined, problem: string): never {
    throw new OosResponseError(this.source.action, field === undefined ? this.path : this.pathOf(field), problem, this.source.requestId);
  }

  object(field: string): AnswerObject {
    const value = this.fields[field];
    return isObject(value) ? new AnswerObject(this.source, this.pathOf(field), value) : this.fail(field, `expected an object, got ${describe(value)}`);
  }

  /** A list of objects, bare or wrapped the way OOS wraps some (`{TagResource: [...]}`); each item's path is `Field[i]`. */
  list(field: string, wrapperKey: string): AnswerObject[] {
    const value = this.fields[field];
    const list = Array.isArray(value) ? value : isObject(value) ? value[wrapperKey] : undefined;
    if (!Array.isArray(list)) return this.fail(field, `expected a list, got ${describe(value)}`);
    const at = this.pathOf(field);
    return list.map((item, i) =>
      isObject(item) ? new AnswerObject(this.source, `${at}[${i}]`, item) : this.fail(`${field}[${i}]`, `expected an object, got ${describe(item)}`),
    );
  }

  string(field: string): string {
    const value = this.fields[field];
    return typeof value === 'string' && value !== '' ? value : this.fail(field, `expected a non-empty string, got ${describe(value)}`);
  }

  /** Absent or null reads as ``. */
  optionalString(field: string): string {
    const value = this.fields[field];
    if (value === undefined || value === null) return '';
    return typeof value === 'string' ? value : this.fail(field, `expected a string, got ${describe(value)}`);
  }

  /** A number, or a string holding one (OOS sends some numbers as text). */
  number(field: string): number {
    const value = this.fields[field];
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? n : this.fail(field, `expected a number, got ${describe(value)}`);
  }

  /** JSON text of an object whose values are strings; absent = {}. */
  jsonMap(field: string): Record<string, string> {
    const text = this.optionalString(field);
    if (text === '') return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return this.fail(field, 'expected JSON text of an object, got text that is not JSON');
    }
    return this.stringsOf(field, parsed, 'JSON text of an object');
  }

  /** An object whose values are strings, or JSON text of one (OOS answers some maps either way, e.g. Tags); absent = {}. */
  stringMap(field: string): Record<string, string> {
    const value = this.fields[field];
    return isObject(value) ? this.stringsOf(field, value, 'an object') : this.jsonMap(field);
  }

  private stringsOf(field: string, parsed: unknown, expected: string): Record<string, string> {
    if (!isObject(parsed)) return this.fail(field, `expected ${expected}, got ${describe(parsed)}`);
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value !== 'string') return this.fail(field, `expected string values, but the value of "${key}" is ${describe(value)}`);
      out[key] = value;
    }
    return out;
  }
}

/** The top of the answer `body` to `action`; a body that is not an object reads as `{}`, so every field is missing. */
export function readAnswer(action: string, body: unknown): AnswerObject {
  const fields = isObject(body) ? body : {};
  const requestId = typeof fields.RequestId === 'string' ? fields.RequestId : '';
  return new AnswerObject({ action, requestId }, '', fields);
}
