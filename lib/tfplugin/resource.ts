/**
 * Typed resources and data sources. `defineResource` turns a resource written against its
 * model (see model.ts) into the ResourceType the protocol layer serves, and does the generic
 * part of planning and applying from what the schema declares, as terraform-plugin-framework does:
 * - write-only attributes are null in the plan;
 * - when anything changes (or on a create), computed attributes the configuration leaves null
 *   are unknown, in nested blocks too;
 * - then the plan modifiers declared on each attribute run, at any depth (plan-modifiers.ts):
 *   `requiresReplace()` plans a replacement and names the attribute's path, `useStateForUnknown()`
 *   keeps a prior value instead of "known after apply";
 * - apply keeps every planned known value and takes only the unknowns from what the resource
 *   wrote (absent ones become null);
 * - a stored state is upgraded by attribute name (retired attributes dropped, new ones null).
 * The resource adds only its own logic in `modifyPlan` and its CRUD calls.
 *
 * Every hook gets a Diagnostics accumulator as its second argument: warnings go with a successful
 * result; errors fail the operation (a create that reports errors after returning its values is
 * saved as tainted, as Terraform does for the framework). Throwing still works: the thrown value
 * becomes error diagnostics.
 */
import { Diagnostics, HookFailure, diagnosticsFromError, runHook } from './diagnostics';
import { AppliedPlanOf, ModelOf, PlanModelOf, asModel, asObjectValue } from './model';
import { AttributePath, BlockSchema, DataSourceType, ObjectValue, ResourceType, Schema, UNKNOWN, isUnknown } from './schema';
import { fillMissingAttributes, isObjectValue, sameValue, withoutWriteOnlyValues } from './values';

export interface PlanChange<S extends Schema> {
  /** The prior state; null on a create. */
  readonly prior: ModelOf<S> | null;
  /** The kit's plan: change it in place to add the resource's own planned values. */
  readonly planned: PlanModelOf<S>;
  readonly config: PlanModelOf<S>;
  /** True when an attribute's plan modifiers asked for a replacement: Terraform then plans again as a create. */
  readonly replacing: boolean;
}

/** What a create or update learned from the remote side; it fills the plan's unknowns. */
export interface Written<S extends Schema> {
  readonly values: Partial<ModelOf<S>>;
  readonly private?: Buffer;
}

/**
 * Thrown by create or update when the remote object already changed but a later step failed
 * (e.g. tagging after a successful create). Terraform then records what is known together with
 * the error, so nothing is orphaned: a create is kept as tainted (replaced by the next apply), an
 * update keeps its new values. (Returning the values after `diagnostics.error(...)` does the same.)
 */
