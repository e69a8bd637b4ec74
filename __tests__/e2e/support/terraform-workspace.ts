/** Terraform helpers of the e2e tests: the shared workspace from lib/tooling plus lookups into its JSON views. */
import type { PlanView } from '../../../lib/pipeline';
import type { StateJson } from '../../../lib/tooling';

export { type StateJson, TerraformWorkspace, oosProviderConfig as providerConfig } from '../../../lib/tooling';

/** The actions Terraform planned for one resource address, e.g. ["update"] or ["delete","create"]. */
export function actionsFor(plan: PlanView, address: string): readonly string[] {
  return plan.resourceChanges.find((candidate) => candidate.address === address)?.actions ?? [];
}

/** The values of one resource (or data source) in `terraform show -json`. */
export function valuesOf(state: StateJson, address: string): Record<string, unknown> {
  const resource = state.values?.root_module.resources?.find((candidate) => candidate.address === address);
  if (!resource) throw new Error(`${address} is not in state`);
  return resource.values;
}
