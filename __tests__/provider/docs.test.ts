/** The reference pages under docs/ stay in step with the schemas they describe. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chatConfigurationDataSchema } from '../../lib/provider/data-sources/chat-configuration';
import { chatConfigurationsDataSchema } from '../../lib/provider/data-sources/chat-configurations';
import { chatConfigurationSchema } from '../../lib/provider/resources/chat-configuration';
import { providerSchema } from '../../lib/provider/provider-schema';
import { Schema } from '../../lib/tfplugin/schema';

const pages: [string, Schema][] = [
  ['index.md', providerSchema],
  ['resources/oos_chat_configuration.md', chatConfigurationSchema],
  ['data-sources/oos_chat_configuration.md', chatConfigurationDataSchema],
  ['data-sources/oos_chat_configurations.md', chatConfigurationsDataSchema],
];

describe.each(pages)('docs/%s', (page, schema) => {
  test('names every attribute of the schema', () => {
    const text = readFileSync(join(__dirname, '../../docs', page), 'utf8');
    const names = [...Object.keys(schema.block.attributes), ...Object.keys(schema.block.blocks ?? {})];
    const missing = names.filter((name) => !text.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
