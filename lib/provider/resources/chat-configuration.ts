import type { CallOptions, ChatConfiguration, ChatConfigurationInput } from '../../oos';
import { OosApiError, isAlreadyExists, isNotFound } from '../../oos/errors';
import {
  CHAT_CONFIGURATION_RESOURCE,
  SECRET_MASK,
  configurationKeys,
  extraConfigurationKeyProblem,
  configurationLengthProblem,
  tagProblems,
  nameProblem,
  ramRoleProblem,
  resourceGroupProblem,
  secretParameterNameProblem,
  typeProblem,
} from '../../domain';
import {
  AppliedPlanOf,
  Diagnostic,
  Diagnostics,
  DiagnosticsError,
  ModelOf,
  PlanModelOf,
  ResourceType,
  UNKNOWN,
  UnknownValue,
  type Written,
  changedAttributes,
  conflictsWith,
  defineResource,
  defineSchema,
  eachKey,
  errorDiagnostic,
  fromProblem,
  isUnknown,
  isWhollyKnownMap,
  mapOrNull,
  path,
  refusedWhenSet,
  requiredWith,
  requiresReplace,
  sameValue,
  stringMap,
  useStateForUnknown,
  warningDiagnostic,
} from '../../tfplugin';
import { assembleConfiguration, attributesFromRemote, chatPlatform } from '../chat-configuration-mapping';
import type { ContextSource, ProviderContext } from '../context';
import { CREATION_TOKEN_KEY, OwnerMarks, ownerToken } from '../creation-marks';
import { describeFailure, errorMessage } from '../failures';
import { tagLimits } from '../tag-limits';
import { operationDeadline as operation, timeoutsBlock } from '../timeouts';

