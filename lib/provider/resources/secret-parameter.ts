import { randomUUID } from 'node:crypto';
import type { CallOptions, SecretParameter } from '../../oos';
import { OosResponseError, isAlreadyExists, isNotFound } from '../../oos/errors';
import {
  MAX_SECRET_PARAMETER_DESCRIPTION_LENGTH,
  MAX_SECRET_PARAMETER_VALUE_LENGTH,
  SECRET_PARAMETER_TAG_RESOURCE_TYPE,
  sameConstraints,
  secretParameterConstraintsProblem,
  secretParameterNameProblem,
} from '../../domain';
import { ModelOf, defineSchema } from '../../tfplugin/model';
import { defineResource } from '../../tfplugin/resource';
import { DiagnosticsError, ResourceType, UNKNOWN, errorDiagnostic, path, warningDiagnostic } from '../../tfplugin/schema';
import { fromProblem, lengthBetween } from '../../tfplugin/validators';
import { sameValue, stringMap } from '../../tfplugin/values';
import type { ContextSource, ProviderContext } from '../context';
import { describeFailure, errorMessage } from '../failures';
import { plannedTagsAll, tagsAllProblems, tagsFromRemote, taggingProblems } from '../resource-tags';
import { dateAttributes, resourceGroupIdAttribute, tagAttributes } from '../common-attributes';
import { operation, timeoutsBlock } from '../timeouts';

/** Terraform type name of the secret parameter resource. */
export const SECRET_PARAMETER_RESOURCE = 'oos_secret_parameter';

/** Schema of `oos_secret_parameter`: one OOS secret parameter, its value write-only. */
export const secretParameterSchema = defineSchema({
  version: 0,
  block: {
    description:
      'An Alibaba Cloud OOS secret parameter (encrypted with KMS). Its value is write-only: sent to OOS, never stored in plan or state. Chat configurations read it with `client_secret_parameter`.',
    attributes: {
      id: { type: 'string', computed: true, useStateForUnknown: true, description: 'The parameter name; OOS keys secret parameters by name.' },
      name: {
        type: 'string',
        required: true,
        requiresReplace: true,
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
        requiresReplace: true,
        useStateForUnknown: true,
        description: "KMS key id; default OOS's own key.",
      },
      constraints: {
        type: 'string',
        optional: true,
        requiresReplace: true,
        description:
          'Rules OOS checks every value against, as JSON text with any of `AllowedValues` (list), `AllowedPattern` (regular expression), `MinLength`, `MaxLength`, e.g. `jsonencode({ MinLength = 16 })`. Changing it replaces the parameter.',
        validators: [fromProblem('JSON text of an object.', secretParameterConstraintsProblem)],
      },
      resource_group_id: resourceGroupIdAttribute,
      ...tagAttributes('parameter'),
      parameter_version: { type: 'number', computed: true, useStateForUnknown: true, description: 'The version OOS holds; every value sent makes a new one.' },
      ...dateAttributes,
    },
    blocks: { timeouts: timeoutsBlock },
  },
});

type SecretParameterModel = ModelOf<typeof secretParameterSchema>;

/** How tag messages name these resources, and the ResourceType the tag API knows them by. */
const SECRET_PARAMETERS = { things: 'secret parameters', resourceType: SECRET_PARAMETER_TAG_RESOURCE_TYPE };

