/**
 * The registry-style reference pages (`npm run docs`, scripts/generate-docs.ts) under docs/, generated from the provider's
 * schemas the way tfplugindocs lays them out (Required / Optional / Read-Only, nested schemas,
 * example usage, import), so a page cannot drift from its schema. What the schema cannot say,
 * behaviour notes and caveats, is prose in templates/<page>.md.tmpl around these placeholders:
 *
 *   {{ header }}   front matter, title and the schema's description
 *   {{ example }}  "## Example Usage" from examples/ (empty when the example file is missing)
 *   {{ schema }}   "## Schema" with its nested schemas
 *   {{ import }}   "## Import" from examples/resources/<name>/import.sh (empty when missing)
 *   {{ default_timeouts }}  the `timeouts` defaults in words, from lib/provider/timeouts.ts
 *
 * A page without a template gets header, example, schema and import, in that order.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROVIDER_TYPE } from '../domain';
import { createProvider } from '../provider/provider';
import { describeDefaultTimeouts } from '../provider/timeouts';
import { AttributeSchema, CtyType } from '../tfplugin';

/** The command that rewrites docs/; the pages and the freshness test name it. */
export const REGENERATE_DOCS_COMMAND = 'npm run docs';

/** The folders of docs/ whose every page is generated (docs/ itself also holds hand-written notes). */
export const GENERATED_FOLDERS = ['resources', 'data-sources'];

type PageKind = 'Provider' | 'Resource' | 'Data Source';

/** One reference page and the files it is made from, paths relative to the package root. */
export interface DocPage {
  /** Under docs/. */
  readonly file: string;
  readonly name: string;
  readonly kind: PageKind;
  readonly schema: { readonly block: DocumentedBlock };
  readonly example: string;
  readonly importScript?: string;
  readonly template: string;
}

/** Every page: the provider's, then one per resource and data source the provider serves. */
export function docPages(): DocPage[] {
  const provider = createProvider();
  return [
    {
      file: 'index.md',
      name: PROVIDER_TYPE,
      kind: 'Provider',
      schema: provider.schema,
      example: 'examples/provider/provider.tf',
      template: 'templates/index.md.tmpl',
    },
    ...provider.resources.map(({ name, schema }): DocPage => ({
      file: `resources/${name}.md`,
      name,
      kind: 'Resource',
      schema,
      example: `examples/resources/${name}/resource.tf`,
      importScript: `examples/resources/${name}/import.sh`,
      template: `templates/resources/${name}.md.tmpl`,
    })),
    ...provider.dataSources.map(({ name, schema }): DocPage => ({
      file: `data-sources/${name}.md`,
      name,
      kind: 'Data Source',
      schema,
      example: `examples/data-sources/${name}/data-source.tf`,
      template: `templates/data-sources/${name}.md.tmpl`,
    })),
  ];
}

/** The text of every page, keyed by its path under docs/. */
export function generateDocs(root: string): Map<string, string> {
  return new Map(docPages().map((page) => [page.file, renderPage(root, page)]));
}

const DEFAULT_TEMPLATE = '{{ header }}\n\n{{ example }}\n\n{{ schema }}\n\n{{ import }}\n';

