/**
 * `oos_chat_configuration` changes with typed attributes, so policies and the summary read
 * `after.ram_role` instead of digging through JSON. Attribute types are checked once here.
 */
import { CHAT_CONFIGURATION_RESOURCE, isSecretKey } from '../domain';
import { JsonObject, JsonValue, PlanJsonError, isJsonObject } from './json';
import { ChangeKind, PlanView, ResourceChange } from './plan';
import { afterValue, isMasked } from './values';

type StringMap = { readonly [key: string]: string };

/**
 * The resource's attributes and the JSON type each has in a plan, written once: the
 * ChatConfigurationAttributes type is derived from it, and a test ties it to the provider's schema.
 */
const ATTRIBUTE_TYPES = {
  id: 'string',
  name: 'string',
  /** `DingTalk` or `WeChat`. */
  type: 'string',
  ram_role: 'string',
  template_id: 'string',
  client_id: 'string',
  /** Write-only: always null in plan and state. */
  client_secret_wo: 'string',
  client_secret_wo_version: 'number',
  /** Refused when set (deprecated, write-only): always null in plan and state. */
  client_secret: 'string',
  client_secret_parameter: 'string',
  client_secret_parameter_version: 'number',
  extra_configuration: 'map',
  resource_group_id: 'string',
  tags: 'map',
  /** Tags including the provider's default_tags. */
  tags_all: 'map',
  webhook_url: 'string',
  /** Sensitive. */
  aes_key: 'string',
  created_date: 'string',
  updated_date: 'string',
} as const satisfies { readonly [name: string]: AttributeJsonType };

/** How an attribute's value reads in plan JSON: a string, a number, or a map of strings. */
export type AttributeJsonType = 'string' | 'number' | 'map';
type AttributeValue<Type extends AttributeJsonType> = Type extends 'string' ? string : Type extends 'number' ? number : StringMap;

/** The resource's attributes as Terraform's JSON carries them; null when unset. */
export type ChatConfigurationAttributes = { readonly [Name in keyof typeof ATTRIBUTE_TYPES]: AttributeValue<(typeof ATTRIBUTE_TYPES)[Name]> | null };

export type ChatConfigurationAttribute = keyof ChatConfigurationAttributes;

/** Every attribute the pipeline reads, with its JSON type. */
export const CHAT_CONFIGURATION_ATTRIBUTE_TYPES: { readonly [Name in ChatConfigurationAttribute]: AttributeJsonType } = ATTRIBUTE_TYPES;

export const CHAT_CONFIGURATION_ATTRIBUTES = Object.keys(ATTRIBUTE_TYPES) as readonly ChatConfigurationAttribute[];

const SECRET_LIKE_KEY = /(secret|password|passwd|token|apikey|api_key|accesskey|privatekey|aeskey|credential)/i;

/**
 * True for an `extra_configuration` key whose value is, or may well be, a secret: wider than the
 * provider's `isSecretKey` (which OOS masks), because WeChat callback Tokens and AES keys are secrets too.
 */
export function looksLikeSecretKey(key: string): boolean {
  return isSecretKey(key) || SECRET_LIKE_KEY.test(key);
}

/** One planned change to a chat configuration. */
export interface ChatConfigurationChange {
  readonly change: ResourceChange;
  readonly address: string;
  readonly kind: ChangeKind;
  /** The name OOS knows it by once applied (before the change for a destroy); the address when unknown. */
  readonly name: string;
  /** Prior values; null on create. */
  readonly before: ChatConfigurationAttributes | null;
  /** Planned values; attributes known only after apply read as null here (see isUnknownAfter). */
  readonly after: ChatConfigurationAttributes | null;
  /** True when the attribute (or the map key) is known only after apply. */
  isUnknownAfter(attribute: ChatConfigurationAttribute, key?: string): boolean;
  /** True when the attribute (or the map key) is sensitive after the change. */
  isSensitiveAfter(attribute: ChatConfigurationAttribute, key?: string): boolean;
}

/** The plan's chat configuration changes, no-ops included (filter on `kind`). */
export function chatConfigurationChanges(plan: PlanView): ChatConfigurationChange[] {
  return plan.resourceChanges.filter((change) => change.mode === 'managed' && change.type === CHAT_CONFIGURATION_RESOURCE).map(chatConfigurationChange);
}

export function chatConfigurationChange(change: ResourceChange): ChatConfigurationChange {
  const before = attributes(change.before, `${change.address} before`);
  const after = attributes(change.after, `${change.address} after`);
  const path = (attribute: string, key?: string) => (key === undefined ? [attribute] : [attribute, key]);
  return {
    change,
    address: change.address,
    kind: change.kind,
    name: (change.kind === 'delete' ? before?.name : afterName(change)) ?? before?.name ?? change.address,
    before,
    after,
    isUnknownAfter: (attribute, key) => isMasked(change.afterUnknown, path(attribute, key)),
    isSensitiveAfter: (attribute, key) => isMasked(change.afterSensitive, path(attribute, key)),
  };
}

function afterName(change: ResourceChange): string | undefined {
  const name = afterValue(change, ['name']);
  return name.known && typeof name.value === 'string' ? name.value : undefined;
}

function attributes(values: JsonObject | null, where: string): ChatConfigurationAttributes | null {
  if (values === null) return null;
  const read = (name: ChatConfigurationAttribute) => checked(values[name] ?? null, ATTRIBUTE_TYPES[name], `${where}.${name}`);
  return Object.fromEntries(CHAT_CONFIGURATION_ATTRIBUTES.map((name) => [name, read(name)])) as unknown as ChatConfigurationAttributes;
}

function checked(value: JsonValue, type: AttributeJsonType, path: string): JsonValue {
  if (value === null) return null;
  if (type === 'map' ? isJsonObject(value) && Object.values(value).every((item) => typeof item === 'string') : typeof value === type) return value;
  throw new PlanJsonError(path, `expected ${type === 'map' ? 'a map of strings' : `a ${type}`}: is this plan from a different version of the oos provider?`);
}
