/**
 * A typed view of `terraform show -json <planfile>` (format_version 1.x, as Terraform 1.x writes
 * it; see Terraform's "JSON Output Format" docs). Only the parts plan review needs are kept:
 * resource changes, output changes, the variables, and the configuration's expressions (which
 * tell "set in the configuration" apart from "kept from state" for optional+computed attributes).
 */
import { readFileSync } from 'node:fs';
import { JsonObject, JsonReader, JsonValue, PlanJsonError } from './json';

/** Actions Terraform writes in `change.actions` ("forget" since 1.7, for `removed` blocks). */
export const CHANGE_ACTIONS = ['no-op', 'create', 'read', 'update', 'delete', 'forget'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** What a change does to the real object, from its action list: delete+create in either order is a replace. */
export type ChangeKind = 'create' | 'update' | 'replace' | 'delete' | 'read' | 'forget' | 'no-op';

/**
 * A mask beside `after` or `before`: `true` marks the value at that place (unknown or sensitive),
 * an object or array mirrors the value's structure, `false` or a missing member marks nothing.
 */
export type ValueMask = JsonValue;

/** One entry of `resource_changes`. */
export interface ResourceChange {
  /** Full address, e.g. `module.bots.oos_chat_configuration.alerts["a"]`. */
  readonly address: string;
  /** The module part of the address, e.g. `module.bots`; undefined in the root module. */
  readonly moduleAddress?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** count or for_each key, when the resource has one. */
  readonly index?: JsonValue;
  readonly providerName: string;
  /** Set when this change is for a deposed object (create_before_destroy leftovers). */
  readonly deposed?: string;
  /** The address before a `moved` block. */
  readonly previousAddress?: string;
  /** True when the plan imports this object. */
  readonly importing: boolean;
  readonly actions: readonly ChangeAction[];
  readonly kind: ChangeKind;
  /** Prior values; null when the object does not exist yet. */
  readonly before: JsonObject | null;
  /** Planned values with unknowns left out (see afterUnknown); null when the object goes away. */
  readonly after: JsonObject | null;
  readonly afterUnknown: ValueMask;
  readonly beforeSensitive: ValueMask;
  readonly afterSensitive: ValueMask;
  /** Terraform's reason, e.g. `replace_because_cannot_update` or `delete_because_no_resource_config`. */
  readonly actionReason?: string;
  /** Attribute paths that force the replacement, e.g. `[["name"]]`. */
  readonly replacePaths: readonly (readonly (string | number)[])[];
}

/** One entry of `output_changes` (root module outputs). */
export interface OutputChange {
  readonly name: string;
  readonly actions: readonly ChangeAction[];
  readonly kind: ChangeKind;
  readonly before: JsonValue;
  /** Absent (null) when unknown: see afterUnknown. */
  readonly after: JsonValue;
  readonly afterUnknown: ValueMask;
  readonly beforeSensitive: ValueMask;
  readonly afterSensitive: ValueMask;
}

/** An argument as the configuration wrote it. */
export interface ConfiguredExpression {
  /** The literal value, when the expression is one (cdktf's `${…}` strings count as literals with references). */
  readonly constantValue?: JsonValue;
  /** What it refers to, e.g. `var.client_secret`. */
  readonly references: readonly string[];
}

/** A resource block of the configuration; count/for_each instances share one. */
export interface ConfiguredResource {
  /** Address without instance keys, with its module path, e.g. `module.bots.oos_chat_configuration.alerts`. */
  readonly address: string;
  readonly type: string;
  readonly name: string;
  /** Top-level arguments the configuration sets; nested blocks are not read. */
  readonly expressions: ReadonlyMap<string, ConfiguredExpression>;
}

/** A provider block of the root module, as the configuration wrote it. */
export interface ProviderConfiguration {
  /** Local name, e.g. `oos`. */
  readonly name: string;
  /** Source address, e.g. `oos-chatops.local/chatops/oos`. */
  readonly fullName: string;
  /**
   * Literal arguments by path: top-level ones by name (`region`), those of nested blocks as
   * `block.argument` (`assume_role.role_arn`, first block). Arguments set from references or the
   * environment are absent.
   */
  readonly constants: ReadonlyMap<string, JsonValue>;
}

export interface PlanVariable {
  /** Null for ephemeral variables, which Terraform leaves out of the plan. */
  readonly value: JsonValue;
  readonly sensitive: boolean;
  readonly ephemeral: boolean;
}

/** The plan as plan review reads it. */
export interface PlanView {
  readonly formatVersion: string;
  readonly terraformVersion: string;
  /** Every resource change, no-ops included, in Terraform's order. */
  readonly resourceChanges: readonly ResourceChange[];
  readonly outputChanges: readonly OutputChange[];
  /** Root module variables; sensitive ones carry their value, so never print `value` unchecked. */
  readonly variables: ReadonlyMap<string, PlanVariable>;
  /** Configured resources by address without instance keys (see configuredResource). */
  readonly configuration: ReadonlyMap<string, ConfiguredResource>;
  /** Root module provider blocks by their key in the configuration (`oos`, or `oos.alias`). */
  readonly providers: ReadonlyMap<string, ProviderConfiguration>;
  /** False when Terraform could not plan every resource (e.g. `-target`, or deferred changes). */
  readonly complete: boolean;
  /** True when planning failed part way: such a plan must not be applied. */
  readonly errored: boolean;
}

const SUPPORTED_FORMAT_MAJOR = '1';
const HOW_TO_MAKE = 'produce it with "terraform show -json <planfile>" from a plan saved with "terraform plan -out=<planfile>"';

/** Parses plan JSON text; `source` (e.g. the file name) prefixes every error. */
export function parsePlan(text: string, source = 'plan JSON'): PlanView {
  let document: JsonValue;
  try {
    document = JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new PlanJsonError('', `is not JSON (${(error as Error).message}): ${HOW_TO_MAKE}.`, source);
  }
  return planFromJson(document, source);
}

/** Reads and parses a plan JSON file. */
export function readPlanFile(file: string): PlanView {
  return parsePlan(readFileSync(file, 'utf8'), file);
}

/** Reads an already parsed plan JSON document. */
export function planFromJson(document: JsonValue, source = 'plan JSON'): PlanView {
  const root = new JsonReader(document, '', source);
  if (!root.present || typeof document !== 'object' || Array.isArray(document)) root.fail(`is not a Terraform plan (not a JSON object): ${HOW_TO_MAKE}.`);
  const formatVersion = root.field('format_version').optionalString();
  if (formatVersion === undefined) return root.fail(`has no format_version, so it is not Terraform's JSON output: ${HOW_TO_MAKE}.`);
  if (formatVersion.split('.')[0] !== SUPPORTED_FORMAT_MAJOR) {
    root.field('format_version').fail(`format ${formatVersion} is not supported; this library reads format 1.x (Terraform 1.x).`);
  }
  const isPlan = ['resource_changes', 'output_changes', 'planned_values', 'prior_state'].some((key) => root.field(key).present);
  if (!isPlan) {
    const hint = root.field('values').present ? ' It looks like a state ("terraform show -json" without a plan file).' : '';
    root.fail(`has no resource_changes or planned_values, so it is not a plan.${hint} ${HOW_TO_MAKE}.`);
  }
  const configurationRoot = root.field('configuration');
  return {
    formatVersion,
    terraformVersion: root.field('terraform_version').optionalString() ?? 'unknown',
    resourceChanges: root.field('resource_changes').items().map(readResourceChange),
    outputChanges: root
      .field('output_changes')
      .entries()
      .map(([name, change]) => readOutputChange(name, change)),
    variables: readVariables(root.field('variables'), configurationRoot.present ? configurationRoot.field('root_module').field('variables') : undefined),
    configuration: new Map(configurationRoot.present ? readModule(configurationRoot.field('root_module'), '') : []),
    providers: new Map(configurationRoot.present ? readProviders(configurationRoot.field('provider_config')) : []),
    complete: root.field('complete').boolean(true),
    errored: root.field('errored').boolean(false),
  };
}

/** The configuration block a resource change comes from (instance keys stripped), if the plan has it. */
export function configuredResource(plan: PlanView, change: ResourceChange): ConfiguredResource | undefined {
  const prefix = change.moduleAddress ? `${change.moduleAddress.replace(/\[[^\]]*\]/g, '')}.` : '';
  return plan.configuration.get(`${prefix}${change.mode === 'data' ? 'data.' : ''}${change.type}.${change.name}`);
}

/** True when the plan changes any resource or output: what `terraform plan -detailed-exitcode` reports as 2. */
export function hasChanges(plan: PlanView): boolean {
  return plan.resourceChanges.some((change) => isChange(change.kind)) || plan.outputChanges.some((change) => isChange(change.kind));
}

/** True for a kind that changes something real (not no-op, and not a data source read). */
export function isChange(kind: ChangeKind): boolean {
  return kind !== 'no-op' && kind !== 'read';
}

function readActions(reader: JsonReader): { actions: ChangeAction[]; kind: ChangeKind } {
  const actions = reader.items().map((item) => {
    const action = item.string();
    if (!(CHANGE_ACTIONS as readonly string[]).includes(action)) item.fail(`unknown action "${action}"; known ones are ${CHANGE_ACTIONS.join(', ')}.`);
    return action as ChangeAction;
  });
  if (actions.length === 0) reader.fail('no actions: a change lists at least one action, e.g. ["create"].');
  return { actions, kind: kindOf(actions, reader) };
}

function kindOf(actions: readonly ChangeAction[], reader: JsonReader): ChangeKind {
  if (actions.length === 1) return actions[0];
  const pair = [...actions].sort().join(',');
  if (pair === 'create,delete') return 'replace';
  // A combination a later Terraform may add must not be guessed into a harmless-looking kind.
  return reader.fail(`unknown action combination ${JSON.stringify(actions)}.`);
}

function readChangeValues(change: JsonReader) {
  const { actions, kind } = readActions(change.field('actions'));
  return {
    actions,
    kind,
    afterUnknown: change.field('after_unknown').json(),
    beforeSensitive: change.field('before_sensitive').json(),
    afterSensitive: change.field('after_sensitive').json(),
  };
}

function objectOrNull(reader: JsonReader): JsonObject | null {
  return reader.present ? reader.object() : null;
}

function readResourceChange(entry: JsonReader): ResourceChange {
  const change = entry.field('change');
  const modeReader = entry.field('mode');
  const mode = modeReader.optionalString() ?? 'managed';
  if (mode !== 'managed' && mode !== 'data') return modeReader.fail(`expected "managed" or "data", found "${mode}".`);
  return {
    address: entry.field('address').string(),
    moduleAddress: entry.field('module_address').optionalString(),
    mode,
    type: entry.field('type').string(),
    name: entry.field('name').string(),
    index: entry.field('index').present ? entry.field('index').json() : undefined,
    providerName: entry.field('provider_name').optionalString() ?? '',
    deposed: entry.field('deposed').optionalString(),
    previousAddress: entry.field('previous_address').optionalString(),
    importing: change.field('importing').present,
    ...readChangeValues(change),
    before: objectOrNull(change.field('before')),
    after: objectOrNull(change.field('after')),
    actionReason: entry.field('action_reason').optionalString(),
    replacePaths: change
      .field('replace_paths')
      .items()
      .map((path) =>
        path.items().map((step) => {
          const value = step.value;
          return typeof value === 'string' || typeof value === 'number' ? value : step.fail('a replace path step is an attribute name or an index.');
        }),
      ),
  };
}

function readOutputChange(name: string, change: JsonReader): OutputChange {
  return { name, ...readChangeValues(change), before: change.field('before').json(), after: change.field('after').json() };
}

function readVariables(values: JsonReader, declared: JsonReader | undefined): ReadonlyMap<string, PlanVariable> {
  const declarations = new Map(declared?.entries() ?? []);
  const names = new Set([...values.entries().map(([name]) => name), ...declarations.keys()]);
  return new Map(
    [...names].map((name) => {
      const declaration = declarations.get(name);
      const value = values.present && values.field(name).present ? values.field(name).field('value').json() : null;
      return [
        name,
        { value, sensitive: declaration?.field('sensitive').boolean(false) ?? false, ephemeral: declaration?.field('ephemeral').boolean(false) ?? false },
      ];
    }),
  );
}

function readProviders(providers: JsonReader): [string, ProviderConfiguration][] {
  return providers.entries().map(([key, provider]) => {
    const constants = new Map<string, JsonValue>();
    for (const [argument, expression] of provider.field('expressions').entries()) {
      const value = expression.value;
      if (Array.isArray(value)) {
        // A nested block (assume_role { … }): its first block's literal arguments.
        for (const [nested, inner] of expression.items()[0]?.entries() ?? []) {
          if (inner.field('constant_value').present) constants.set(`${argument}.${nested}`, inner.field('constant_value').json());
        }
      } else if (expression.field('constant_value').present) constants.set(argument, expression.field('constant_value').json());
    }
    return [key, { name: provider.field('name').optionalString() ?? key, fullName: provider.field('full_name').optionalString() ?? '', constants }];
  });
}

function readModule(module: JsonReader, prefix: string): [string, ConfiguredResource][] {
  const resources = module
    .field('resources')
    .items()
    .map((resource): [string, ConfiguredResource] => {
      const type = resource.field('type').string();
      const name = resource.field('name').string();
      const address = `${prefix}${resource.field('mode').optionalString() === 'data' ? 'data.' : ''}${type}.${name}`;
      const expressions = new Map(
        resource
          .field('expressions')
          .entries()
          .filter(([, expression]) => expression.present && typeof expression.value === 'object' && !Array.isArray(expression.value))
          .map(([argument, expression]): [string, ConfiguredExpression] => [
            argument,
            {
              constantValue: expression.field('constant_value').value,
              references: expression
                .field('references')
                .items()
                .map((reference) => reference.string()),
            },
          ]),
      );
      return [address, { address, type, name, expressions }];
    });
  const calls = module
    .field('module_calls')
    .entries()
    .flatMap(([call, body]) => (body.field('module').present ? readModule(body.field('module'), `${prefix}module.${call}.`) : []));
  return [...resources, ...calls];
}
