/**
 * What every operation handler receives, and typed access to the request's parameters with the
 * validation rules shared by all operation families.
 */
import { invalidParameter, missingParameter } from './errors';
import type { EmulatorStore, RegionState } from './store';

/** Emulator-wide settings handlers read. */
export interface EmulatorSettings {
  readonly accountId: string;
  /** The ResourceType naming chat configurations, when tagResourceTypes lists it. */
  readonly tagResourceType: string;
  /** Every ResourceType the tag API accepts. */
  readonly tagResourceTypes: ReadonlySet<string>;
  /** Refuse Configuration keys outside the documented ones and the WeChat settings the project uses. */
  readonly rejectUnknownConfigurationKeys: boolean;
  readonly defaultResourceGroupId: string;
}

export interface ActionContext {
  readonly params: ActionParameters;
  readonly regionId: string;
  readonly store: EmulatorStore;
  readonly settings: EmulatorSettings;
  readonly now: Date;
}

/** Returns the response body without RequestId (the server adds it). */
export type ActionHandler = (context: ActionContext) => Record<string, unknown>;

export type ActionTable = Readonly<Record<string, ActionHandler>>;

/** The current region's state, for reads. */
export function regionOf(context: ActionContext): RegionState {
  return context.store.region(context.regionId);
}

export const RESOURCE_GROUP_ID_PATTERN = /^rg-[a-z0-9]+$/;

/**
 * Error messages name the parameter and the rule, never the value: Configuration and Value carry
 * secrets, and JSON.parse's own messages quote the input, so they are never passed on.
 */
export class ActionParameters {
  constructor(private readonly params: ReadonlyMap<string, string>) {}

  /** The value, or undefined when absent. An empty value counts as given. */
  optional(name: string): string | undefined {
    return this.params.get(name);
  }

  /** The value; absent or empty fails with MissingParameter.<name>. */
  required(name: string): string {
    const value = this.params.get(name);
    if (value === undefined || value === '') throw missingParameter(name);
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.params.get(name);
    if (value === undefined || value === '') return fallback;
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    throw invalidParameter(name, 'must be true or false.');
  }

  integer(name: string, min: number, max: number): number | undefined {
    const value = this.params.get(name);
    if (value === undefined || value === '') return undefined;
    if (!/^\d+$/.test(value) || +value < min || +value > max) throw invalidParameter(name, `must be an integer from ${min} to ${max}.`);
    return +value;
  }

  /** A JSON array of strings, e.g. ResourceIds=["a","b"]. */
  jsonStringArray(name: string, minItems: number, maxItems: number): string[] | undefined {
    const parsed = this.json(name);
    if (parsed === undefined) return undefined;
    if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
      throw invalidParameter(name, 'must be a JSON array of strings.');
    }
    if (parsed.length < minItems || parsed.length > maxItems) throw invalidParameter(name, `must hold ${minItems} to ${maxItems} items.`);
    return parsed as string[];
  }

  /** A JSON object whose values are all strings, e.g. Tags={"env":"dev"}. */
  jsonStringMap(name: string, minEntries: number, maxEntries: number): Map<string, string> | undefined {
    const parsed = this.json(name);
    if (parsed === undefined) return undefined;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === 'string')) {
      throw invalidParameter(name, 'must be a JSON object whose values are strings.');
    }
    const entries = Object.entries(parsed as Record<string, string>);
    if (entries.length < minEntries || entries.length > maxEntries) {
      throw invalidParameter(name, `must hold ${minEntries} to ${maxEntries} entries.`);
    }
    return new Map(entries);
  }

  /** Repeat-list objects such as Filters.1.Name / Filters.1.Value, in index order. */
  repeatList(prefix: string): Array<Map<string, string>> {
    const byIndex = new Map<number, Map<string, string>>();
    const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)\\.(.+)$`);
    for (const [name, value] of this.params) {
      const match = pattern.exec(name);
      if (match === null) continue;
      const index = +match[1];
      let item = byIndex.get(index);
      if (item === undefined) byIndex.set(index, (item = new Map()));
      item.set(match[2], value);
    }
    return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
  }

  private json(name: string): unknown {
    const text = this.params.get(name);
    if (text === undefined || text === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw invalidParameter(name, 'is not valid JSON.');
    }
  }
}
