import { createHash } from 'node:crypto';
import type { ListFilter } from '../../oos';
import { typeProblem } from '../../domain';
import { DataSourceType, defineDataSource, defineSchema, fromProblem } from '../../tfplugin';
import type { ContextSource } from '../context';
import { errorMessage } from '../failures';

export const CHAT_CONFIGURATIONS_DATA_SOURCE = 'oos_chat_configurations';

/** Schema of data source `oos_chat_configurations`: a filtered list. */
export const chatConfigurationsDataSchema = defineSchema({
  version: 0,
  block: {
    description: 'Lists OOS chat configurations, optionally filtered by name and type.',
    attributes: {
      id: { type: 'string', computed: true, description: 'A digest of the filters.' },
      name_regex: {
        type: 'string',
        optional: true,
        description: 'Keep only names matching this regular expression (applied by the provider).',
        validators: [fromProblem('A JavaScript regular expression.', regularExpressionProblem)],
      },
      name_prefix: { type: 'string', optional: true, description: 'Keep only names starting with this prefix (sent to OOS as the `Name` filter).' },
      type: {
        type: 'string',
        optional: true,
        description: 'Keep only this platform: `DingTalk` or `WeChat` (sent as the `Type` filter).',
        validators: [fromProblem('`DingTalk` or `WeChat` (case-sensitive).', typeProblem)],
      },
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
});

/** Data source `oos_chat_configurations`: the configurations matching name and type filters. */
export function chatConfigurationsDataSource(context: ContextSource): DataSourceType {
  return defineDataSource({
    name: CHAT_CONFIGURATIONS_DATA_SOURCE,
    schema: chatConfigurationsDataSchema,
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
      };
    },
  });
}

function regularExpressionProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return `${errorMessage(error)}; use a JavaScript regular expression such as "^bot-".`;
  }
}
