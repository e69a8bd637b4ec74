import { Schema } from '../schema';

export const CHAT_CONFIGURATION_DATA_SOURCE = 'oos_chat_configuration';
export const CHAT_CONFIGURATIONS_DATA_SOURCE = 'oos_chat_configurations';

/** Schema of data source `oos_chat_configuration`: one configuration looked up by name. */
export const chatConfigurationDataSchema: Schema = {
  version: 0,
  block: {
    description: 'Reads one OOS chat configuration by name.',
    attributes: {
      id: { type: 'string', computed: true, description: 'The configuration name.' },
      name: { type: 'string', required: true, description: 'Name of the configuration to read.' },
      type: { type: 'string', computed: true, description: 'Chat platform: `DingTalk` or `WeChat`.' },
      ram_role: { type: 'string', computed: true, description: 'RAM role name the bot runs as.' },
      template_id: { type: 'string', computed: true, description: 'Bot template id.' },
      client_id: { type: 'string', computed: true, description: 'App client id.' },
      extra_configuration: { type: ['map', 'string'], computed: true, description: 'Other non-secret Configuration keys.' },
      resource_group_id: { type: 'string', computed: true, description: 'Resource group id.' },
      tags: { type: ['map', 'string'], computed: true, description: 'Tags of the configuration.' },
      webhook_url: { type: 'string', computed: true, description: 'Webhook URL (Outputs.URL).' },
      aes_key: { type: 'string', computed: true, sensitive: true, description: 'WeChat AesKey (Outputs.AesKey).' },
      created_date: { type: 'string', computed: true, description: 'Creation time, ISO 8601.' },
      updated_date: { type: 'string', computed: true, description: 'Last update time, ISO 8601.' },
    },
  },
};

/** Schema of data source `oos_chat_configurations`: a filtered list. */
export const chatConfigurationsDataSchema: Schema = {
  version: 0,
  block: {
    description: 'Lists OOS chat configurations, optionally filtered by name and type.',
    attributes: {
      id: { type: 'string', computed: true, description: 'A digest of the filters.' },
      name_regex: { type: 'string', optional: true, description: 'Keep only names matching this regular expression (applied by the provider).' },
      name_prefix: { type: 'string', optional: true, description: 'Keep only names starting with this prefix (sent to OOS as the `Name` filter).' },
      type: { type: 'string', optional: true, description: 'Keep only this platform: `DingTalk` or `WeChat` (sent as the `Type` filter).' },
      names: { type: ['list', 'string'], computed: true, description: 'Names of the matching configurations, sorted.' },
      configurations: {
        type: [
          'list',
          [
            'object',
            {
              name: 'string',
              type: 'string',
              ram_role: 'string',
              webhook_url: 'string',
              created_date: 'string',
              updated_date: 'string',
            },
          ],
        ],
        computed: true,
        description: 'The matching configurations, sorted by name.',
      },
    },
  },
};
