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
}