/** Schema of `oos_chat_configuration`: one OOS chat configuration (a ChatOps bot). */
export const chatConfigurationSchema = defineSchema({
  version: 1,
  block: {
    description: 'An Alibaba Cloud OOS chat configuration: a ChatOps bot for DingTalk or WeChat.',
    attributes: {
      id: {
        type: 'string',
        computed: true,
        planModifiers: [useStateForUnknown()],
        description: 'The configuration name; OOS keys chat configurations by name.',
      },
      name: {
        type: 'string',
        required: true,
        planModifiers: [requiresReplace()],
        description: 'Unique name per region and account: OOS keys chat configurations by name.',
        validators: [fromProblem('1 to 128 letters, digits, `-`, `_` or `.`.', nameProblem)],
      },
      type: {
        type: 'string',
        required: true,
        description: 'Chat platform: `DingTalk` or `WeChat`.',
        validators: [fromProblem('`DingTalk` or `WeChat` (case-sensitive).', typeProblem)],
      },
      ram_role: {
        type: 'string',
        optional: true,
        description: 'Name of the RAM role the bot runs operations as, e.g. `AliyunOOSDefaultRole`.',
        validators: [fromProblem('A RAM role name (not its ARN): 1 to 64 letters, digits, `.` or `-`.', ramRoleProblem)],
      },
      template_id: { type: 'string', optional: true, description: 'Bot template id (`<Type>TemplateId` in the Configuration JSON).' },
      client_id: { type: 'string', optional: true, description: 'App client id (`<Type>ClientId` in the Configuration JSON).' },
      client_secret_wo: {
        type: 'string',
        optional: true,
        sensitive: true,
        writeOnly: true,
        description:
          'App client secret, write-only: sent to OOS, never stored in plan or state. Bump `client_secret_wo_version` to push a new value. Conflicts with `client_secret_parameter`.',
        writeOnlyFallback:
          'Use client_secret_parameter instead (the name of an OOS secret parameter holding the secret; in cdktf Secret.fromSecretParameter): it works on every Terraform and OpenTofu version.',
      },
      client_secret: {
        type: 'string',
        optional: true,
        sensitive: true,
        writeOnly: true,
        deprecated: true,
        description: 'Not supported, and refused when set: a client secret never goes into plan or state. Use `client_secret_wo` or `client_secret_parameter`.',
        validators: [
          refusedWhenSet(
            'client_secret is not supported',
            'A client secret set here would be stored in plan and state. Use client_secret_wo with client_secret_wo_version (e.g. from an ephemeral variable: TF_VAR_…), or client_secret_parameter (the name of an OOS secret parameter).',
          ),
        ],
      },
      client_secret_wo_version: {
        type: 'number',
        optional: true,
        description: 'Any number; changing it sends `client_secret_wo` again.',
        validators: [
          requiredWith('client_secret_wo', {
            summary: 'Missing client_secret_wo_version',
            detail:
              'client_secret_wo is write-only, so Terraform cannot see when it changes: set client_secret_wo_version (e.g. 1) and increase it whenever the secret changes.',
          }),
        ],
      },
      client_secret_parameter: {
        type: 'string',
        optional: true,
        description: 'Name of an OOS secret parameter holding the client secret; read with decryption at apply time.',
        validators: [
          fromProblem('An OOS parameter name: 1 to 200 letters, digits, `_`, `.`, `/` or `-`.', secretParameterNameProblem),
          conflictsWith('client_secret_wo', {
            summary: 'Conflicting client secrets',
            detail: 'Set either client_secret_wo (with client_secret_wo_version) or client_secret_parameter, not both.',
          }),
        ],
      },
      client_secret_parameter_version: {
        type: 'number',
        computed: true,
        description: 'Version of `client_secret_parameter` last sent to OOS; a newer version plans an update.',
      },
      extra_configuration: {
        type: ['map', 'string'],
        optional: true,
        description: 'Further non-secret keys of the Configuration JSON, e.g. WeChat settings.',
        validators: [
          eachKey('No key ending in `Secret`.', 'Secret in extra_configuration', (key) =>
            extraConfigurationKeyProblem(undefined, key)?.kind === 'secret'
              ? `"${key}" looks like a secret and would be stored in plan and state: pass it with client_secret_wo or client_secret_parameter instead.`
              : undefined,
          ),
          eachKey('No key derived from `template_id` or `client_id`.', 'Duplicate configuration key', (key, config) =>
            typeof config.type === 'string' && extraConfigurationKeyProblem(config.type, key)?.kind === 'derived'
              ? `"${key}" is set from the template_id/client_id arguments: set it there and remove it from extra_configuration.`
              : undefined,
          ),
        ],
      },
      resource_group_id: {
        type: 'string',
        optional: true,
        computed: true,
        planModifiers: [useStateForUnknown()],
        description: 'Resource group id (`rg-…`); defaults to the account default resource group.',
        validators: [fromProblem('A resource group id: `rg-` then lower-case letters and digits.', resourceGroupProblem)],
      },
      tags: {
        type: ['map', 'string'],
        optional: true,
        description: 'Tags of this configuration; provider `default_tags` are added to them in `tags_all`.',
        validators: [tagLimits],
      },
      tags_all: { type: ['map', 'string'], computed: true, description: 'Tags including the provider `default_tags`.' },
      webhook_url: {
        type: 'string',
        computed: true,
        planModifiers: [useStateForUnknown()],
        description: 'Webhook URL to register in the chat platform (Outputs.URL).',
      },
      aes_key: {
        type: 'string',
        computed: true,
        planModifiers: [useStateForUnknown()],
        sensitive: true,
        description: 'WeChat message encryption key (Outputs.AesKey); null for DingTalk.',
      },
      created_date: { type: 'string', computed: true, planModifiers: [useStateForUnknown()], description: 'Creation time, ISO 8601.' },
      updated_date: { type: 'string', computed: true, planModifiers: [useStateForUnknown()], description: 'Last update time, ISO 8601.' },
    },
    blocks: {
      timeouts: timeoutsBlock(),
    },
  },
});

export type ChatConfigurationModel = ModelOf<typeof chatConfigurationSchema>;
type PlannedChatConfiguration = PlanModelOf<typeof chatConfigurationSchema>;
type AppliedChatConfiguration = AppliedPlanOf<typeof chatConfigurationSchema>;

/** How long a configuration that this provider just created may still be missing on read. */
const CREATE_CONSISTENCY_WINDOW_MS = 10_000;
/** As long as any creation token (owner digests are the longest): the size check at plan time counts it. */
const LONGEST_TOKEN = ownerToken('', '', '');
/** What UpdateChatConfiguration does not carry: tags go through the tag API, timeouts stay with Terraform. */
const NOT_SENT_WITH_UPDATE = ['tags', 'tags_all', 'timeouts'];

