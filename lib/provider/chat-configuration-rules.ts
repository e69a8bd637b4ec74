/**
 * The rules OOS and this project put on chat configuration fields, as plain checks that return
 * what is wrong and how to fix it. The provider's validation and the cdktf constructs share them.
 */

import { MASK, isSecretKey } from '../oos/redaction';

/** True for Configuration keys that carry secrets and must never come from plain configuration. */
export { isSecretKey };

export const CHAT_PLATFORMS = ['DingTalk', 'WeChat'] as const;
/** What OOS returns for a secret, and accepts in an update as "keep the stored value". */
export const SECRET_MASK = MASK;
export const MAX_TAGS = 20;

const NAME_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;
const RAM_ROLE_PATTERN = /^[A-Za-z0-9.-]{1,64}$/;
const RESOURCE_GROUP_PATTERN = /^rg-[a-z0-9]+$/;
const RESERVED_TAG_PREFIXES = ['aliyun', 'acs:'];

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
    if (key.length === 0 || key.length > 128) problems.push(`tag key "${key.slice(0, 40)}" must be 1 to 128 characters long.`);
    const reserved = RESERVED_TAG_PREFIXES.find((prefix) => key.toLowerCase().startsWith(prefix));
    if (reserved) problems.push(`tag key "${key}" starts with the reserved prefix "${reserved}": rename it.`);
    if (tags[key].length > 128) problems.push(`the value of tag "${key}" is ${tags[key].length} characters long; at most 128 are allowed.`);
  }
  return problems;
}

/** The Configuration JSON keys the provider derives from its own arguments, e.g. DingTalkClientId. */
export function configurationKeys(type: string): { templateId: string; clientId: string; clientSecret: string } {
  return { templateId: `${type}TemplateId`, clientId: `${type}ClientId`, clientSecret: `${type}ClientSecret` };
}