export class IncompleteApplyError<S extends Schema> extends Error {
  constructor(
    readonly cause: unknown,
    readonly written: Written<S>,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export interface ResourceDefinition<S extends Schema> {
  readonly name: string;
  readonly schema: S;
  /** Cross-attribute checks of a configuration, after the validators declared on attributes. */
  validate?(config: PlanModelOf<S>, diagnostics: Diagnostics): void;
  /** The resource's own planned values; report problems with their attribute path in `diagnostics`. */
  modifyPlan?(change: PlanChange<S>, diagnostics: Diagnostics): Promise<void> | void;
  create(request: { readonly planned: AppliedPlanOf<S>; readonly config: ModelOf<S> }, diagnostics: Diagnostics): Promise<Written<S>>;
  update(
    request: { readonly prior: ModelOf<S>; readonly planned: AppliedPlanOf<S>; readonly config: ModelOf<S> },
    diagnostics: Diagnostics,
  ): Promise<Written<S>>;
  delete(state: ModelOf<S>, diagnostics: Diagnostics): Promise<void>;
  /** A null state means the remote object is gone: Terraform drops it from state and plans a create. */
  read(
    request: { readonly state: ModelOf<S>; readonly private: Buffer },
    diagnostics: Diagnostics,
  ): Promise<{ readonly state: ModelOf<S> | null; readonly private?: Buffer }>;
  /** Absent attributes are stored as null. */
  importState(id: string, diagnostics: Diagnostics): Promise<{ readonly state: Partial<ModelOf<S>>; readonly private?: Buffer }>;
}

export function defineResource<S extends Schema>(definition: ResourceDefinition<S>): ResourceType {
  const { schema } = definition;
  return {
    name: definition.name,
    schema,

    validate(config) {
      const diagnostics = new Diagnostics();
      definition.validate?.(asModel(config), diagnostics);
      return [...diagnostics.all];
    },

    async plan({ priorState, proposedNewState, config }) {
      if (proposedNewState === null || config === null) return { plannedState: null };
      const planned = withoutWriteOnlyValues(schema.block, proposedNewState);
      if (priorState === null || !sameValue(priorState, planned)) markComputedNullsUnknown(schema.block, planned, config);
      const { result: requiresReplace, diagnostics } = await runHook(async (diagnostics) => {
        const replaced = modifyAttributePlans(schema.block, { planned, prior: priorState, config, priorState, resourceConfig: config, at: [] }, diagnostics);
        if (diagnostics.hasErrors || !definition.modifyPlan) return replaced;
        const change = {
          prior: priorState && asModel<ModelOf<S>>(priorState),
          planned: asModel<PlanModelOf<S>>(planned),
          config: asModel<PlanModelOf<S>>(config),
        };
        await definition.modifyPlan({ ...change, replacing: replaced.length > 0 }, diagnostics);
        return replaced;
      });
      return { plannedState: planned, ...(requiresReplace.length > 0 ? { requiresReplace } : {}), diagnostics };
    },

    async apply({ priorState, plannedState, config }) {
      if (plannedState === null) {
        if (priorState === null) return { newState: null };
        const { diagnostics } = await runHook((diagnostics) => definition.delete(asModel(priorState), diagnostics));
        return { newState: null, diagnostics };
      }
      if (config === null) throw new Error(`${definition.name}: Terraform sent no configuration with the planned state.`);
      const planned = asModel<AppliedPlanOf<S>>(plannedState);
      const fill = (written: { readonly values: object }): ObjectValue => {
        const values = asObjectValue(written.values);
        const newState = withoutWriteOnlyValues(schema.block, plannedState);
        for (const [name, value] of Object.entries(newState)) {
          if (isUnknown(value)) newState[name] = values[name] ?? null;
        }
        return newState;
      };
      try {
        const { result: written, diagnostics } = await runHook((diagnostics) =>
          priorState === null
            ? definition.create({ planned, config: asModel(config) }, diagnostics)
            : definition.update({ prior: asModel(priorState), planned, config: asModel(config) }, diagnostics),
        );
        return { newState: fill(written), private: written.private, diagnostics };
      } catch (error) {
        const incomplete = error instanceof HookFailure ? error.cause : error;
        if (!(incomplete instanceof IncompleteApplyError)) throw error;
        const { written, cause } = incomplete;
        return {
          newState: fill(written),
          private: written.private,
          diagnostics: [...(error instanceof HookFailure ? error.reported : []), ...diagnosticsFromError(cause)],
        };
      }
    },

    async read(request) {
      const { result, diagnostics } = await runHook((diagnostics) =>
        definition.read({ state: asModel(request.currentState), private: request.private }, diagnostics),
      );
      return { newState: result.state && asObjectValue(result.state), private: result.private, diagnostics };
    },

    async importState(id) {
      const { result, diagnostics } = await runHook((diagnostics) => definition.importState(id, diagnostics));
      return { state: asObjectValue(result.state), private: result.private, diagnostics };
    },

    upgradeState(_version, storedState) {
      // The kit's schemas so far only add attributes: reading by name covers every older version.
      return withoutWriteOnlyValues(schema.block, fillMissingAttributes(schema.block, storedState));
    },
  };
}

/** Computed attributes (at any depth) that the configuration leaves null become "known after apply". */
function markComputedNullsUnknown(block: BlockSchema, planned: ObjectValue, config: ObjectValue): void {
  for (const [name, attribute] of Object.entries(block.attributes)) {
    if (attribute.computed && (config[name] ?? null) === null) planned[name] = UNKNOWN;
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    for (const { planned: inner, config: innerConfig } of pairedInstances(nested.nesting, planned[name], config[name])) {
      markComputedNullsUnknown(nested.block, inner, innerConfig ?? {});
    }
  }
}

interface BlockPlan {
  readonly planned: ObjectValue;
  readonly prior: ObjectValue | null;
  readonly config: ObjectValue;
  readonly priorState: ObjectValue | null;
  readonly resourceConfig: ObjectValue;
  readonly at: AttributePath;
}

/** Runs every attribute's plan modifiers, depth first; returns the paths whose change replaces the resource. */
function modifyAttributePlans(block: BlockSchema, plan: BlockPlan, diagnostics: Diagnostics): AttributePath[] {
  const replaced: AttributePath[] = [];
  for (const [name, attribute] of Object.entries(block.attributes)) {
    if (!attribute.planModifiers?.length) continue;
    const path: AttributePath = [...plan.at, { attribute: name }];
    const request = {
      path,
      config: plan.config[name] ?? null,
      prior: plan.prior?.[name] ?? null,
      priorState: plan.priorState,
      resourceConfig: plan.resourceConfig,
    };
    const response = { planned: plan.planned[name] ?? null, requiresReplace: false, diagnostics };
    for (const modifier of attribute.planModifiers) modifier.modify(request, response);
    plan.planned[name] = response.planned;
    if (response.requiresReplace) replaced.push(path);
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const at: AttributePath = [...plan.at, { attribute: name }];
    for (const instance of pairedInstances(nested.nesting, plan.planned[name], plan.config[name], plan.prior?.[name])) {
      const instanceAt = instance.index === undefined ? at : [...at, { index: instance.index }];
      replaced.push(...modifyAttributePlans(nested.block, { ...plan, ...instance, config: instance.config ?? {}, at: instanceAt }, diagnostics));
    }
  }
  return replaced;
}

/**
 * The instances of a nested block in the plan, each with its configuration and prior state: a
 * single block as is, a list's by index, a set's prior element only when it is unchanged (set
 * elements have no identity but their value).
 */
function pairedInstances(
  nesting: 'single' | 'list' | 'set',
  planned: ObjectValue[keyof ObjectValue] | undefined,
  config: ObjectValue[keyof ObjectValue] | undefined,
  prior?: ObjectValue[keyof ObjectValue] | undefined,
): { planned: ObjectValue; config: ObjectValue | null; prior: ObjectValue | null; index?: number }[] {
  if (nesting === 'single') {
    return isObjectValue(planned) ? [{ planned, config: isObjectValue(config) ? config : null, prior: isObjectValue(prior) ? prior : null }] : [];
  }
  if (!Array.isArray(planned)) return [];
  const configs = Array.isArray(config) ? config : [];
  const priors = Array.isArray(prior) ? prior : [];
  return planned.flatMap((element, index) => {
    if (!isObjectValue(element)) return [];
    const configured = configs[index];
    const priorElement = nesting === 'list' ? priors[index] : priors.find((candidate) => sameValue(candidate, element));
    return [{ planned: element, config: isObjectValue(configured) ? configured : null, prior: isObjectValue(priorElement) ? priorElement : null, index }];
  });
}

export interface DataSourceDefinition<S extends Schema> {
  readonly name: string;
  readonly schema: S;
  /** Cross-attribute checks of a configuration, after the validators declared on attributes. */
  validate?(config: PlanModelOf<S>, diagnostics: Diagnostics): void;
  /** Warnings go with the result; errors fail the read. */
  read(config: ModelOf<S>, diagnostics: Diagnostics): Promise<ModelOf<S>>;
}

export function defineDataSource<S extends Schema>(definition: DataSourceDefinition<S>): DataSourceType {
  return {
    name: definition.name,
    schema: definition.schema,
    validate(config) {
      const diagnostics = new Diagnostics();
      definition.validate?.(asModel(config), diagnostics);
      return [...diagnostics.all];
    },
    async read(config: ObjectValue) {
      const { result, diagnostics } = await runHook((diagnostics) => definition.read(asModel(config), diagnostics));
      return { state: asObjectValue(result), diagnostics };
    },
  };
}
