/**
 * Writes the cdktf bindings of this package's provider (lib/constructs/bindings) from the
 * provider's own schemas, the single source of truth, in the shape `cdktf get` generates.
 *
 * We cannot run `cdktf get` (it needs `terraform providers schema` against an installed provider
 * and writes imports of `cdktf` itself), so this script emits the same shape from the schema
 * objects and imports the framework through lib/constructs/framework.ts.
 *
 * Usage: node dist/scripts/generate-bindings.js [--check]
 */
import * as fs from 'fs';
import * as path from 'path';
import { AttributeSchema, BlockSchema, CtyType, NestedBlockSchema, Schema } from '../lib/tfplugin/schema';
import { PROVIDER_SOURCE, PROVIDER_TYPE } from '../lib/domain';
import { providerSchema } from '../lib/provider/provider-schema';
import { CHAT_CONFIGURATION_RESOURCE, chatConfigurationSchema } from '../lib/provider/resources/chat-configuration';
import { CHAT_CONFIGURATION_DATA_SOURCE, chatConfigurationDataSchema } from '../lib/provider/data-sources/chat-configuration';
import { CHAT_CONFIGURATIONS_DATA_SOURCE, chatConfigurationsDataSchema } from '../lib/provider/data-sources/chat-configurations';

/** Where the bindings live, relative to the package root. */
export const BINDINGS_DIR = path.join('lib', 'constructs', 'bindings');

/** Version constraint recorded in required_providers; follows the package's major.minor. */
export function providerVersionConstraint(packageVersion: string): string {
  const [major, minor] = packageVersion.split('.');
  return `~> ${major}.${minor}`;
}

type Kind = 'provider' | 'resource' | 'data';

export interface Target {
  readonly kind: Kind;
  readonly terraformType: string;
  readonly className: string;
  readonly fileName: string;
  readonly namespace: string;
  readonly schema: Schema;
  readonly schemaModule: string;
  readonly docPage: string;
}

const TARGETS: readonly Target[] = [
  {
    kind: 'provider',
    terraformType: PROVIDER_TYPE,
    className: 'OosProvider',
    fileName: 'provider.ts',
    namespace: 'provider',
    schema: providerSchema,
    schemaModule: 'lib/provider/provider-schema.ts',
    docPage: 'docs/index.md',
  },
  {
    kind: 'resource',
    terraformType: CHAT_CONFIGURATION_RESOURCE,
    className: 'ChatConfiguration',
    fileName: 'chat-configuration.ts',
    namespace: 'chatConfiguration',
    schema: chatConfigurationSchema,
    schemaModule: 'lib/provider/resources/chat-configuration.ts',
    docPage: 'docs/resources/oos_chat_configuration.md',
  },
  {
    kind: 'data',
    terraformType: CHAT_CONFIGURATION_DATA_SOURCE,
    className: 'DataOosChatConfiguration',
    fileName: 'data-chat-configuration.ts',
    namespace: 'dataOosChatConfiguration',
    schema: chatConfigurationDataSchema,
    schemaModule: 'lib/provider/data-sources/chat-configuration.ts',
    docPage: 'docs/data-sources/oos_chat_configuration.md',
  },
  {
    kind: 'data',
    terraformType: CHAT_CONFIGURATIONS_DATA_SOURCE,
    className: 'DataOosChatConfigurations',
    fileName: 'data-chat-configurations.ts',
    namespace: 'dataOosChatConfigurations',
    schema: chatConfigurationsDataSchema,
    schemaModule: 'lib/provider/data-sources/chat-configurations.ts',
    docPage: 'docs/data-sources/oos_chat_configurations.md',
  },
];

/** Names cdktf reserves on TerraformResource/TerraformProvider; an attribute with one gets a suffix. */
const RESERVED = new Set([
  'node',
  'provider',
  'dependsOn',
  'count',
  'lifecycle',
  'forEach',
  'fqn',
  'friendlyUniqueId',
  'terraformResourceType',
  'terraformMetaArguments',
]);

