/**
 * `oos_chat_configuration`'s own schema, served by the kit with echo_thing's behaviour: no API call,
 * no client, no emulator. Plan fills `id` and `tags_all`, apply sets the computed attributes to
 * values of the same size as OOS's, read returns the prior state (and the same private state as
 * the real resource after a create). What Terraform and the kit cost for this schema and its state
 * is then the floor under the oos provider's figures: Terraform walks, encodes and writes every
 * attribute of every instance, and its state file grows with them.
 */
import { type ProviderDefinition, defineResource } from '../lib/tfplugin';
import { chatConfigurationSchema } from '../lib/provider/resources/chat-configuration';

export const SCHEMA_FLOOR_RESOURCE = 'echocc_chat_configuration';

/** OOS's answer shape: `…/webhook/<32 hex>`, dates without fractions. */
function webhookUrl(name: string): string {
  const hex = Buffer.from(name.padEnd(16, '.')).toString('hex').slice(0, 32);
  return `https://1234567890123456.appflow.aliyunnest.com/webhook/${hex}`;
}

const chatConfigurationEcho = defineResource({
  name: SCHEMA_FLOOR_RESOURCE,
  schema: chatConfigurationSchema,
  async modifyPlan({ prior, planned, config }) {
    planned.tags_all = config.tags ?? {};
    if (prior === null) planned.id = config.name;
  },
  async create({ planned }) {
    const now = new Date().toISOString().replace(/\.\d+Z$/, '+00:00');
    return {
      values: { webhook_url: webhookUrl(planned.name), aes_key: null, client_secret_parameter_version: null, created_date: now, updated_date: now },
      private: Buffer.from(JSON.stringify({ createdAt: Date.now() })),
    };
  },
  async update() {
    return { values: {} };
  },
  async delete() {},
  async read({ state }) {
    return { state, private: Buffer.alloc(0) };
  },
  async importState(id) {
    return { state: { id, name: id } };
  },
});

export const schemaFloorProvider: ProviderDefinition = {
  schema: { version: 0, block: { attributes: {} } },
  resources: [chatConfigurationEcho],
  dataSources: [],
  async configure() {
    return [];
  },
};
