/**
 * `oos_chat_configuration` changes with typed attributes, so policies and the summary read
 * `after.ram_role` instead of digging through JSON. Attribute types are checked once here.
 */
import { isSecretKey } from '../domain';
import { JsonObject, JsonValue, PlanJsonError, isJsonObject } from './json';
import { ChangeKind, PlanView, ResourceChange } from './plan';
import { afterValue, isMasked } from './values';

/** Terraform type name of the chat configuration resource (the provider's own constant lives above this layer). */
export const CHAT_CONFIGURATION_TYPE = 'oos_chat_configuration';

type StringMap = { readonly [key: string]: string };

/** The resource's attributes as Terraform's JSON carries them; null when unset. */
export interface ChatConfigurationAttributes {
  readonly id: string | null;
  readonly name: string | null;
  /** `DingTalk` or `WeChat`. */
  readonly type: string | null;
  readonly ram_role: string | null;
  readonly template_id: string | null;
  readonly client_id: string | null;
  /** Write-only: always null in plan and state. */
  readonly client_secret_wo: string | null;
  readonly client_secret_wo_version: number | null;
  readonly client_secret_parameter: string | null;
  readonly client_secret_parameter_version: number | null;
  readonly extra_configuration: StringMap | null;
  readonly resource_group_id: string | null;
  readonly tags: StringMap | null;
  /** Tags including the provider's default_tags. */
  readonly tags_all: StringMap | null;
  readonly webhook_url: string | null;
  /** Sensitive. */
  readonly aes_key: string | null;
  readonly created_date: string | null;
  readonly updated_date: string | null;
}

export type ChatConfigurationAttribute = keyof ChatConfigurationAttributes;

const ATTRIBUTE_TYPES: { readonly [name in ChatConfigurationAttribute]: 'string' | 'number' | 'map' } = {
  id: 'string',
  name: 'string',
  type: 'string',
  ram_role: 'string',
  template_id: 'string',
  client_id: 'string',
  client_secret_wo: 'string',
  client_secret_wo_version: 'number',
  client_secret_parameter: 'string',
  client_secret_parameter_version: 'number',
  extra_configuration: 'map',
  resource_group_id: 'string',
  tags: 'map',
  tags_all: 'map',
  webhook_url: 'string',
  aes_key: 'string',
  created_date: 'string',
  updated_date: 'string',
};

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
  return plan.resourceChanges.filter((change) => change.mode === 'managed' && change.type === CHAT_CONFIGURATION_TYPE).map(chatConfigurationChange);
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

function checked(value: JsonValue, type: 'string' | 'number' | 'map', path: string): JsonValue {
  if (value === null) return null;
  if (type === 'map' ? isJsonObject(value) && Object.values(value).every((item) => typeof item === 'string') : typeof value === type) return value;
  throw new PlanJsonError(path, `expected ${type === 'map' ? 'a map of strings' : `a ${type}`}: is this plan from a different version of the oos provider?`);
}