function camel(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
function pascal(snake: string): string {
  const c = camel(snake);
  return c.charAt(0).toUpperCase() + c.slice(1);
}
function propertyName(attribute: string): string {
  const name = camel(attribute);
  return RESERVED.has(name) ? `${name}Attribute` : name;
}
function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
function docText(text: string): string {
  return text.replace(/\*\//g, '*\\/');
}

/** How one cty type is typed, read and written in generated code. */
interface TypeMapping {
  readonly tsType: string;
  readonly getter: (attr: string) => string;
  readonly toTerraform: string;
  readonly toHcl: string;
  readonly hclType: 'simple' | 'list' | 'map';
  readonly storageClassType: string;
}

const PRIMITIVES: { [t: string]: { ts: string; get: string; conv: string; storage: string } } = {
  string: { ts: 'string', get: 'getStringAttribute', conv: 'string', storage: 'string' },
  number: { ts: 'number', get: 'getNumberAttribute', conv: 'number', storage: 'number' },
  bool: { ts: 'boolean | cdktf.IResolvable', get: 'getBooleanAttribute', conv: 'boolean', storage: 'boolean' },
};

function mapping(type: CtyType, where: string): TypeMapping {
  if (typeof type === 'string') {
    const p = PRIMITIVES[type];
    if (!p) throw new Error(`${where}: cty type ${JSON.stringify(type)} has no binding; extend scripts/generate-bindings.ts`);
    return {
      tsType: p.ts,
      getter: (a) => `this.${p.get}('${a}')`,
      toTerraform: `cdktf.${p.conv}ToTerraform`,
      toHcl: `cdktf.${p.conv}ToHclTerraform`,
      hclType: 'simple',
      storageClassType: p.storage,
    };
  }
  const [collection, element] = type;
  if ((collection === 'map' || collection === 'list') && typeof element === 'string' && (element === 'string' || element === 'number')) {
    const p = PRIMITIVES[element];
    if (collection === 'map') {
      return {
        tsType: `{ [key: string]: ${p.ts} }`,
        getter: (a) => (element === 'string' ? `this.getStringMapAttribute('${a}')` : `this.getNumberMapAttribute('${a}')`),
        toTerraform: `cdktf.hashMapper(cdktf.${p.conv}ToTerraform)`,
        toHcl: `cdktf.hashMapperHcl(cdktf.${p.conv}ToHclTerraform)`,
        hclType: 'map',
        storageClassType: `${p.storage}Map`,
      };
    }
    return {
      tsType: `${p.ts}[]`,
      getter: (a) => (element === 'string' ? `this.getListAttribute('${a}')` : `this.getNumberListAttribute('${a}')`),
      toTerraform: `cdktf.listMapper(cdktf.${p.conv}ToTerraform, false)`,
      toHcl: `cdktf.listMapperHcl(cdktf.${p.conv}ToHclTerraform, false)`,
      hclType: 'list',
      storageClassType: `${p.storage}List`,
    };
  }
  throw new Error(`${where}: cty type ${JSON.stringify(type)} has no binding; extend scripts/generate-bindings.ts`);
}

function isArgument(a: AttributeSchema): boolean {
  return Boolean(a.required || a.optional);
}
function flags(a: AttributeSchema): string {
  return `computed: ${Boolean(a.computed)}, optional: ${Boolean(a.optional)}, required: ${Boolean(a.required)}`;
}

/** Accumulates lines with two-space indentation. */
class Code {
  private readonly lines: string[] = [];
  private depth = 0;
  line(text = ''): this {
    this.lines.push(text === '' ? '' : '  '.repeat(this.depth) + text);
    return this;
  }
  open(text: string): this {
    this.line(text);
    this.depth++;
    return this;
  }
  close(text = '}'): this {
    this.depth--;
    return this.line(text);
  }
  doc(...paragraphs: string[]): this {
    this.line('/**');
    paragraphs.forEach((p, i) => {
      if (i > 0) this.line(' *');
      for (const l of docText(p).split('\n')) this.line(` * ${l}`.trimEnd());
    });
    return this.line(' */');
  }
  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

function header(code: Code, target: Target): void {
  code.line('// generated by scripts/generate-bindings.ts, do not edit.');
  code.line(
    `// Source: ${target.schemaModule} (${target.kind === 'provider' ? 'provider' : target.kind === 'resource' ? 'resource' : 'data source'} ${target.terraformType}).`,
  );
  code.line('// Regenerate with: npx tsc -p tsconfig.json && node dist/scripts/generate-bindings.js');
  code.line();
}

function docRef(target: Target, attribute: string, owner: string): string {
  return `Docs: {@link ${target.docPage}#${attribute} ${owner}#${attribute}}`;
}

/** The struct interface and its ToTerraform/ToHclTerraform functions for one nested block. */
function emitStruct(code: Code, target: Target, structName: string, block: BlockSchema): void {
  if (block.blocks && Object.keys(block.blocks).length > 0) {
    throw new Error(`${target.terraformType}: blocks nested in blocks have no binding; extend scripts/generate-bindings.ts`);
  }
  const attrs = Object.entries(block.attributes).filter(([, a]) => isArgument(a));
  code.open(`export interface ${structName} {`);
  for (const [name, a] of attrs) {
    const m = mapping(a.type, `${target.terraformType}.${name}`);
    code.doc(a.description, docRef(target, name, target.className));
    code.line(`readonly ${propertyName(name)}${a.required ? '' : '?'}: ${m.tsType};`);
  }
  code.close();
  code.line();
  const fn = lowerFirst(structName);
  const guard = [
    `if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }`,
    `if (cdktf.isComplexElement(struct)) {`,
    `  throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");`,
    `}`,
  ];
  code.open(`export function ${fn}ToTerraform(struct?: ${structName}): any {`);
  guard.forEach((l) => code.line(l));
  code.open('return {');
  for (const [name, a] of attrs) {
    code.line(`${name}: ${mapping(a.type, name).toTerraform}(struct!.${propertyName(name)}),`);
  }
  code.close('};');
  code.close();
  code.line();
  code.open(`export function ${fn}ToHclTerraform(struct?: ${structName}): any {`);
  guard.forEach((l) => code.line(l));
  code.open('const attrs = {');
  for (const [name, a] of attrs) {
    const m = mapping(a.type, name);
    hclEntry(code, name, `${m.toHcl}(struct!.${propertyName(name)})`, false, m.hclType, m.storageClassType);
  }
  code.close('};');
  code.line();
  code.line('// remove undefined attributes');
  code.line('return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));');
  code.close();
  code.line();
}

function hclEntry(code: Code, name: string, value: string, isBlock: boolean, type: string, storageClassType: string): void {
  code.open(`${name}: {`);
  code.line(`value: ${value},`);
  code.line(`isBlock: ${isBlock},`);
  code.line(`type: '${type}',`);
  code.line(`storageClassType: '${storageClassType}',`);
  code.close('},');
}

/** A computed list of objects: an OutputReference per element and a ComplexList, as cdktf emits. */
function emitComputedObjectList(code: Code, structName: string, objectType: { [name: string]: CtyType }, where: string): void {
  code.open(`export class ${structName}OutputReference extends cdktf.ComplexObject {`);
  code.doc(
    '@param terraformResource The parent resource\n@param terraformAttribute The attribute on the parent resource this class is referencing\n@param complexObjectIndex the index of this item in the list\n@param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)',
  );
  code.open(
    'public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {',
  );
  code.line('super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);');
  code.close();
  for (const [name, type] of Object.entries(objectType)) {
    const m = mapping(type, `${where}.${name}`);
    code.line();
    code.line(`// ${name} - computed: true, optional: false, required: false`);
    code.open(`public get ${propertyName(name)}() {`);
    code.line(`return ${m.getter(name)};`);
    code.close();
  }
  code.close();
  code.line();
  code.open(`export class ${structName}List extends cdktf.ComplexList {`);
  code.doc(
    '@param terraformResource The parent resource\n@param terraformAttribute The attribute on the parent resource this class is referencing\n@param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)',
  );
  code.open('constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {');
  code.line('super(terraformResource, terraformAttribute, wrapsSet);');
  code.close();
  code.line();
  code.doc('@param index the index of the item to return');
  code.open(`public get(index: number): ${structName}OutputReference {`);
  code.line(`return new ${structName}OutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);`);
  code.close();
  code.close();
  code.line();
}

function isComputedObjectList(type: CtyType): type is ['list', ['object', { [name: string]: CtyType }]] {
  return Array.isArray(type) && type[0] === 'list' && Array.isArray(type[1]) && type[1][0] === 'object';
}

export function renderTarget(target: Target, versionConstraint: string): string {
  const code = new Code();
  const { className, terraformType, kind } = target;
  const block = target.schema.block;
  const isProvider = kind === 'provider';
  const base = isProvider ? 'TerraformProvider' : kind === 'resource' ? 'TerraformResource' : 'TerraformDataSource';
  const configName = `${className}Config`;
  const attributes = Object.entries(block.attributes);
  const args = attributes.filter(([, a]) => isArgument(a));
  const blocks = Object.entries(block.blocks ?? {}) as [string, NestedBlockSchema][];
  if (!isProvider && blocks.length > 0) {
    throw new Error(`${terraformType}: nested blocks of resources and data sources have no binding yet; extend scripts/generate-bindings.ts`);
  }

  header(code, target);
  code.line("import { Construct } from 'constructs';");
  code.line("import * as cdktf from '../framework';");
  code.line();
  code.line('// Configuration');
  code.line();

  // --- config interface
  code.open(`export interface ${configName}${isProvider ? '' : ' extends cdktf.TerraformMetaArguments'} {`);
  for (const [name, a] of args) {
    const m = mapping(a.type, `${terraformType}.${name}`);
    const notes = [a.writeOnly ? 'Write-only: never stored in plan or state.' : '', a.sensitive ? 'Sensitive.' : ''].filter(Boolean).join(' ');
    code.doc(notes ? `${a.description}\n${notes}` : a.description, docRef(target, name, className));
    code.line(`readonly ${propertyName(name)}${a.required ? '' : '?'}: ${m.tsType};`);
  }
  if (isProvider) {
    code.doc('Alias name', docRef(target, 'alias', className));
    code.line('readonly alias?: string;');
  }
  for (const [name, nested] of blocks) {
    const structName = `${className}${pascal(name)}`;
    code.doc(nested.block.description ?? `${name} block`, docRef(target, name, className));
    const single = nested.maxItems === 1 || nested.nesting === 'single';
    code.line(`readonly ${propertyName(name)}?: ${structName}${single ? '' : '[] | cdktf.IResolvable'};`);
  }
  code.close();
  code.line();

  for (const [name, nested] of blocks) {
    emitStruct(code, target, `${className}${pascal(name)}`, nested.block);
  }
  for (const [name, a] of attributes) {
    if (isComputedObjectList(a.type)) emitComputedObjectList(code, `${className}${pascal(name)}`, a.type[1][1], `${terraformType}.${name}`);
  }

  // --- class
  const what = isProvider ? 'provider' : kind === 'resource' ? 'resource' : 'data source';
  code.doc(`Represents the ${what} \`${terraformType}\`: ${block.description ?? ''}`.trim());
  code.open(`export class ${className} extends cdktf.${base} {`);
  code.line();
  code.line('// =================');
  code.line('// STATIC PROPERTIES');
  code.line('// =================');
  code.line(`public static readonly tfResourceType = '${terraformType}';`);
  code.line();
  code.line('// ==============');
  code.line('// STATIC Methods');
  code.line('// ==============');
  code.doc(
    `Generates CDKTF code for importing a ${className} resource upon running "cdktf plan <stack-name>"`,
    `@param scope The scope in which to define this construct\n@param importToId The construct id used in the generated config for the ${className} to import\n@param importFromId The id of the existing ${className} that should be imported\n@param provider? Optional instance of the provider where the ${className} to import is found`,
  );
  code.open('public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {');
  code.line(`return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: '${terraformType}', importId: importFromId, provider });`);
  code.close();
  code.line();
  code.line('// ===========');
  code.line('// INITIALIZER');
  code.line('// ===========');
  code.line();
  code.doc(
    `Create a new \`${terraformType}\` ${what}.`,
    `@param scope The scope in which to define this construct\n@param id The scoped construct ID. Must be unique amongst siblings in the same scope\n@param config ${configName}`,
  );
  const required = args.some(([, a]) => a.required);
  code.open(`public constructor(scope: Construct, id: string, config: ${configName}${required ? '' : ' = {}'}) {`);
  code.open('super(scope, id, {');
  code.line(`terraformResourceType: '${terraformType}',`);
  code.open('terraformGeneratorMetadata: {');
  code.line(`providerName: '${PROVIDER_TYPE}',`);
  code.line(`providerVersionConstraint: '${versionConstraint}',`);
  code.close('},');
  if (isProvider) {
    code.line(`terraformProviderSource: '${PROVIDER_SOURCE}',`);
  } else {
    for (const meta of ['provider', 'dependsOn', 'count', 'lifecycle']) code.line(`${meta}: config.${meta},`);
    if (kind === 'resource') for (const meta of ['provisioners', 'connection']) code.line(`${meta}: config.${meta},`);
    code.line('forEach: config.forEach,');
  }
  code.close('});');
  for (const [name] of args) code.line(`this._${propertyName(name)} = config.${propertyName(name)};`);
  if (isProvider) code.line('this._alias = config.alias;');
  for (const [name] of blocks) code.line(`this._${propertyName(name)} = config.${propertyName(name)};`);
  code.close();
  code.line();
  code.line('// ==========');
  code.line('// ATTRIBUTES');
  code.line('// ==========');

  /** The `resetX()` (for optional arguments) and `xInput` getter cdktf's generated classes carry. */
  const emitResetAndInput = (prop: string, required: boolean) => {
    if (!required) {
      code.open(`public reset${prop.charAt(0).toUpperCase()}${prop.slice(1)}() {`);
      code.line(`this._${prop} = undefined;`);
      code.close();
    }
    code.line('// Temporarily expose input value. Use with caution.');
    code.open(`public get ${prop}Input() {`);
    code.line(`return this._${prop};`);
    code.close();
  };

  const emitArgument = (name: string, m: TypeMapping, a: { required?: boolean }) => {
    const prop = propertyName(name);
    code.line(`private _${prop}?: ${m.tsType};`);
    code.open(`public get ${prop}() {`);
    code.line(isProvider ? `return this._${prop};` : `return ${m.getter(name)};`);
    code.close();
    code.open(`public set ${prop}(value: ${m.tsType}${isProvider ? ' | undefined' : ''}) {`);
    code.line(`this._${prop} = value;`);
    code.close();
    emitResetAndInput(prop, Boolean(a.required));
  };

  const attributeEntries: [string, AttributeSchema][] = isProvider
    ? [...args, ['alias', { type: 'string', optional: true, description: 'Alias name' }]]
    : attributes;
  for (const [name, a] of attributeEntries) {
    const prop = propertyName(name);
    code.line();
    code.line(`// ${name} - ${flags(a)}`);
    if (isArgument(a)) {
      emitArgument(name, mapping(a.type, `${terraformType}.${name}`), a);
    } else if (isComputedObjectList(a.type)) {
      const listClass = `${className}${pascal(name)}List`;
      code.line(`private _${prop} = new ${listClass}(this, '${name}', false);`);
      code.open(`public get ${prop}() {`);
      code.line(`return this._${prop};`);
      code.close();
    } else if (Array.isArray(a.type) && a.type[0] === 'map' && a.type[1] === 'string') {
      code.line(`private _${prop} = new cdktf.StringMap(this, '${name}');`);
      code.open(`public get ${prop}() {`);
      code.line(`return this._${prop};`);
      code.close();
    } else {
      const m = mapping(a.type, `${terraformType}.${name}`);
      code.open(`public get ${prop}() {`);
      code.line(`return ${m.getter(name)};`);
      code.close();
    }
  }
  for (const [name, nested] of blocks) {
    const prop = propertyName(name);
    const structName = `${className}${pascal(name)}`;
    const single = nested.maxItems === 1 || nested.nesting === 'single';
    const tsType = single ? structName : `${structName}[] | cdktf.IResolvable`;
    code.line();
    code.line(`// ${name} - computed: false, optional: true, required: false`);
    code.line(`private _${prop}?: ${tsType};`);
    code.open(`public get ${prop}() {`);
    code.line(`return this._${prop};`);
    code.close();
    code.open(`public set ${prop}(value: ${tsType} | undefined) {`);
    code.line(`this._${prop} = value;`);
    code.close();
    emitResetAndInput(prop, false);
  }

  // --- synthesis
  const synthArgs: [string, AttributeSchema][] = isProvider ? attributeEntries : args;
  code.line();
  code.line('// =========');
  code.line('// SYNTHESIS');
  code.line('// =========');
  code.line();
  code.open('protected synthesizeAttributes(): { [name: string]: any } {');
  code.open('return {');
  for (const [name, a] of synthArgs) code.line(`${name}: ${mapping(a.type, name).toTerraform}(this._${propertyName(name)}),`);
  for (const [name, nested] of blocks) {
    const fn = `${lowerFirst(className)}${pascal(name)}ToTerraform`;
    const single = nested.maxItems === 1 || nested.nesting === 'single';
    code.line(`${name}: ${single ? `${fn}(this._${propertyName(name)})` : `cdktf.listMapper(${fn}, true)(this._${propertyName(name)})`},`);
  }
  code.close('};');
  code.close();
  code.line();
  code.open('protected synthesizeHclAttributes(): { [name: string]: any } {');
  code.open('const attrs = {');
  for (const [name, a] of synthArgs) {
    const m = mapping(a.type, name);
    hclEntry(code, name, `${m.toHcl}(this._${propertyName(name)})`, false, m.hclType, m.storageClassType);
  }
  for (const [name, nested] of blocks) {
    const structName = `${className}${pascal(name)}`;
    const fn = `${lowerFirst(structName)}ToHclTerraform`;
    const single = nested.maxItems === 1 || nested.nesting === 'single';
    const value = single ? `${fn}(this._${propertyName(name)})` : `cdktf.listMapperHcl(${fn}, true)(this._${propertyName(name)})`;
    hclEntry(code, name, value, true, nested.nesting === 'set' ? 'set' : 'list', `${structName}List`);
  }
  code.close('};');
  code.line();
  code.line('// remove undefined attributes');
  code.line('return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));');
  code.close();
  code.close();
  return code.toString();
}

function renderIndex(): string {
  const code = new Code();
  code.line('// generated by scripts/generate-bindings.ts, do not edit.');
  code.line('// Bindings of provider oos (' + PROVIDER_SOURCE + '), one namespace per resource, data source and the provider.');
  code.line();
  for (const t of [...TARGETS].sort((a, b) => a.fileName.localeCompare(b.fileName))) {
    code.line(`export * as ${t.namespace} from './${t.fileName.replace(/\.ts$/, '')}';`);
  }
  return code.toString();
}

/** All binding files, keyed by file name inside lib/constructs/bindings. */
export function generateBindings(packageVersion: string): Map<string, string> {
  const constraint = providerVersionConstraint(packageVersion);
  const files = new Map<string, string>();
  for (const target of TARGETS) files.set(target.fileName, renderTarget(target, constraint));
  files.set('index.ts', renderIndex());
  return files;
}

/** The package version, read from package.json at the package root. */
export function packageVersion(root: string): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Finds the package root from this file, whether run from scripts/ or dist/scripts/. */
function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

function main(argv: string[]): number {
  const root = packageRoot();
  const dir = path.join(root, BINDINGS_DIR);
  const files = generateBindings(packageVersion(root));
  const check = argv.includes('--check');
  const stale: string[] = [];
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of files) {
    const file = path.join(dir, name);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current === content) continue;
    stale.push(path.join(BINDINGS_DIR, name));
    if (!check) fs.writeFileSync(file, content);
  }
  if (check && stale.length > 0) {
    process.stderr.write(`stale bindings: ${stale.join(', ')}; run node dist/scripts/generate-bindings.js\n`);
    return 1;
  }
  process.stdout.write(stale.length === 0 ? 'bindings are up to date\n' : `wrote ${stale.join(', ')}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
