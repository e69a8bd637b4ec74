import type { ContextSource } from '../provider';
import { DataSourceType, DiagnosticsError, errorDiagnostic, path } from '../schema';
import { mapOrNull } from '../values';
import { nameProblem } from '../chat-configuration-rules';
import { attributesFromRemote } from '../chat-configuration-mapping';
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
      const tags = await client.getChatConfigurationTags(name);
      return { state: { ...attributesFromRemote(remote, true), tags: mapOrNull(tags, true) } };
    },
  };
}
