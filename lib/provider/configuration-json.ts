import { configurationKeys, isSecretKey } from './chat-configuration-rules';

/** The readable parts of a Configuration JSON, in terms of the provider's arguments. */
export interface ReadableConfiguration {
  readonly templateId: string | null;
  readonly clientId: string | null;
  /** Every other key that is not a secret. */
  readonly extra: { [key: string]: string };
}

/** Splits the Configuration OOS returns into the arguments it came from; secrets are left out. */
export function splitConfiguration(type: string, configuration: { readonly [key: string]: string }): ReadableConfiguration {
  const keys = configurationKeys(type);
  const extra: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(configuration)) {
    if (key !== keys.templateId && key !== keys.clientId && !isSecretKey(key)) extra[key] = value;
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
