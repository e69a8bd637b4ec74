/**
 * Schemas on the wire (tfplugin6.Schema). Attribute types travel as the JSON of the cty type;
 * descriptions are markdown.
 */
import { AttributeSchema, BlockSchema, NestedBlockSchema, Schema } from '../schema';
import type { ProtoAttribute, ProtoBlock, ProtoSchema } from './messages';

/** tfplugin6.StringKind */
const MARKDOWN = 1;
/** tfplugin6.Schema.NestedBlock.NestingMode */
const NESTING_MODES: { [mode in NestedBlockSchema['nesting']]: number } = { single: 1, list: 2, set: 3 };

export function schemaToProto(schema: Schema): ProtoSchema {
  return { version: schema.version, block: blockToProto(schema.block, schema.version) };
}

function blockToProto(block: BlockSchema, version: number): ProtoBlock {
  return {
    version,
    attributes: Object.entries(block.attributes).map(([name, attribute]) => attributeToProto(name, attribute)),
    block_types: Object.entries(block.blocks ?? {}).map(([name, nested]) => ({
      type_name: name,
      block: blockToProto(nested.block, version),
      nesting: NESTING_MODES[nested.nesting],
      min_items: nested.minItems ?? 0,
      max_items: nested.maxItems ?? 0,
    })),
    description: block.description ?? '',
    description_kind: MARKDOWN,
    deprecated: false,
  };
}

function attributeToProto(name: string, attribute: AttributeSchema): ProtoAttribute {
  return {
    name,
    type: Buffer.from(JSON.stringify(attribute.type)),
    description: attribute.description,
    required: attribute.required ?? false,
    optional: attribute.optional ?? false,
    computed: attribute.computed ?? false,
    sensitive: attribute.sensitive ?? false,
    description_kind: MARKDOWN,
    deprecated: attribute.deprecated ?? false,
    write_only: attribute.writeOnly ?? false,
  };
}