/** Private state kept beside the resource: when this provider created it, to ride out read-after-create lag. */
interface PrivateState {
  createdAt?: number;
  /** The create's Configuration may not have landed (an adopted configuration whose update failed): resend it. */
  repair?: boolean;
}

export function chatConfigurationResource(context: ContextSource): ResourceType {
  return defineResource({
    name: CHAT_CONFIGURATION_RESOURCE,
    schema: chatConfigurationSchema,

    async modifyPlan({ prior, planned, config }, diagnostics) {
      planned.tags_all = plannedTagsAll(config.tags, context);
      // Checked here, not only per argument: what OOS receives is these merged and assembled.
      const problems = [...tagsAllProblems(planned.tags_all), ...configurationSizeProblems(config, context().creationToken)];
      if (problems.length > 0) throw new DiagnosticsError(problems);
      diagnostics.add(...(await taggingProblems(planned.tags_all, context())));
      planned.client_secret_parameter_version = await plannedSecretParameterVersion(config.client_secret_parameter, context);
      // OOS keys configurations by name, so the id is the name.
      if (prior === null) planned.id = config.name;
      else if (needsUpdateCall(prior, planned)) planned.updated_date = UNKNOWN;
    },

    async create({ planned, config }, diagnostics) {
      return create(context(), planned, config, operation(context(), planned.timeouts, 'create'), diagnostics);
    },

    async update({ prior, planned, config }) {
      const { client } = context();
      const name = planned.name;
      const call = operation(context(), planned.timeouts, 'update');
      if (needsUpdateCall(prior, planned)) {
        const secret = await secretToSend(context(), prior, planned, config, call);
        await describeFailure(`Updating chat configuration "${name}"`, client.updateChatConfiguration(chatInput(planned, secret, prior), call));
      }
      if (!sameValue(prior.tags_all, planned.tags_all) && (await context().tagging.taggable())) {
        await describeFailure(
          `Updating the tags of chat configuration "${name}"`,
          client.setChatConfigurationTags(name, stringMap(planned.tags_all) ?? {}, stringMap(prior.tags_all) ?? {}, call),
        );
      }
      const remote = await describeFailure(`Reading chat configuration "${name}" after update`, client.getChatConfiguration(name, call));
      // Updated as planned: a repair the create left pending is done.
      return { values: attributesFromRemote(remote, false), private: Buffer.alloc(0) };
    },

    async delete(state) {
      await deleteIgnoringMissing(context(), state.name, operation(context(), state.timeouts, 'delete'));
      await context().creations.settle(context().client.regionId, state.name);
    },

    async read({ state, private: privateBytes }) {
      const ctx = context();
      const name = state.name;
      const { createdAt, repair } = parsePrivate(privateBytes);
      const call = operation(ctx, state.timeouts, 'read');
      const graceMs = createdAt === undefined ? 0 : Math.max(0, CREATE_CONSISTENCY_WINDOW_MS - (Date.now() - createdAt));
      const taggable = await ctx.tagging.taggable();
      // One round trip instead of two: the latency is what counts against real OOS.
      const tagsRead = taggable ? ctx.client.getChatConfigurationTags(name, call) : undefined;
      tagsRead?.catch(() => undefined); // awaited below; left unobserved only when the configuration is gone
      const firstTry = await getConfiguration(ctx, name, 0, call);
      // Just created and not visible yet: wait for it, then read its tags again (they may have lagged too).
      const remote = firstTry ?? (graceMs > 0 ? await getConfiguration(ctx, name, graceMs, call) : null);
      // Terraform read this configuration from its saved state: its create no longer needs the journal.
      if (createdAt !== undefined) await ctx.creations.settle(ctx.client.regionId, name);
      if (remote === null) return { state: null };
      // With tags kept out of OOS, the state's tags are the only record of them: keep them.
      const tagValues = taggable
        ? tagsFromRemote(
            await describeFailure(
              `Reading the tags of chat configuration "${name}"`,
              (firstTry && tagsRead) || ctx.client.getChatConfigurationTags(name, call),
            ),
            state.tags,
            ctx,
          )
        : { tags: state.tags, tags_all: state.tags_all };
      const refreshed = { ...state, ...attributesFromRemote(remote, state.extra_configuration !== null), ...tagValues };
      // Found: the read-after-create window no longer matters. A create that could not finish its
      // Configuration leaves its secret unknown to OOS's masked read: forgetting which secret
      // version was sent makes the next plan an in-place update that sends it again.
      if (!repair) return { state: refreshed, private: Buffer.alloc(0) };
      return { state: { ...refreshed, client_secret_wo_version: null, client_secret_parameter_version: null }, private: privateBytes };
    },

    async importState(id) {
      const ctx = context();
      const remote = await getConfiguration(ctx, id, 0);
      if (remote === null) {
        throw new DiagnosticsError([
          errorDiagnostic(
            'Cannot import a chat configuration that does not exist',
            `No chat configuration named "${id}" exists in region ${ctx.client.regionId}. Import takes the configuration's name; check the name and the provider's region.`,
          ),
        ]);
      }
      if (!(await ctx.tagging.taggable())) return { state: { ...attributesFromRemote(remote, false), name: id } };
      const remoteTags = await describeFailure(`Reading the tags of chat configuration "${id}"`, ctx.client.getChatConfigurationTags(id));
      return { state: { ...attributesFromRemote(remote, false), name: id, ...tagsFromRemote(remoteTags, null, ctx) } };
    },
  });
}

