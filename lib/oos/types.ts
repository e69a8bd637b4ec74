/**
 * Request and response shapes of the OOS (2019-06-01) operations this project calls.
 * Field names follow the API; see ../shared/design/oos-api.md for sources.
 */

export type ChatPlatform = 'DingTalk' | 'WeChat';

/** Input of CreateChatConfiguration and UpdateChatConfiguration. */
export interface ChatConfigurationInput {
  /** The configuration's key, unique per region and account. */
  readonly name: string;
  readonly type?: ChatPlatform;
  /** RAM role name the bot runs operations as. */
  readonly ramRole?: string;
  /** The Configuration JSON as an object; the client serialises it. May hold the client secret. */
  readonly configuration?: { readonly [key: string]: string };
  readonly resourceGroupId?: string;
}

/** The timestamps Create and Update return. */
export interface ChatConfigurationStamp {
  readonly name: string;
  readonly createdDate: string;
  readonly updatedDate: string;
}

/** GetChatConfiguration's view: the client secret comes back masked as `******`. */
export interface ChatConfiguration extends ChatConfigurationStamp {
  readonly type: string;
  readonly ramRole: string;
  /** Parsed Configuration JSON ({} when absent). */
  readonly configuration: { readonly [key: string]: string };
  readonly resourceGroupId: string;
  /** Parsed Outputs JSON: URL (webhook), and AesKey for WeChat. */
  readonly outputs: { readonly [key: string]: string };
}

/** ListChatConfigurations' items carry no Configuration and no ResourceGroupId. */
export interface ChatConfigurationSummary extends ChatConfigurationStamp {
  readonly type: string;
  readonly ramRole: string;
  readonly outputs: { readonly [key: string]: string };
}

export interface ListFilter {
  /** Filter name, e.g. `Name` or `Type`. */
  readonly name: string;
  readonly value: string;
}

export interface TagResourcesInput {
  readonly resourceType: string;
  readonly resourceIds: readonly string[];
  readonly tags: { readonly [key: string]: string };
}

export interface UntagResourcesInput {
  readonly resourceType: string;
  readonly resourceIds: readonly string[];
  readonly tagKeys?: readonly string[];
  readonly all?: boolean;
}

export interface TagResource {
  readonly resourceId: string;
  readonly resourceType: string;
  readonly tagKey: string;
  readonly tagValue: string;
}

export interface SecretParameter {
  readonly name: string;
  readonly parameterVersion: number;
  /** The decrypted value when asked WithDecryption, otherwise not the secret. */
  readonly value: string;
  readonly createdDate: string;
  readonly updatedDate: string;
  readonly description: string;
  /** The KMS key encrypting the value ('' when OOS does not say). */
  readonly keyId: string;
  /** JSON text of AllowedValues / AllowedPattern / MinLength / MaxLength ('' when none). */
  readonly constraints: string;
  readonly resourceGroupId: string;
  /** Tags as Get answers them (an object, or JSON text as in Update's answer); {} when absent. */
  readonly tags: { readonly [key: string]: string };
}

/** What CreateSecretParameter takes besides the name and value; absent fields are not sent. */
export interface SecretParameterSettings {
  readonly description?: string;
  readonly keyId?: string;
  /** JSON text, e.g. `{"MinLength":8}`. */
  readonly constraints?: string;
  readonly resourceGroupId?: string;
  readonly tags?: { readonly [key: string]: string };
  /** Idempotency token: a retried create with the same token does not create twice. */
  readonly clientToken?: string;
}

/** What UpdateSecretParameter changes; a new `value` makes a new version. Absent fields are kept. */
export interface SecretParameterChange {
  readonly value?: string;
  readonly description?: string;
  readonly resourceGroupId?: string;
}
