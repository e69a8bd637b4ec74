/**
 * The Go anchor's `echo_thing` (../shared/anchors/README.md) served by this project's provider kit:
 * the same schema and behaviour (plan leaves `id` / `created_date` unknown on create, apply sets
 * them, read returns the prior state, no API calls), so the bench compares the kits and nothing else.
 */
import { type ProviderDefinition, defineResource, defineSchema, useStateForUnknown } from '../lib/tfplugin';

const optionalString = (description: string) => ({ type: 'string', optional: true, description }) as const;

export const echoThingSchema = defineSchema({
  version: 0,
  block: {
    attributes: {
      id: { type: 'string', computed: true, planModifiers: [useStateForUnknown()], description: 'Set at create.' },
      name: { type: 'string', required: true, description: 'Any string.' },
      type: optionalString('Any string.'),
      ram_role: optionalString('Any string.'),
      template_id: optionalString('Any string.'),
      client_id: optionalString('Any string.'),
      resource_group_id: optionalString('Any string.'),
      tags: { type: ['map', 'string'], optional: true, description: 'Any map of strings.' },
      created_date: { type: 'string', computed: true, planModifiers: [useStateForUnknown()], description: 'Set at create.' },
    },
  },
});

const echoThing = defineResource({
  name: 'echo_thing',
  schema: echoThingSchema,
  async create({ planned }) {
    return { values: { id: planned.name, created_date: new Date().toISOString() } };
  },
  async update() {
    return { values: {} };
  },
  async delete() {},
  async read({ state }) {
    return { state };
  },
  async importState(id) {
    return { state: { id, name: id } };
  },
});

export const echoThingProvider: ProviderDefinition = {
  schema: { version: 0, block: { attributes: {} } },
  resources: [echoThing],
  dataSources: [],
  async configure() {
    return [];
  },
};
