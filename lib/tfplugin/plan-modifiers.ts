/**
 * Plan modifiers, declared on the attribute at any depth (`planModifiers: [requiresReplace(),
 * useStateForUnknown()]`), with terraform-plugin-framework's semantics. They run in order on each
 * attribute after the kit has marked computed attributes that the configuration leaves null as
 * unknown (when anything changes), and before the resource's own `modifyPlan`. Each carries a
 * `description` for generated docs.
 */
import { AttributePlanRequest, CtyValue, PlanModifier, isUnknown } from './schema';
import { sameValue } from './values';

/**
 * For a computed attribute whose value does not change once set (an id, a creation time): an
 * update plans the prior state's value instead of "known after apply". It does nothing on a
 * create, when the prior value is null, when the planned value is already known, or when the
 * configuration's value is unknown.
 */
export function useStateForUnknown(): PlanModifier {
  return {
    description: 'An update that does not change it plans its prior value, not "known after apply".',
    modify(request, response) {
      if (request.priorState === null || request.prior === null) return;
      if (!isUnknown(response.planned) || isUnknown(request.config)) return;
      response.planned = request.prior;
    },
  };
}

/** A change of this attribute on an update replaces the resource instead of updating it in place. */
export function requiresReplace(): PlanModifier {
  return requiresReplaceIf(() => true, 'Changing this forces a new resource.');
}

/**
 * Like `requiresReplace`, but only when `replaces` says so, e.g. a change that the remote API
 * cannot make in place in one direction only. `description` says when, for docs.
 */
export function requiresReplaceIf(replaces: (request: AttributePlanRequest, planned: CtyValue) => boolean, description: string): PlanModifier {
  return {
    description,
    modify(request, response) {
      // A create or a destroy replaces nothing; an unchanged value neither.
      if (request.priorState === null || sameValue(response.planned, request.prior)) return;
      if (replaces(request, response.planned)) response.requiresReplace = true;
    },
  };
}
