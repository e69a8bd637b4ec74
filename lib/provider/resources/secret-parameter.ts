import { randomUUID } from 'node:crypto';
import { OosResponseError, isAlreadyExists, type SecretParameter } from '../../oos';
import {
  MAX_SECRET_PARAMETER_DESCRIPTION_LENGTH,
  MAX_SECRET_PARAMETER_VALUE_LENGTH,
  SECRET_PARAMETER_RESOURCE,
  SECRET_PARAMETER_TAG_RESOURCE_TYPE,
  sameConstraints,
  secretParameterConstraintsProblem,
  secretParameterNameProblem,
} from '../../domain';
import {
  ModelOf,
  ResourceType,
  UNKNOWN,
  defineResource,
  defineSchema,
  fromProblem,
  knownOr,
  lengthBetween,
  requiresReplace,
  sameValue,
  stringMap,
  useStateForUnknown,
} from '../../tfplugin';
import { dateAttributes, resourceGroupIdAttribute, tagAttributes } from '../common-attributes';
import type { ContextSource, ProviderContext } from '../context';
import { describeFailure, errorMessage, importNotFound, nameTaken, nullIfNotFound } from '../failures';
import { planTagsAll, refreshedTags, tagsGoToOos, updateTags } from '../resource-tags';
import { operationDeadline as operation, timeoutsBlock, type TimeoutsModel } from '../timeouts';

/** Schema of `oos_secret_parameter`: one OOS secret parameter, its value write-only. */
export const secretParameterSchema = defineSchema({
  version: 0,
  block: {
    description:
      'An Alibaba Cloud OOS secret parameter (encrypted with KMS). Its value is write-only: sent to OOS, never stored in plan or state. Chat configurations read it with `client_secret_parameter`.',
    attributes: {
      id: { type: 'string', computed: true, planModifiers: [useStateForUnknown()], description: 'The parameter name; OOS keys secret parameters by name.' },
      name: {
        type: 'string',
        required: true,
        planModifiers: [requiresReplace()],
        description: 'Unique name per region and account, e.g. `chatops-dev-ops-secret`; changing it replaces the parameter.',
        validators: [fromProblem('1 to 200 letters, digits, `_`, `.`, `/` or `-`.', secretParameterNameProblem)],
      },
      value_wo: {
        type: 'string',
        required: true,
        sensitive: true,
        writeOnly: true,
        description: 'The secret, write-only: sent on create and whenever `value_wo_version` changes, never stored in plan or state.',
        validators: [lengthBetween(1, MAX_SECRET_PARAMETER_VALUE_LENGTH)],
        writeOnlyFallback:
          'Create the parameter outside Terraform (the OOS console or `aliyun oos CreateSecretParameter`) and refer to it by name (client_secret_parameter, in cdktf Secret.fromSecretParameter("<name>")).',
      },
      value_wo_version: { type: 'number', required: true, description: 'Any number; changing it sends `value_wo` to OOS as a new parameter version.' },
      description: {
        type: 'string',
        optional: true,
        description: 'What the secret is for.',
        validators: [lengthBetween(1, MAX_SECRET_PARAMETER_DESCRIPTION_LENGTH)],
      },
      key_id: {
        type: 'string',
        optional: true,
        computed: true,
        planModifiers: [requiresReplace(), useStateForUnknown()],
        description: "KMS key id; default OOS's own key.",
      },
      constraints: {
        type: 'string',
        optional: true,
        planModifiers: [requiresReplace()],
        description:
          'Rules OOS checks every value against, as JSON text with any of `AllowedValues` (list), `AllowedPattern` (regular expression), `MinLength`, `MaxLength`, e.g. `jsonencode({ MinLength = 16 })`. Changing it replaces the parameter.',
        validators: [fromProblem('JSON text of an object.', secretParameterConstraintsProblem)],
      },
      resource_group_id: resourceGroupIdAttribute,
      ...tagAttributes('parameter'),
      parameter_version: {
        type: 'number',
        computed: true,
        planModifiers: [useStateForUnknown()],
        description: 'The version OOS holds; every value sent makes a new one. Unknown at plan while a new one is made.',
      },
      ...dateAttributes,
    },
    blocks: { timeouts: timeoutsBlock() },
  },
});

/** How tag messages name these resources, and the ResourceType the tag API knows them by. */
const SECRET_PARAMETERS = { thing: 'Secret parameter', things: 'secret parameters', resourceType: SECRET_PARAMETER_TAG_RESOURCE_TYPE };

