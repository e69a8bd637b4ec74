/**
 * Typed resources and data sources. `defineResource` turns a resource written against its
 * model (see model.ts) into the ResourceType the protocol layer serves, and does the generic
 * part of planning and applying from what the schema declares, as terraform-plugin-framework does:
 * - write-only attributes are null in the plan;
 * - a change of a `requiresReplace` attribute plans a replacement;
 * - on a create or replace, computed attributes left null in the configuration are unknown;
 *   on an update they keep the prior value when `useStateForUnknown`, else become unknown if
 *   anything changes;
 * - apply keeps every planned known value and takes only the unknowns from what the resource
 *   wrote (absent ones become null);
 * - a stored state is upgraded by attribute name (retired attributes dropped, new ones null).
 * The resource adds only its own logic in `modifyPlan` and its CRUD calls.
 */
import { fromJsonData, isObjectValue, withoutWriteOnlyValues } from './protocol/cty-codec';
import { diagnosticsFromError } from './protocol/diagnostics';
import { AppliedPlanOf, ModelOf, PlanModelOf, asModel, asObjectValue } from './model';
import { AttributePath, DataSourceType, Diagnostic, ObjectValue, ResourceType, Schema, UNKNOWN, blockType, isUnknown, path } from './schema';
import { sameValue } from './values';

export interface PlanChange<S extends Schema> {
  /** The prior state on an in-place update; null on a create or a replace. */
  readonly prior: ModelOf<S> | null;
  /** The kit's plan: change it in place to add the resource's own planned values. */
  readonly planned: PlanModelOf<S>;
  readonly config: PlanModelOf<S>;
}

/** What a create or update learned from the remote side; it fills the plan's unknowns. */
export interface Written<S extends Schema> {
  readonly values: Partial<ModelOf<S>>;
  readonly private?: Buffer;
  /** Warnings shown with a successful apply (errors belong in IncompleteApplyError: they taint a create). */
  readonly warnings?: Diagnostic[];
}

/**
 * Thrown by create or update when the remote object already changed but a later step failed
 * (e.g. tagging after a successful create). Terraform then records what is known together with
 * the error, so nothing is orphaned: a create is kept as tainted (replaced by the next apply), an
 * update keeps its new values.
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
  /** May return warnings to show with the plan; errors are thrown (DiagnosticsError). */
  modifyPlan?(change: PlanChange<S>): Promise<Diagnostic[] | void> | Diagnostic[] | void;
  create(request: { readonly planned: AppliedPlanOf<S>; readonly config: ModelOf<S> }): Promise<Written<S>>;
  update(request: { readonly prior: ModelOf<S>; readonly planned: AppliedPlanOf<S>; readonly config: ModelOf<S> }): Promise<Written<S>>;
  delete(state: ModelOf<S>): Promise<void>;
  /** A null state means the remote object is gone: Terraform drops it from state and plans a create. */
  read(request: { readonly state: ModelOf<S>; readonly private: Buffer }): Promise<{ readonly state: ModelOf<S> | null; readonly private?: Buffer }>;
  /** Absent attributes are stored as null. */
  importState(id: string): Promise<{ readonly state: Partial<ModelOf<S>>; readonly private?: Buffer }>;
}

export function defineResource<S extends Schema>(definition: ResourceDefinition<S>): ResourceType {
  const { schema } = definition;
  const attributes = Object.entries(schema.block.attributes);
  const type = blockType(schema.block);
  return {
    name: definition.name,
    schema,

    async plan({ priorState, proposedNewState, config }) {
      if (proposedNewState === null || config === null) return { plannedState: null };
      const planned = withoutWriteOnlyValues(schema.block, proposedNewState);
      const requiresReplace: AttributePath[] = [];
      for (const [name, attribute] of attributes) {
        if (priorState !== null && attribute.requiresReplace && !sameValue(priorState[name], planned[name])) requiresReplace.push(path(name));
      }
      const prior = requiresReplace.length > 0 ? null : priorState;
      const changing = prior === null || !sameValue(prior, planned);
      for (const [name, attribute] of attributes) {
        if (!attribute.computed || config[name] !== null) continue;
        if (prior !== null && attribute.useStateForUnknown) planned[name] = prior[name];
        else if (changing) planned[name] = UNKNOWN;
      }
      const warnings = (await definition.modifyPlan?.({ prior: prior && asModel(prior), planned: asModel(planned), config: asModel(config) })) ?? [];
      return { plannedState: planned, ...(requiresReplace.length > 0 ? { requiresReplace } : {}), ...(warnings.length > 0 ? { diagnostics: warnings } : {}) };
    },

    async apply({ priorState, plannedState, config }) {
      if (plannedState === null) {
        if (priorState !== null) await definition.delete(asModel(priorState));
        return { newState: null };
      }
      if (config === null) throw new Error(`${definition.name}: Terraform sent no configuration with the planned state.`);
      const planned = asModel<AppliedPlanOf<S>>(plannedState);
      const fill = (written: Written<S>): ObjectValue => {
        const values = asObjectValue(written.values);
        const newState = withoutWriteOnlyValues(schema.block, plannedState);
        for (const [name, value] of Object.entries(newState)) {
          if (isUnknown(value)) newState[name] = values[name] ?? null;
        }
        return newState;
      };
      try {
        const written =
          priorState === null
            ? await definition.create({ planned, config: asModel(config) })
            : await definition.update({ prior: asModel(priorState), planned, config: asModel(config) });
        return { newState: fill(written), private: written.private, diagnostics: written.warnings };
      } catch (error) {
        if (!(error instanceof IncompleteApplyError)) throw error;
        return { newState: fill(error.written), private: error.written.private, diagnostics: diagnosticsFromError(error.cause) };
      }
    },

    async read(request) {
      const response = await definition.read({ state: asModel(request.currentState), private: request.private });
      return { newState: response.state && asObjectValue(response.state), private: response.private };
    },

    async importState(id) {
      const response = await definition.importState(id);
      return { state: asObjectValue(response.state), private: response.private };
    },

    upgradeState(_version, rawState) {
      // The kit's schemas so far only add attributes: reading by name covers every older version.
      const state = fromJsonData(rawState, type);
      return withoutWriteOnlyValues(schema.block, isObjectValue(state) ? state : {});
    },
  };
}

export interface DataSourceDefinition<S extends Schema> {
  readonly name: string;
  readonly schema: S;
  read(config: ModelOf<S>): Promise<ModelOf<S>>;
}

export function defineDataSource<S extends Schema>(definition: DataSourceDefinition<S>): DataSourceType {
  return {
    name: definition.name,
    schema: definition.schema,
    async read(config: ObjectValue) {
      return { state: asObjectValue(await definition.read(asModel(config))) };
    },
  };
}