// ---- plan helpers -------------------------------------------------------------------------

function needsUpdateCall(prior: ChatConfigurationModel, planned: PlannedChatConfiguration | AppliedChatConfiguration): boolean {
  return changedAttributes(prior, planned).some((attribute) => !NOT_SENT_WITH_UPDATE.includes(attribute));
}

/** tags_all is the provider's default tags overlaid with the resource's own. */
function plannedTagsAll(tags: PlannedChatConfiguration['tags'], context: ContextSource): { [key: string]: string } | null | UnknownValue {
  if (!isWhollyKnownMap(tags)) return UNKNOWN;
  const merged = { ...context().defaultTags, ...(stringMap(tags) ?? {}) };
  return Object.keys(merged).length === 0 ? null : merged;
}

/** tags_all breaks OOS's limits even when `tags` alone does not: the provider's default_tags count too. */
function tagsAllProblems(tagsAll: PlannedChatConfiguration['tags_all']): Diagnostic[] {
  if (tagsAll === null || isUnknown(tagsAll)) return [];
  return tagProblems(stringMap(tagsAll) ?? {}).map((problem) =>
    errorDiagnostic('Invalid tags', `With the provider's default_tags, ${problem} Change tags here or default_tags in the provider block.`, path('tags')),
  );
}

/**
 * Tags that OOS cannot hold stop the plan in `auto` (before anything is created) and are a
 * warning with `off`; the answer comes from one probe per process (tagging.ts).
 */
async function taggingProblems(tagsAll: PlannedChatConfiguration['tags_all'], ctx: ProviderContext): Promise<Diagnostic[]> {
  if (tagsAll === null) return [];
  const support = await ctx.tagging.support();
  if (support.taggable) return [];
  if (ctx.tagging.mode === 'off') {
    return [
      warningDiagnostic(
        'Tags are not sent to OOS',
        'The provider setting tagging = "off" keeps tags and tags_all in Terraform\'s plan and state only: OOS, its console and its tag-based permissions do not see them.',
        path('tags'),
      ),
    ];
  }
  throw new DiagnosticsError([errorDiagnostic('Chat configuration tags are not supported here', ctx.tagging.refusalDetail(support.refusal), path('tags'))]);
}

/**
 * The Configuration JSON OOS will receive (secret and creation token included) must fit OOS's
 * 16 KiB, or the create fails only at apply. Unknown parts wait until apply.
 */