export function secretParameterResource(context: ContextSource): ResourceType {
  return defineResource({
    name: SECRET_PARAMETER_RESOURCE,
    schema: secretParameterSchema,

    async modifyPlan({ prior, planned, config }) {
      planned.tags_all = plannedTagsAll(config.tags, context());
      const problems = tagsAllProblems(planned.tags_all);
      if (problems.length > 0) throw new DiagnosticsError(problems);
      const warnings = await taggingProblems(planned.tags_all, context(), SECRET_PARAMETERS);
      if (prior === null) planned.id = config.name;
      else if (!sameValue(prior.value_wo_version, planned.value_wo_version)) planned.parameter_version = planned.updated_date = UNKNOWN;
      else if (prior.description !== planned.description || !sameValue(prior.resource_group_id, planned.resource_group_id)) planned.updated_date = UNKNOWN;
      return warnings;
    },

    async create({ planned, config }) {
      const ctx = context();
      const name = planned.name;
      const tags = (await taggable(ctx)) ? (stringMap(planned.tags_all) ?? undefined) : undefined;
      const settings = {
        description: planned.description ?? undefined,
        keyId: typeof planned.key_id === 'string' ? planned.key_id : undefined,
        constraints: planned.constraints ?? undefined,
        resourceGroupId: typeof planned.resource_group_id === 'string' ? planned.resource_group_id : undefined,
        tags,
        // Retries of this create (throttling, a lost answer) carry the same token: OOS creates once.
        clientToken: randomUUID(),
      };
      try {
        const created = await ctx.client.createSecretParameter(name, config.value_wo, settings, operation(ctx, planned.timeouts, 'create'));
        return { values: attributesFromRemote(created) };
      } catch (error) {
        if (isAlreadyExists(error)) throw alreadyExists(name, ctx);
        if (!(error instanceof OosResponseError)) throw new Error(`Creating secret parameter "${name}" failed: ${errorMessage(error)}`);
        // OOS created it but its answer could not be read: keep it in state (no taint, no orphan);
        // the next refresh reads what it holds.
        const detail = `${errorMessage(error)}. The parameter exists in OOS and is kept in Terraform's state; the next terraform plan reads it back.`;
        return { values: { id: name }, warnings: [warningDiagnostic(`Secret parameter "${name}" was created but its answer was not understood`, detail)] };
      }
    },

    async update({ prior, planned, config }) {
      const ctx = context();
      const name = planned.name;
      const call = operation(ctx, planned.timeouts, 'update');
      const rotate = !sameValue(prior.value_wo_version, planned.value_wo_version);
      const group = planned.resource_group_id;
      const movedGroup = typeof group === 'string' && group !== prior.resource_group_id ? group : undefined;
      let remote: SecretParameter | undefined;
      if (rotate || movedGroup || prior.description !== planned.description) {
        const change = {
          value: rotate ? config.value_wo : undefined,
          // A description removed from the configuration is cleared, not kept.
          description: planned.description ?? (prior.description === null ? undefined : ''),
          resourceGroupId: movedGroup,
        };
        remote = await describeFailure(`Updating secret parameter "${name}"`, ctx.client.updateSecretParameter(name, change, call));
      }
      if (!sameValue(prior.tags_all, planned.tags_all) && (await taggable(ctx))) {
        const tags = ctx.client.setSecretParameterTags(name, stringMap(planned.tags_all) ?? {}, stringMap(prior.tags_all) ?? {}, call);
        await describeFailure(`Updating the tags of secret parameter "${name}"`, tags);
      }
      remote ??= await describeFailure(`Reading secret parameter "${name}" after update`, ctx.client.getSecretParameter(name, call));
      return { values: attributesFromRemote(remote) };
    },

    async delete(state) {
      try {
        await context().client.deleteSecretParameter(state.name, operation(context(), state.timeouts, 'delete'));
      } catch (error) {
        if (!isNotFound(error)) throw new Error(`Deleting secret parameter "${state.name}" failed: ${errorMessage(error)}`);
      }
    },

    // Reads never decrypt: the value stays in OOS, and drift is judged on everything else.
    async read({ state }) {
      const ctx = context();
      const remote = await getParameter(ctx, state.name, operation(ctx, state.timeouts, 'read'));
      if (remote === null) return { state: null };
      // With tags kept out of OOS, the state's tags are the only record of them: keep them.
      const tags = (await taggable(ctx)) ? tagsFromRemote(remote.tags, state.tags, ctx) : { tags: state.tags, tags_all: state.tags_all };
      // OOS may answer the constraints reformatted: equal JSON keeps the configured text.
      const constraints = sameConstraints(remote.constraints || null, state.constraints) ? state.constraints : remote.constraints || null;
      return { state: { ...state, ...attributesFromRemote(remote), constraints, ...tags } };
    },

    async importState(id) {
      const ctx = context();
      const remote = await getParameter(ctx, id, operation(ctx, null, 'read'));
      if (remote === null) {
        const detail = `No secret parameter named "${id}" exists in region ${ctx.client.regionId}. Import takes the parameter's name; check the name and the provider's region.`;
        throw new DiagnosticsError([errorDiagnostic('Cannot import a secret parameter that does not exist', detail)]);
      }
      const tags = (await taggable(ctx)) ? tagsFromRemote(remote.tags, null, ctx) : {};
      // value_wo_version stays null: the first apply after the import sends the configured value.
      return { state: { ...attributesFromRemote(remote), name: id, constraints: remote.constraints || null, ...tags } };
    },
  });
}

/** What OOS says of a parameter, as attributes; the value is never among them. */
function attributesFromRemote(remote: SecretParameter): Partial<SecretParameterModel> {
  return {
    id: remote.name,
    description: remote.description || null,
    key_id: remote.keyId || null,
    resource_group_id: remote.resourceGroupId || null,
    parameter_version: remote.parameterVersion,
    created_date: remote.createdDate || null,
    updated_date: remote.updatedDate || null,
  };
}

/** Whether tags go to OOS (the provider's `tagging` setting) for ResourceType `secretparameter`. */
function taggable(ctx: ProviderContext): Promise<boolean> {
  return ctx.tagging.taggable(SECRET_PARAMETER_TAG_RESOURCE_TYPE);
}

/** The parameter without its value; null when it does not exist. */
async function getParameter(ctx: ProviderContext, name: string, call: CallOptions): Promise<SecretParameter | null> {
  try {
    return await ctx.client.getSecretParameter(name, { ...call, withDecryption: false });
  } catch (error) {
    if (isNotFound(error)) return null;
    throw new Error(`Reading secret parameter "${name}" failed: ${errorMessage(error)}`);
  }
}

function alreadyExists(name: string, ctx: ProviderContext): DiagnosticsError {
  const detail =
    `A secret parameter named "${name}" already exists in region ${ctx.client.regionId} (another stack or a person may have made it). ` +
    `To manage it here, import it after making sure no other state manages it: terraform import <resource address> ${name} ` +
    `(or an import block with id = "${name}"); the next apply then sends value_wo as a new version. To create a separate one, choose another name.`;
  return new DiagnosticsError([errorDiagnostic('Secret parameter already exists', detail, path('name'))]);
}
