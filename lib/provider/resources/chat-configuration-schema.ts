import { Schema } from '../schema';

/** Terraform type name of the chat configuration resource. */
export const CHAT_CONFIGURATION_RESOURCE = 'oos_chat_configuration';

/** Schema of `oos_chat_configuration`: one OOS chat configuration (a ChatOps bot). */
export const chatConfigurationSchema: Schema = {
  version: 1,
  block: {
    description: 'An Alibaba Cloud OOS chat configuration: a ChatOps bot for DingTalk or WeChat.',
    attributes: {
      id: { type: 'string', computed: true, description: 'The configuration name; OOS keys chat configurations by name.' },
      name: {
        type: 'string',
        required: true,
        description: 'Unique name per region and account, 1-128 letters, digits, `-`, `_` or `.`. Changing it replaces the configuration.',
      },
      type: { type: 'string', required: true, description: 'Chat platform: `DingTalk` or `WeChat`.' },
      ram_role: { type: 'string', optional: true, description: 'Name of the RAM role the bot runs operations as, e.g. `AliyunOOSDefaultRole`.' },
      template_id: { type: 'string', optional: true, description: 'Bot template id (`<Type>TemplateId` in the Configuration JSON).' },
      client_id: { type: 'string', optional: true, description: 'App client id (`<Type>ClientId` in the Configuration JSON).' },
      client_secret_wo: {
        type: 'string',
        optional: true,
        sensitive: true,
        writeOnly: true,
        description:
          'App client secret, write-only: sent to OOS, never stored in plan or state. Bump `client_secret_wo_version` to push a new value. Conflicts with `client_secret_parameter`.',
      },
      client_secret_wo_version: {
        type: 'number',
        optional: true,
        description: 'Any number; changing it sends `client_secret_wo` again. Required with `client_secret_wo`.',
      },
      client_secret_parameter: {
        type: 'string',
        optional: true,
        description: 'Name of an OOS secret parameter holding the client secret; read with decryption at apply time. Conflicts with `client_secret_wo`.',
      },
      client_secret_parameter_version: {
        type: 'number',
        computed: true,
        description: 'Version of `client_secret_parameter` last sent to OOS; a newer version plans an update.',
      },
      extra_configuration: {
        type: ['map', 'string'],
        optional: true,
        description: 'Further non-secret keys of the Configuration JSON, e.g. WeChat settings. Keys ending in `Secret` are refused.',
      },
      resource_group_id: {
        type: 'string',
        optional: true,
        computed: true,
        description: 'Resource group id (`rg-…`); defaults to the account default resource group.',
      },
      tags: {
        type: ['map', 'string'],
        optional: true,
        description: 'Tags of this configuration: at most 20, keys up to 128 characters, no `aliyun` or `acs:` prefix.',
      },
      tags_all: { type: ['map', 'string'], computed: true, description: 'Tags including the provider `default_tags`.' },
      webhook_url: { type: 'string', computed: true, description: 'Webhook URL to register in the chat platform (Outputs.URL).' },
      aes_key: { type: 'string', computed: true, sensitive: true, description: 'WeChat message encryption key (Outputs.AesKey); null for DingTalk.' },
      created_date: { type: 'string', computed: true, description: 'Creation time, ISO 8601.' },
      updated_date: { type: 'string', computed: true, description: 'Last update time, ISO 8601.' },
    },
  },
};