function renderPage(root: string, page: DocPage): string {
  const read = (file: string | undefined): string | undefined =>
    file && existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8').trimEnd() : undefined;
  const example = read(page.example);
  const importScript = read(page.importScript);
  const sections: { readonly [placeholder: string]: string } = {
    header: header(page),
    example: example === undefined ? '' : ['## Example Usage', '', '```terraform', example, '```'].join('\n'),
    schema: schemaMarkdown(page.schema.block),
    import:
      importScript === undefined ? '' : ['## Import', '', 'Import is supported using the following syntax:', '', '```shell', importScript, '```'].join('\n'),
    default_timeouts: describeDefaultTimeouts(),
  };
  const template = read(page.template) ?? DEFAULT_TEMPLATE;
  const used = new Set<string>();
  const text = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_whole, placeholder: string) => {
    if (!(placeholder in sections)) {
      throw new Error(`${page.template}: unknown placeholder {{ ${placeholder} }}; use one of ${Object.keys(sections).join(', ')}.`);
    }
    used.add(placeholder);
    return sections[placeholder];
  });
  for (const required of ['header', 'schema']) {
    if (!used.has(required)) throw new Error(`${page.template}: the page needs {{ ${required} }}; add it where the section belongs.`);
  }
  // An empty section leaves a run of blank lines behind.
  return text.replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function header(page: DocPage): string {
  const description = sentence(page.schema.block.description ?? '');
  const isProvider = page.kind === 'Provider';
  return [
    '---',
    `page_title: "${isProvider ? `${page.name} Provider` : `${page.name} ${page.kind} - ${PROVIDER_TYPE}`}"`,
    'subcategory: ""',
    'description: |-',
    `  ${description}`,
    '---',
    '',
    `<!-- Generated by scripts/generate-docs.ts from the provider's schema and ${page.template}: edit those, then run \`${REGENERATE_DOCS_COMMAND}\`. -->`,
    '',
    `# ${isProvider ? `${page.name} Provider` : `${page.name} (${page.kind})`}`,
    '',
    description,
  ].join('\n');
}

/**
 * What the pages show of a schema, read structurally: the provider's schemas fit it, and an
 * attribute shows its plan modifiers (replacement) and validation as soon as its schema declares them.
 */
export interface DocumentedAttribute extends Omit<AttributeSchema, 'planModifiers' | 'validators'> {
  readonly planModifiers?: readonly { readonly description: string }[];
  readonly validators?: readonly { readonly description: string }[];
}

export interface DocumentedBlock {
  readonly description?: string;
  readonly attributes: { readonly [name: string]: DocumentedAttribute };
  readonly blocks?: { readonly [name: string]: DocumentedNestedBlock };
}

export interface DocumentedNestedBlock {
  readonly nesting: 'single' | 'list' | 'set';
  readonly block: DocumentedBlock;
  readonly minItems?: number;
  readonly maxItems?: number;
}

type Group = 'Required' | 'Optional' | 'Read-Only';
const GROUPS: readonly Group[] = ['Required', 'Optional', 'Read-Only'];

/** One `- \`name\` (Type) description` line, its group, and the nested schema it points to, if any. */
interface Entry {
  readonly name: string;
  readonly group: Group;
  readonly line: string;
  readonly nested?: NestedSchema;
}

interface NestedSchema {
  readonly anchor: string;
  readonly title: string;
  readonly entries: readonly Entry[];
}

/** The "## Schema" section of a block: Required / Optional / Read-Only, then every nested schema. */
export function schemaMarkdown(block: DocumentedBlock): string {
  const entries = blockEntries(block, '');
  const lines = ['## Schema'];
  for (const group of GROUPS) {
    const members = entries.filter((entry) => entry.group === group);
    if (members.length > 0) lines.push('', `### ${group}`, '', ...members.map((entry) => entry.line));
  }
  for (const nested of nestedSchemas(entries)) {
    lines.push('', `<a id="${nested.anchor}"></a>`, `### Nested Schema for \`${nested.title}\``);
    for (const group of GROUPS) {
      const members = nested.entries.filter((entry) => entry.group === group);
      if (members.length > 0) lines.push('', `${group}:`, '', ...members.map((entry) => entry.line));
    }
  }
  return lines.join('\n');
}

/** Nested schemas depth first, in the order their parents are listed. */
function nestedSchemas(entries: readonly Entry[]): NestedSchema[] {
  return GROUPS.flatMap((group) => entries.filter((entry) => entry.group === group)).flatMap((entry) =>
    entry.nested ? [entry.nested, ...nestedSchemas(entry.nested.entries)] : [],
  );
}

/** Attributes and blocks sorted by name, as tfplugindocs lists them. */
function blockEntries(block: DocumentedBlock, parentPath: string): Entry[] {
  const attributes = Object.entries(block.attributes).map(([name, attribute]) => attributeEntry(name, attribute, parentPath));
  const blocks = Object.entries(block.blocks ?? {}).map(([name, nested]) => blockEntry(name, nested, parentPath));
  return [...attributes, ...blocks].sort((a, b) => a.name.localeCompare(b.name));
}