function configurationSizeProblems(config: PlannedChatConfiguration, withToken: boolean): Diagnostic[] {
  const { type, template_id, client_id, client_secret_wo, extra_configuration } = config;
  const known = [type, template_id, client_id, client_secret_wo].every((value) => !isUnknown(value)) && isWhollyKnownMap(extra_configuration);
  if (!known || typeof type !== 'string') return [];
  const assembled = assembleConfiguration(type, {
    templateId: typeof template_id === 'string' ? template_id : undefined,
    clientId: typeof client_id === 'string' ? client_id : undefined,
    clientSecret: typeof client_secret_wo === 'string' ? client_secret_wo : SECRET_MASK,
    extra: stringMap(extra_configuration) ?? undefined,
  });
  const problem = configurationLengthProblem(JSON.stringify(withToken ? { ...assembled, [CREATION_TOKEN_KEY]: LONGEST_TOKEN } : assembled));
  return problem ? [errorDiagnostic('Configuration too large', `${problem} Most of it comes from extra_configuration.`, path('extra_configuration'))] : [];
}

/**
 * The secret parameter's current version, looked up at plan time so that a rotation plans an
 * update. Apply then reads exactly this version.
 */
async function plannedSecretParameterVersion(parameter: string | null | UnknownValue, context: ContextSource): Promise<number | null | UnknownValue> {
  if (parameter === null) return null;
  if (isUnknown(parameter)) return UNKNOWN;
  try {
    const found = await context().client.getSecretParameter(parameter, { withDecryption: false });
    return found.parameterVersion;
  } catch (error) {
    if (isNotFound(error)) {
      throw new DiagnosticsError([
        errorDiagnostic(
          'Secret parameter not found',
          `The OOS secret parameter "${parameter}" does not exist in region ${context().client.regionId}. Create it first (e.g. with alicloud_oos_secret_parameter or the console), or correct client_secret_parameter.`,
          path('client_secret_parameter'),
        ),
      ]);
    }
    throw error;
  }
}

// ---- apply helpers ------------------------------------------------------------------------

async function create(ctx: ProviderContext, planned: AppliedChatConfiguration, config: ChatConfigurationModel, call: CallOptions, diagnostics: Diagnostics) {
  const name = planned.name;
  const region = ctx.client.regionId;
  const secret = await secretToSend(ctx, null, planned, config, call);
  // Marked before the call: if this process dies mid-create, the next apply recognises the
  // configuration by its token (see creation-marks.ts).
  const creation = await ctx.creations.begin(region, name);
  const input = creation.token === undefined ? chatInput(planned, secret) : withCreationToken(chatInput(planned, secret), creation.token);
  let adopted = false;
  try {
    await ctx.client.createChatConfiguration(input, call);
  } catch (error) {
    if (!isAlreadyExists(error)) throw createFailure(name, error, creation.token !== undefined);
    // Only a configuration carrying our token is ours: an earlier attempt of this create whose
    // answer never arrived, or an earlier apply of this stack that died before saving state.
    // Anything else was made by someone else (another stack, a person) and must not be taken over.
    const existing = await getConfiguration(ctx, name, 0, call);
    if (creation.token === undefined || existing?.configuration[CREATION_TOKEN_KEY] !== creation.token) throw alreadyExists(name, region, ctx);
    adopted = true;
  }
  // From here on the configuration exists. Terraform taints a resource whose create returns an
  // error, and the next apply would replace it, which costs the bot its webhook URL. So a failure
  // now is a warning with success: the configuration enters the state as planned, and the next
  // refresh shows what is missing (tags differ; a Configuration whose update did not land forgets
  // its secret version), which the next plan repairs with an in-place update.
  const pending = (cause: unknown, repair: boolean): Written<typeof chatConfigurationSchema> => {
    diagnostics.warning(
      `Chat configuration "${name}" was created but not finished`,
      `${errorMessage(cause)}. The configuration exists in OOS and is kept in Terraform's state, so its webhook URL stays valid; ` +
        `the next terraform apply finishes it in place (the plan shows an update, not a replacement).`,
    );
    return { values: { id: name }, private: privateBytes({ createdAt: creation.startedAt, ...(repair ? { repair } : {}) }) };
  };
  if (adopted) {
    try {
      await describeFailure(`Updating adopted chat configuration "${name}"`, ctx.client.updateChatConfiguration(input, call));
    } catch (error) {
      return pending(error, true);
    }
  }
  // Tagging and reading back are independent: one round trip instead of two against real OOS.
  const tags = stringMap(planned.tags_all) ?? {};
  const [read, tagged] = await Promise.allSettled([
    getConfiguration(ctx, name, CREATE_CONSISTENCY_WINDOW_MS, call),
    Object.keys(tags).length > 0 && (await ctx.tagging.taggable())
      ? describeFailure(`Tagging chat configuration "${name}"`, ctx.client.setChatConfigurationTags(name, tags, {}, call))
      : undefined,
  ]);
  if (read.status === 'rejected') return pending(read.reason, false);
  if (read.value === null) return pending(`Chat configuration "${name}" could not be read back within ${CREATE_CONSISTENCY_WINDOW_MS / 1000} s`, false);
  const values = attributesFromRemote(read.value, false);
  if (tagged.status === 'rejected') return { ...pending(tagged.reason, false), values };
  return { values, private: privateBytes({ createdAt: creation.startedAt }) };
}

