import { CHAT_CONFIGURATION_RESOURCE, nameProblem } from '../../domain';
import { isNotFound } from '../../oos/errors';
import { DataSourceType, DiagnosticsError, defineDataSource, defineSchema, errorDiagnostic, fromProblem, mapOrNull, path } from '../../tfplugin';
import { attributesFromRemote } from '../chat-configuration-mapping';
import type { ContextSource } from '../context';
import { errorMessage } from '../failures';

/** The data source reading one chat configuration shares the resource's type name. */
export const CHAT_CONFIGURATION_DATA_SOURCE = CHAT_CONFIGURATION_RESOURCE;

/** Schema of data source `oos_chat_configuration`: one configuration looked up by name. */
export const chatConfigurationDataSchema = defineSchema({
  version: 0,
  block: {
    description: 'Reads one OOS chat configuration by name.',
    attributes: {
      id: { type: 'string', computed: true, description: 'The configuration name.' },
      name: {
        type: 'string',
        required: true,
        description: 'Name of the configuration to read.',
        validators: [fromProblem('1 to 128 letters, digits, `-`, `_` or `.`.', nameProblem)],
      },
      type: { type: 'string', computed: true, description: 'Chat platform: `DingTalk` or `WeChat`.' },
      ram_role: { type: 'string', computed: true, description: 'RAM role name the bot runs as.' },
      template_id: { type: 'string', computed: true, description: 'Bot template id.' },
      client_id: { type: 'string', computed: true, description: 'App client id.' },
      extra_configuration: { type: ['map', 'string'], computed: true, description: 'Other non-secret Configuration keys.' },
      resource_group_id: { type: 'string', computed: true, description: 'Resource group id.' },
      tags: {
        type: ['map', 'string'],
        computed: true,
        description: "Tags of the configuration; null where OOS holds none for chat configurations (see the provider's `tagging`).",
      },
      webhook_url: { type: 'string', computed: true, description: 'Webhook URL (Outputs.URL).' },
      aes_key: { type: 'string', computed: true, sensitive: true, description: 'WeChat AesKey (Outputs.AesKey).' },
      created_date: { type: 'string', computed: true, description: 'Creation time, ISO 8601.' },
      updated_date: { type: 'string', computed: true, description: 'Last update time, ISO 8601.' },
    },
  },
});

/** Data source `oos_chat_configuration`: one configuration read by name. */
export function chatConfigurationDataSource(context: ContextSource): DataSourceType {
  return defineDataSource({
    name: CHAT_CONFIGURATION_DATA_SOURCE,
    schema: chatConfigurationDataSchema,
    async read({ name }) {
      const { client, tagging } = context();
      const remote = await client.getChatConfiguration(name).catch((error: unknown) => {
        if (!isNotFound(error)) throw new Error(`Reading chat configuration "${name}" failed: ${errorMessage(error)}`);
        throw new DiagnosticsError([
          errorDiagnostic('Chat configuration not found', `No chat configuration named "${name}" exists in region ${client.regionId}.`, path('name')),
        ]);
      });
      // Where OOS holds no tags for chat configurations (or tagging = "off"), there are none to read.
      const tags = (await tagging.taggable()) ? mapOrNull(await client.getChatConfigurationTags(name), true) : null;
      return { ...attributesFromRemote(remote, true), tags };
    },
  });
}