function attributeEntry(name: string, attribute: DocumentedAttribute, parentPath: string): Entry {
  const group: Group = attribute.required ? 'Required' : attribute.optional ? 'Optional' : 'Read-Only';
  const flags = [typeName(attribute.type)];
  if (attribute.sensitive) flags.push('Sensitive');
  if (attribute.writeOnly) flags.push('Write-only');
  if (attribute.deprecated) flags.push('Deprecated');
  const notes = [sentence(attribute.description)];
  notes.push(...(attribute.planModifiers ?? []).map((modifier) => sentence(modifier.description)));
  if (attribute.validators?.length) notes.push(`Validation: ${attribute.validators.map((validator) => validator.description.replace(/\.$/, '')).join('; ')}.`);
  const object = objectAttributes(attribute.type);
  const path = `${parentPath}${name}`;
  const nested: NestedSchema | undefined = object && {
    anchor: `nestedatt--${path.replace(/\./g, '--')}`,
    title: path,
    // An object's attributes have no flags of their own: they are set or read as the whole is.
    entries: Object.entries(object)
      .map(([inner, type]) => attributeEntry(inner, { type, description: '', required: group === 'Required', optional: group === 'Optional' }, `${path}.`))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
  return { name, group, line: entryLine(name, flags, notes, nested), nested };
}

function blockEntry(name: string, nested: DocumentedNestedBlock, parentPath: string): Entry {
  const path = `${parentPath}${name}`;
  const flags = [nested.nesting === 'single' ? 'Block' : `Block ${capitalized(nested.nesting)}`];
  if (nested.minItems) flags.push(`Min: ${nested.minItems}`);
  if (nested.maxItems) flags.push(`Max: ${nested.maxItems}`);
  const schema: NestedSchema = { anchor: `nestedblock--${path.replace(/\./g, '--')}`, title: path, entries: blockEntries(nested.block, `${path}.`) };
  const group: Group = nested.minItems ? 'Required' : 'Optional';
  return { name, group, line: entryLine(name, flags, [sentence(nested.block.description ?? '')], schema), nested: schema };
}

function entryLine(name: string, flags: readonly string[], notes: readonly string[], nested: NestedSchema | undefined): string {
  const link = nested ? `(see [below for nested schema](#${nested.anchor}))` : '';
  return [`- \`${name}\` (${flags.join(', ')})`, ...notes, link].filter(Boolean).join(' ');
}

/** tfplugindocs' names of cty types: String, Map of String, List of Object… */
function typeName(type: CtyType): string {
  if (typeof type === 'string') return { string: 'String', number: 'Number', bool: 'Boolean', dynamic: 'Dynamic' }[type];
  if (type[0] === 'object') return 'Object';
  return `${capitalized(type[0])} of ${typeName(type[1])}`;
}

/** The attributes of an object type, or of the objects a collection holds. */
function objectAttributes(type: CtyType): { readonly [name: string]: CtyType } | undefined {
  if (typeof type === 'string') return undefined;
  if (type[0] === 'object') return type[1];
  return objectAttributes(type[1]);
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Descriptions are written as sentences on the page, whether or not the schema ends them with a full stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Writes every page under `<root>/docs` and removes pages of the generated folders that no schema has any more. */
export function writeDocs(root: string): string[] {
  const pages = generateDocs(root);
  for (const folder of GENERATED_FOLDERS) {
    const dir = join(root, 'docs', folder);
    for (const file of existsSync(dir) ? readdirSync(dir) : []) {
      if (!pages.has(`${folder}/${file}`)) rmSync(join(dir, file));
    }
  }
  for (const [file, text] of pages) {
    mkdirSync(dirname(join(root, 'docs', file)), { recursive: true });
    writeFileSync(join(root, 'docs', file), text);
  }
  return [...pages.keys()];
}
