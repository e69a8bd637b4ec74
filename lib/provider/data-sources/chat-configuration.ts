import type { ContextSource } from '../provider';
import { DataSourceType, DiagnosticsError, errorDiagnostic, path } from '../schema';
import { mapOrNull } from '../values';
import { nameProblem } from '../chat-configuration-rules';
import { splitConfiguration } from '../configuration-json';
import { isNotFound } from '../../oos/errors';
import { CHAT_CONFIGURATION_DATA_SOURCE, chatConfigurationDataSchema } from './chat-configuration-schemas';

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
      const readable = splitConfiguration(remote.type, remote.configuration);
      const tags = await client.getChatConfigurationTags(name);
      return {
        state: {
          id: remote.name,
          name: remote.name,
          type: remote.type,
          ram_role: remote.ramRole || null,
          template_id: readable.templateId,
          client_id: readable.clientId,
          extra_configuration: readable.extra,
          resource_group_id: remote.resourceGroupId || null,
          tags: mapOrNull(tags, true),
          webhook_url: remote.outputs.URL ?? null,
          aes_key: remote.outputs.AesKey ?? null,
          created_date: remote.createdDate,
          updated_date: remote.updatedDate,
        },
      };
    },
  };
}