function withCreationToken(input: ChatConfigurationInput, token: string): ChatConfigurationInput {
  return { ...input, configuration: { ...input.configuration, [CREATION_TOKEN_KEY]: token } };
}

/**
 * A refused create. When OOS refused the Configuration and it carried the provider's creation
 * token, the token is the likely cause (OOS does not document accepting keys it does not know):
 * say which setting removes it. Nothing is retried without the token, because the token is what
 * makes a later "already exists" safe to adopt.
 */
function createFailure(name: string, error: unknown, tokenSent: boolean): Error {
  const message = `Creating chat configuration "${name}" failed: ${errorMessage(error)}`;
  if (!tokenSent || !refusesConfiguration(error)) return new Error(message);
  return new DiagnosticsError([
    errorDiagnostic(
      'OOS refused the Configuration',
      `${message}. The Configuration JSON also carried the provider's creation token (key ${CREATION_TOKEN_KEY}), which OOS may not accept. ` +
        `If the rest of the configuration is valid, set creation_token = false in the provider block; a create whose answer is lost then needs an import ` +
        `instead of being recognised (see the provider documentation). Nothing was sent without the token.`,
    ),
  ]);
}

function refusesConfiguration(error: unknown): boolean {
  return error instanceof OosApiError && error.code.startsWith('InvalidParameter') && /configuration/i.test(`${error.code} ${error.serverMessage}`);
}

function alreadyExists(name: string, region: string, ctx: ProviderContext): DiagnosticsError {
  const owner = ctx.creations instanceof OwnerMarks ? `this stack (owner "${ctx.creations.owner}")` : 'this Terraform working directory';
  const whyNotRecognised = ctx.creationToken ? `it was not created by ${owner}` : 'creation_token = false, so the provider cannot tell whether it made it';
  return new DiagnosticsError([
    errorDiagnostic(
      'Chat configuration already exists',
      `A chat configuration named "${name}" already exists in region ${region}, and ${whyNotRecognised} ` +
        `(another stack, another checkout or a person may have made it). To manage it here, import it instead of creating it, after making sure no other state manages it: ` +
        `with Terraform, terraform import <resource address> ${name}  (or an import block: import { to = <resource address>, id = "${name}" }); ` +
        `with cdktf, call importFrom("${name}") on the construct's resource (e.g. bot.resource.importFrom("${name}")), run cdktf deploy, then remove the call ` +
        `(or run terraform import in cdktf.out/stacks/<stack>). To create a separate one, choose another name.`,
      path('name'),
    ),
  ]);
}

/**
 * The client secret to send: a new value when its version moved (or on create), otherwise the mask,
 * which OOS takes for "keep the stored secret".
 */