export function secretParameterResource(context: ContextSource): ResourceType {
  return defineResource({
    name: SECRET_PARAMETER_RESOURCE,
    schema: secretParameterSchema,

    async modifyPlan({ prior, planned, config }, diagnostics) {
      planned.tags_all = await planTagsAll(config.tags, context(), SECRET_PARAMETERS, diagnostics);
      if (prior === null) planned.id = config.name;
      else if (!sameValue(prior.value_wo_version, planned.value_wo_version)) planned.parameter_version = planned.updated_date = UNKNOWN;
      else if (prior.description !== planned.description || !sameValue(prior.resource_group_id, planned.resource_group_id)) planned.updated_date = UNKNOWN;
    },

    async create({ planned, config }, diagnostics) {
      const ctx = context();
      const settings = {
        description: planned.description ?? undefined,
        keyId: knownOr(planned.key_id, null) ?? undefined,
        constraints: planned.constraints ?? undefined,
        resourceGroupId: knownOr(planned.resource_group_id, null) ?? undefined,
        tags: (await tagsGoToOos(ctx, SECRET_PARAMETERS)) ? (stringMap(planned.tags_all) ?? undefined) : undefined,
        // Retries of this create (throttling, a lost answer) carry the same token: OOS creates once.
        clientToken: randomUUID(),
      };
      try {
        const created = await ctx.client.createSecretParameter(planned.name, config.value_wo, settings, operation(ctx, planned.timeouts, 'create'));
        return { values: attributesFromRemote(created, planned.constraints) };
      } catch (error) {
        if (isAlreadyExists(error)) throw nameTaken('secret parameter', planned.name, ctx.client.regionId, 'this provider did not create it', 'parameter');
        if (!(error instanceof OosResponseError)) throw new Error(`Creating secret parameter "${planned.name}" failed: ${errorMessage(error)}`);
        // OOS created it but its answer could not be read: keep it in state (no taint, no orphan);
        // the next refresh reads what it holds.
        const detail = `${errorMessage(error)}. The parameter exists in OOS and is kept in Terraform's state; the next terraform plan reads it back.`;
        diagnostics.warning(`Secret parameter "${planned.name}" was created but its answer was not understood`, detail);
        return { values: { id: planned.name } };
      }
    },

    async update({ prior, planned, config }) {
      const ctx = context();
      const call = operation(ctx, planned.timeouts, 'update');
      const group = knownOr(planned.resource_group_id, null);
      const change = {
        value: sameValue(prior.value_wo_version, planned.value_wo_version) ? undefined : config.value_wo,
        // A description removed from the configuration is cleared, not kept.
        description: prior.description === planned.description ? undefined : (planned.description ?? ''),
        resourceGroupId: group !== null && group !== prior.resource_group_id ? group : undefined,
      };
      const sent = Object.values(change).some((field) => field !== undefined) && ctx.client.updateSecretParameter(planned.name, change, call);
      const updated = sent && (await describeFailure(`Updating secret parameter "${planned.name}"`, sent));
      await updateTags(ctx, SECRET_PARAMETERS, planned.name, prior.tags_all, planned.tags_all, call);
      // Tags alone leave nothing unknown in the plan (modifyPlan), so there is nothing to read back.
      return { values: updated ? attributesFromRemote(updated, planned.constraints) : {} };
    },

    async delete(state) {
      const deletion = context().client.deleteSecretParameter(state.name, operation(context(), state.timeouts, 'delete'));
      await nullIfNotFound(`Deleting secret parameter "${state.name}"`, deletion);
    },

    // Reads never decrypt: the value stays in OOS, and drift is judged on everything else.
    async read({ state }) {
      const ctx = context();
      const remote = await getParameter(ctx, state.name, state.timeouts);
      if (remote === null) return { state: null };
      const tags = await refreshedTags(ctx, SECRET_PARAMETERS, state, () => remote.tags);
      return { state: { ...state, ...attributesFromRemote(remote, state.constraints), ...tags } };
    },

    async importState(id) {
      const ctx = context();
      const remote = await getParameter(ctx, id, null);
      if (remote === null) throw importNotFound('secret parameter', id, ctx.client.regionId);
      // value_wo_version stays null: the first apply after the import sends the configured value.
      const tags = await refreshedTags(ctx, SECRET_PARAMETERS, null, () => remote.tags);
      return { state: { ...attributesFromRemote(remote, null), name: id, ...tags } };
    },
  });
}

/**
 * What OOS says of a parameter, as attributes; the value is never among them. OOS may answer the
 * constraints reformatted: JSON equal to the `stated` text keeps that text.
 */
function attributesFromRemote(remote: SecretParameter, stated: string | null): Partial<ModelOf<typeof secretParameterSchema>> {
  const constraints = remote.constraints || null;
  return {
    id: remote.name,
    description: remote.description || null,
    key_id: remote.keyId || null,
    constraints: sameConstraints(constraints, stated) ? stated : constraints,
    resource_group_id: remote.resourceGroupId || null,
    parameter_version: remote.parameterVersion,
    created_date: remote.createdDate || null,
    updated_date: remote.updatedDate || null,
  };
}

/** The parameter without its value; null when it does not exist. */
function getParameter(ctx: ProviderContext, name: string, timeouts: TimeoutsModel): Promise<SecretParameter | null> {
  const call = { ...operation(ctx, timeouts, 'read'), withDecryption: false };
  return nullIfNotFound(`Reading secret parameter "${name}"`, ctx.client.getSecretParameter(name, call));
}
