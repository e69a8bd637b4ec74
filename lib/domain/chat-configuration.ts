/**
 * The rules OOS and this project put on chat configuration fields, as plain checks that return
 * what is wrong and how to fix it (undefined when fine). The cdktf constructs, the provider and
 * the OOS client share them; the emulator keeps its own server-side copy on purpose.
 */

/**
 * Terraform type name of the chat configuration resource, and of the data source that reads one by
 * name (Terraform's convention: a data source reading one resource shares its name).
 */
export const CHAT_CONFIGURATION_RESOURCE = 'oos_chat_configuration';

export const CHAT_PLATFORMS = ['DingTalk', 'WeChat'] as const;
export type ChatPlatform = (typeof CHAT_PLATFORMS)[number];

/** What OOS returns for a secret, and accepts in an update as "keep the stored value". */
export const SECRET_MASK = '******';

/** ResourceType of chat configurations in the OOS tag API (TagResources, ListTagResources). */
export const DEFAULT_TAG_RESOURCE_TYPE = 'chatconfiguration';
/** The tag API's ResourceType of secret parameters, documented by the SDK (oos-api.md §4). */
export const SECRET_PARAMETER_TAG_RESOURCE_TYPE = 'secretparameter';

export const MAX_TAGS = 20;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 128;
/** Tag key prefixes Alibaba Cloud keeps for itself (compared case-insensitively). */
export const RESERVED_TAG_PREFIXES = ['aliyun', 'acs:'] as const;

/**
 * Longest Configuration OOS takes: 16 KiB of JSON text, counted in characters as the emulator
 * does (`JSON.stringify` of the configuration map, secrets included). Checked at plan time.
 */
export const MAX_CONFIGURATION_LENGTH = 16 * 1024;

/** What is wrong with the Configuration JSON text's size (never quotes it: it holds the secret). */
export function configurationLengthProblem(json: string): string | undefined {
  if (json.length <= MAX_CONFIGURATION_LENGTH) return undefined;
  return `the configuration is ${json.length} characters of JSON; OOS accepts at most ${MAX_CONFIGURATION_LENGTH} (16 KiB): shorten it by ${json.length - MAX_CONFIGURATION_LENGTH}.`;
}

const NAME_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;
const RAM_ROLE_PATTERN = /^[A-Za-z0-9.-]{1,64}$/;
const RESOURCE_GROUP_PATTERN = /^rg-[a-z0-9]+$/;

/** True for Configuration keys that carry secrets (DingTalkClientSecret, …): OOS masks them on read. */
export function isSecretKey(key: string): boolean {
  return /secret$/i.test(key);
}

export function nameProblem(name: string): string | undefined {
  if (NAME_PATTERN.test(name)) return undefined;
  return `"${name}" is not a valid name: use 1 to 128 letters, digits, "-", "_" or ".".`;
}

export function typeProblem(type: string): string | undefined {
  if ((CHAT_PLATFORMS as readonly string[]).includes(type)) return undefined;
  return `"${type}" is not a chat platform: use "DingTalk" or "WeChat" (case-sensitive).`;
}

export function ramRoleProblem(role: string): string | undefined {
  if (RAM_ROLE_PATTERN.test(role)) return undefined;
  return `"${role}" is not a RAM role name: use 1 to 64 letters, digits, "." or "-" (the role name, not its ARN), e.g. AliyunOOSDefaultRole.`;
}

/** OOS parameter names, which may be paths such as /chatops/dev/ops-secret. */
const SECRET_PARAMETER_NAME_PATTERN = /^[A-Za-z0-9_./-]{1,200}$/;

export function secretParameterNameProblem(name: string): string | undefined {
  if (SECRET_PARAMETER_NAME_PATTERN.test(name)) return undefined;
  return `"${name}" is not an OOS secret parameter name: use 1 to 200 letters, digits, "_", ".", "/" or "-", e.g. chatops-dev-ops-secret.`;
}

export function resourceGroupProblem(id: string): string | undefined {
  if (RESOURCE_GROUP_PATTERN.test(id)) return undefined;
  return `"${id}" is not a resource group id: ids look like rg-acfmxsn4m4abcde (lower-case letters and digits after "rg-").`;
}

/** Every problem with a tag map, each naming the offending key. */
export function tagProblems(tags: { readonly [key: string]: string }): string[] {
  const problems: string[] = [];
  const keys = Object.keys(tags);
  if (keys.length > MAX_TAGS) problems.push(`${keys.length} tags given; OOS allows at most ${MAX_TAGS}: remove ${keys.length - MAX_TAGS}.`);
  for (const key of keys) {
    if (key.length === 0 || key.length > MAX_TAG_KEY_LENGTH) {
      problems.push(`tag key "${key.slice(0, 40)}" must be 1 to ${MAX_TAG_KEY_LENGTH} characters long.`);
    }
    const reserved = RESERVED_TAG_PREFIXES.find((prefix) => key.toLowerCase().startsWith(prefix));
    if (reserved) problems.push(`tag key "${key}" starts with the reserved prefix "${reserved}": rename it.`);
    if (tags[key].length > MAX_TAG_VALUE_LENGTH) {
      problems.push(`the value of tag "${key}" is ${tags[key].length} characters long; at most ${MAX_TAG_VALUE_LENGTH} are allowed.`);
    }
  }
  return problems;
}

/** The Configuration JSON keys the provider derives from its own arguments, e.g. DingTalkClientId. */
export function configurationKeys(type: string): { templateId: string; clientId: string; clientSecret: string } {
  return { templateId: `${type}TemplateId`, clientId: `${type}ClientId`, clientSecret: `${type}ClientSecret` };
}

/**
 * Why a key of the free-form Configuration settings (`extra_configuration`, the construct's
 * `settings`) is refused: `secret` would put a secret into plan and state in plain text; `derived`
 * is a key set from a typed argument (`templateId` or `clientId`), so it would be set twice.
 * Provider and construct word the fix each in their own terms.
 */
export type ExtraConfigurationKeyProblem = { readonly kind: 'secret' } | { readonly kind: 'derived'; readonly field: 'templateId' | 'clientId' };

/** The rule for `extra_configuration` keys, in one place; `type` undefined (not known yet) checks only secrets. */
export function extraConfigurationKeyProblem(type: string | undefined, key: string): ExtraConfigurationKeyProblem | undefined {
  if (isSecretKey(key)) return { kind: 'secret' };
  if (type === undefined) return undefined;
  const keys = configurationKeys(type);
  const field = (['templateId', 'clientId'] as const).find((candidate) => keys[candidate] === key);
  return field ? { kind: 'derived', field } : undefined;
}