async function secretToSend(
  ctx: ProviderContext,
  prior: ChatConfigurationModel | null,
  planned: AppliedChatConfiguration,
  config: ChatConfigurationModel,
  call: CallOptions,
): Promise<string | undefined> {
  // A new platform stores the secret under a new key (<Type>ClientSecret), so the mask cannot keep it.
  const fresh = prior === null || prior.type !== planned.type;
  if (typeof config.client_secret_wo === 'string') {
    const pushed = fresh || !sameValue(prior.client_secret_wo_version, planned.client_secret_wo_version);
    return pushed ? config.client_secret_wo : SECRET_MASK;
  }
  const parameter = planned.client_secret_parameter;
  if (typeof parameter === 'string') {
    const version = planned.client_secret_parameter_version;
    const unchanged = !fresh && prior.client_secret_parameter === parameter && sameValue(prior.client_secret_parameter_version, version);
    if (unchanged) return SECRET_MASK;
    const found = await describeFailure(
      `Reading secret parameter "${parameter}"`,
      ctx.client.getSecretParameter(parameter, { ...call, withDecryption: true, parameterVersion: typeof version === 'number' ? version : undefined }),
    );
    return found.value;
  }
  // No secret argument: send none on create; on update keep whatever secret OOS already holds
  // (the mask means "keep"), and send none if it holds none.
  if (prior === null) return undefined;
  const remote = await describeFailure(`Reading chat configuration "${planned.name}"`, ctx.client.getChatConfiguration(planned.name, call));
  return configurationKeys(planned.type).clientSecret in remote.configuration ? SECRET_MASK : undefined;
}

/** The Create/Update input; on update, a RAM role removed from the configuration is sent empty ("") to clear it. */
function chatInput(planned: AppliedChatConfiguration, secret: string | undefined, prior: ChatConfigurationModel | null = null): ChatConfigurationInput {
  const type = chatPlatform(planned.type);
  const configuration = assembleConfiguration(type, {
    templateId: planned.template_id ?? undefined,
    clientId: planned.client_id ?? undefined,
    clientSecret: secret,
    extra: planned.extra_configuration ?? undefined,
  });
  return {
    name: planned.name,
    type,
    ramRole: planned.ram_role ?? (typeof prior?.ram_role === 'string' ? '' : undefined),
    configuration,
    resourceGroupId: typeof planned.resource_group_id === 'string' ? planned.resource_group_id : undefined,
  };
}

async function deleteIgnoringMissing(ctx: ProviderContext, name: string, call: CallOptions): Promise<void> {
  try {
    await ctx.client.deleteChatConfiguration(name, call);
  } catch (error) {
    if (!isNotFound(error)) throw new Error(`Deleting chat configuration "${name}" failed: ${errorMessage(error)}`);
  }
}

// ---- read helpers -------------------------------------------------------------------------

/** Gets a configuration; null when it does not exist (after waiting up to `graceMs` for it to appear). */
async function getConfiguration(ctx: ProviderContext, name: string, graceMs: number, call: CallOptions = {}): Promise<ChatConfiguration | null> {
  const deadline = Date.now() + graceMs;
  for (let delay = 250; ; delay = Math.min(delay * 2, 4000)) {
    try {
      return await ctx.client.getChatConfiguration(name, call);
    } catch (error) {
      if (!isNotFound(error)) throw new Error(`Reading chat configuration "${name}" failed: ${errorMessage(error)}`);
      if (Date.now() + delay > deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Remote tags split like Terraform users expect: `tags_all` is everything; `tags` is what the
 * resource manages itself (its own keys, and any key that is not a provider default).
 */
function tagsFromRemote(remoteTags: { [key: string]: string }, ownTags: { [key: string]: string } | null, ctx: ProviderContext) {
  const ownKeys = new Set(Object.keys(ownTags ?? {}));
  const tags: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(remoteTags)) {
    if (ownKeys.has(key) || !(key in ctx.defaultTags)) tags[key] = value;
  }
  return {
    tags: mapOrNull(tags, ownTags !== null),
    tags_all: mapOrNull(remoteTags, false),
  };
}

function privateBytes(state: PrivateState): Buffer {
  return Buffer.from(JSON.stringify(state));
}

function parsePrivate(bytes: Buffer): PrivateState {
  if (bytes.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return {};
    const fields: { createdAt?: unknown; repair?: unknown } = parsed;
    return {
      ...(typeof fields.createdAt === 'number' ? { createdAt: fields.createdAt } : {}),
      ...(fields.repair === true ? { repair: true } : {}),
    };
  } catch {
    return {};
  }
}
