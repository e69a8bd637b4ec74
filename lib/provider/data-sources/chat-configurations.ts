import { createHash } from 'node:crypto';
import type { ListFilter } from '../../oos';
import type { ContextSource } from '../provider';
import { DataSourceType, Diagnostic, errorDiagnostic, path } from '../schema';
import { typeProblem } from '../chat-configuration-rules';
import { CHAT_CONFIGURATIONS_DATA_SOURCE, chatConfigurationsDataSchema } from './chat-configuration-schemas';

/** Data source `oos_chat_configurations`: the configurations matching name and type filters. */
export function chatConfigurationsDataSource(context: ContextSource): DataSourceType {
  return {
    name: CHAT_CONFIGURATIONS_DATA_SOURCE,
    schema: chatConfigurationsDataSchema,
    validate(config) {
      const diagnostics: Diagnostic[] = [];
      if (typeof config.type === 'string') {
        const problem = typeProblem(config.type);
        if (problem) diagnostics.push(errorDiagnostic('Invalid type', problem, path('type')));
      }
      if (typeof config.name_regex === 'string') {
        try {
          new RegExp(config.name_regex);
        } catch (error) {
          diagnostics.push(
            errorDiagnostic('Invalid name_regex', `${(error as Error).message}; use a JavaScript regular expression such as "^bot-".`, path('name_regex')),
          );
        }
      }
      return diagnostics;
    },
    async read(config) {
      const filters: ListFilter[] = [];
      if (typeof config.name_prefix === 'string') filters.push({ name: 'Name', value: config.name_prefix });
      if (typeof config.type === 'string') filters.push({ name: 'Type', value: config.type });
      const pattern = typeof config.name_regex === 'string' ? new RegExp(config.name_regex) : undefined;

      const found = await context().client.listChatConfigurations(filters);
      const matching = found.filter((item) => !pattern || pattern.test(item.name)).sort((a, b) => a.name.localeCompare(b.name));
      const digest = createHash('sha256')
        .update(JSON.stringify([config.name_prefix, config.type, config.name_regex]))
        .digest('hex')
        .slice(0, 16);
      return {
        state: {
          ...config,
          id: digest,
          names: matching.map((item) => item.name),
          configurations: matching.map((item) => ({
            name: item.name,
            type: item.type,
            ram_role: item.ramRole || null,
            webhook_url: item.outputs.URL ?? null,
            created_date: item.createdDate,
            updated_date: item.updatedDate,
          })),
        },
      };
    },
  };
}
