/**
 * The pipeline reads `oos_chat_configuration` from plan JSON with its own attribute list (it may
 * not import the provider): this ties that list to the provider's schema, so an attribute added to
 * or removed from the resource fails here until the pipeline knows it.
 */
import { CHAT_CONFIGURATION_RESOURCE } from '../../lib/domain';
import { CHAT_CONFIGURATION_ATTRIBUTE_TYPES, type AttributeJsonType } from '../../lib/pipeline';
import { chatConfigurationSchema } from '../../lib/provider/resources/chat-configuration';

/** How a schema attribute's value reads in plan JSON. */
function jsonType(type: unknown): AttributeJsonType | string {
  if (type === 'string' || type === 'number') return type;
  if (Array.isArray(type) && type[0] === 'map' && type[1] === 'string') return 'map';
  return JSON.stringify(type);
}

const schemaTypes = Object.fromEntries(
  Object.entries(chatConfigurationSchema.block.attributes as Record<string, { readonly type: unknown }>).map(([name, attribute]) => [
    name,
    jsonType(attribute.type),
  ]),
);

test(`the pipeline knows every attribute of ${CHAT_CONFIGURATION_RESOURCE}, and no other`, () => {
  expect(Object.keys(CHAT_CONFIGURATION_ATTRIBUTE_TYPES).sort()).toEqual(Object.keys(schemaTypes).sort());
});

test('the pipeline reads each attribute with the type the schema gives it', () => {
  expect(CHAT_CONFIGURATION_ATTRIBUTE_TYPES).toEqual(schemaTypes);
});
