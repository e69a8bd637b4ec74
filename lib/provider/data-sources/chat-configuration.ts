import type { ContextSource } from '../provider';
import { DataSourceType, Schema, DiagnosticsError, errorDiagnostic, path } from '../schema';
import { mapOrNull } from '../values';
import { nameProblem } from '../../domain';
import { attributesFromRemote } from '../chat-configuration-mapping';
import { isNotFound } from '../../oos/errors';

export const CHAT_CONFIGURATION_DATA_SOURCE = 'oos_chat_configuration';

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

/** Data source `oos_chat_configuration`: one configuration read by name. */
export function chatConfigurationDataSource(context: ContextSource): DataSourceType {
  return {
    name: CHAT_CONFIGURATION_DATA_SOURCE,
    schema: chatConfigurationDataSchema,
    validate(config) {
      const problem = typeof config.name === 'string' ? nameProblem(config.name) : undefined;
      return problem ? [errorDiagnostic('Invalid name', problem, path('name'))] : [];
    },
    async read(config) {
      const { client } = context();
      const name = config.name as string;
      let remote;
      try {
        remote = await client.getChatConfiguration(name);
      } catch (error) {
        if (!isNotFound(error)) throw new Error(`Reading chat configuration "${name}" failed: ${(error as Error).message}`);
        throw new DiagnosticsError([
          errorDiagnostic('Chat configuration not found', `No chat configuration named "${name}" exists in region ${client.regionId}.`, path('name')),
        ]);
      }
      const tags = await client.getChatConfigurationTags(name);
      return { state: { ...attributesFromRemote(remote, true), tags: mapOrNull(tags, true) } };
    },
  };
}
