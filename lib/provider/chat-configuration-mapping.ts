import type { ChatConfiguration } from '../oos';
import { CHAT_PLATFORMS, ChatPlatform, configurationKeys, isSecretKey } from '../domain';
import { mapOrNull } from '../tfplugin';
import { CREATION_TOKEN_KEY } from './creation-journal';

/** The readable parts of a Configuration JSON, in terms of the provider's arguments. */
export interface ReadableConfiguration {
  readonly templateId: string | null;
  readonly clientId: string | null;
  /** Every other key that is not a secret. */
  readonly extra: { [key: string]: string };
}

/** Splits the Configuration OOS returns into the arguments it came from; secrets and the provider's creation token are left out. */
export function splitConfiguration(type: string, configuration: { readonly [key: string]: string }): ReadableConfiguration {
  const keys = configurationKeys(type);
  const extra: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(configuration)) {
    if (key !== keys.templateId && key !== keys.clientId && key !== CREATION_TOKEN_KEY && !isSecretKey(key)) extra[key] = value;
  }
  return { templateId: configuration[keys.templateId] ?? null, clientId: configuration[keys.clientId] ?? null, extra };
}

/** Builds the Configuration JSON object OOS expects from the provider's arguments. */
export function assembleConfiguration(
  type: string,
  parts: { templateId?: string; clientId?: string; clientSecret?: string; extra?: { readonly [key: string]: string } },
): { [key: string]: string } {
  const keys = configurationKeys(type);
  const configuration: { [key: string]: string } = { ...(parts.extra ?? {}) };
  if (parts.templateId !== undefined) configuration[keys.templateId] = parts.templateId;
  if (parts.clientId !== undefined) configuration[keys.clientId] = parts.clientId;
  if (parts.clientSecret !== undefined) configuration[keys.clientSecret] = parts.clientSecret;
  return configuration;
}

/**
 * The attributes of a configuration as OOS reports it, shared by the resource and the data source.
 * `extra_configuration` reads as null when empty unless `keepEmptyExtra`, so a configuration that
 * never set it shows no diff.
 */
export function attributesFromRemote(remote: ChatConfiguration, keepEmptyExtra: boolean) {
  const readable = splitConfiguration(remote.type, remote.configuration);
  return {
    id: remote.name,
    name: remote.name,
    type: remote.type,
    ram_role: remote.ramRole || null,
    template_id: readable.templateId,
    client_id: readable.clientId,
    extra_configuration: mapOrNull(readable.extra, keepEmptyExtra),
    resource_group_id: remote.resourceGroupId || null,
    webhook_url: remote.outputs.URL ?? null,
    aes_key: remote.outputs.AesKey ?? null,
    created_date: remote.createdDate,
    updated_date: remote.updatedDate,
  };
}

/** The platform a validated `type` names; validation already refused any other. */
export function chatPlatform(type: string): ChatPlatform {
  const platform = CHAT_PLATFORMS.find((candidate) => candidate === type);
  if (!platform) throw new Error(`"${type}" is not a chat platform: use "DingTalk" or "WeChat".`);
  return platform;
}
