import type { CallOptions, ChatConfiguration, ChatConfigurationInput } from '../../oos';
import { OosApiError, isAlreadyExists, isNotFound } from '../../oos/errors';
import {
  CHAT_CONFIGURATION_RESOURCE,
  SECRET_MASK,
  configurationKeys,
  extraConfigurationKeyProblem,
  configurationLengthProblem,
  nameProblem,
  ramRoleProblem,
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
  path,
  refusedWhenSet,
  requiredWith,
  requiresReplace,
  sameValue,
  stringMap,
  useStateForUnknown,
} from '../../tfplugin';
import { assembleConfiguration, attributesFromRemote, chatPlatform } from '../chat-configuration-mapping';
import type { ContextSource, ProviderContext } from '../context';
import { CREATION_TOKEN_KEY, OwnerMarks, ownerToken } from '../creation-marks';
import { dateAttributes, resourceGroupIdAttribute, tagAttributes } from '../common-attributes';
import { describeFailure, errorMessage, importNotFound, nameTaken, nullIfNotFound } from '../failures';
import { planTagsAll, refreshedTags, updateTags } from '../resource-tags';
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
        optional: true,
        computed: true,
        description:
          'Version of `client_secret_parameter` to send. By default its current version, looked up at plan, so that a newer version plans an update. ' +
          'Set it to `oos_secret_parameter.<name>.parameter_version` when this configuration also makes the parameter: the lookup then waits for apply, after the parameter is created or given a new value, and the bot gets that version in the same apply.',
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
      resource_group_id: resourceGroupIdAttribute,
      ...tagAttributes('configuration'),
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
      ...dateAttributes,
    },
    blocks: {
      timeouts: timeoutsBlock(),
    },
  },
});

export type ChatConfigurationModel = ModelOf<typeof chatConfigurationSchema>;
type PlannedChatConfiguration = PlanModelOf<typeof chatConfigurationSchema>;
type AppliedChatConfiguration = AppliedPlanOf<typeof chatConfigurationSchema>;

/** How tag messages name these resources; their ResourceType is the provider's `tag_resource_type`. */
const CHAT_CONFIGURATIONS = { thing: 'Chat configuration', things: 'chat configurations' };
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
      // Checked here, not only per argument: what OOS receives is these merged and assembled.
      diagnostics.add(...configurationSizeProblems(config, context().creationToken));
      planned.tags_all = await planTagsAll(config.tags, context(), CHAT_CONFIGURATIONS, diagnostics);
      if (diagnostics.hasErrors) return;
      planned.client_secret_parameter_version = await plannedSecretParameterVersion(config, context);
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
      await updateTags(context(), CHAT_CONFIGURATIONS, name, prior.tags_all, planned.tags_all, call);
      const remote = await describeFailure(`Reading chat configuration "${name}" after update`, client.getChatConfiguration(name, call));
      // Updated as planned: a repair the create left pending is done.
      return { values: attributesFromRemote(remote, false), private: Buffer.alloc(0) };
    },

    async delete(state) {
      const deletion = context().client.deleteChatConfiguration(state.name, operation(context(), state.timeouts, 'delete'));
      await nullIfNotFound(`Deleting chat configuration "${state.name}"`, deletion);
      await context().creations.settle(context().client.regionId, state.name);
    },

    async read({ state, private: privateBytes }) {
      const ctx = context();
      const name = state.name;
      const { createdAt, repair } = parsePrivate(privateBytes);
      const call = operation(ctx, state.timeouts, 'read');
      const graceMs = createdAt === undefined ? 0 : Math.max(0, CREATE_CONSISTENCY_WINDOW_MS - (Date.now() - createdAt));
      // One round trip instead of two: the latency is what counts against real OOS.
      const tagsRead = (await ctx.tagging.taggable()) ? ctx.client.getChatConfigurationTags(name, call) : undefined;
      tagsRead?.catch(() => undefined); // awaited below; left unobserved only when the configuration is gone
      const firstTry = await getConfiguration(ctx, name, 0, call);
      // Just created and not visible yet: wait for it, then read its tags again (they may have lagged too).
      const remote = firstTry ?? (graceMs > 0 ? await getConfiguration(ctx, name, graceMs, call) : null);
      // Terraform read this configuration from its saved state: its create no longer needs the journal.
      if (createdAt !== undefined) await ctx.creations.settle(ctx.client.regionId, name);
      if (remote === null) return { state: null };
      const tagValues = await refreshedTags(ctx, CHAT_CONFIGURATIONS, state, () =>
        describeFailure(`Reading the tags of chat configuration "${name}"`, (firstTry && tagsRead) || ctx.client.getChatConfigurationTags(name, call)),
      );
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
      if (remote === null) throw importNotFound('chat configuration', id, ctx.client.regionId);
      const tags = await refreshedTags(ctx, CHAT_CONFIGURATIONS, null, () =>
        describeFailure(`Reading the tags of chat configuration "${id}"`, ctx.client.getChatConfigurationTags(id)),
      );
      return { state: { ...attributesFromRemote(remote, false), name: id, ...tags } };
    },
  });
}

// ---- plan helpers -------------------------------------------------------------------------

function needsUpdateCall(prior: ChatConfigurationModel, planned: PlannedChatConfiguration | AppliedChatConfiguration): boolean {
  return changedAttributes(prior, planned).some((attribute) => !NOT_SENT_WITH_UPDATE.includes(attribute));
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
 * The secret parameter version to send. Configured: that version, unknown while an
 * oos_secret_parameter of the same configuration makes it (then planned again at apply, when it is
 * known). Else the current version, looked up now, so that a rotation plans an update. Apply then
 * reads exactly this version. A known name is looked up at plan, so a wrong one fails the plan.
 */
async function plannedSecretParameterVersion(config: PlannedChatConfiguration, context: ContextSource): Promise<number | null | UnknownValue> {
  const { client_secret_parameter: parameter, client_secret_parameter_version: configured } = config;
  if (parameter === null && configured !== null) {
    const detail = 'client_secret_parameter_version names a version of client_secret_parameter: set client_secret_parameter too, or remove the version.';
    throw new DiagnosticsError([errorDiagnostic('Missing client_secret_parameter', detail, path('client_secret_parameter_version'))]);
  }
  if (parameter === null) return null;
  if (isUnknown(parameter) || isUnknown(configured)) return configured ?? UNKNOWN;
  try {
    const found = await context().client.getSecretParameter(parameter, { withDecryption: false, parameterVersion: configured ?? undefined });
    return found.parameterVersion;
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const what = configured === null ? `The OOS secret parameter "${parameter}"` : `Version ${configured} of the OOS secret parameter "${parameter}"`;
    const detail =
      `${what} does not exist in region ${context().client.regionId}. Create it first (the console, or an oos_secret_parameter applied before), or correct client_secret_parameter. ` +
      'If an oos_secret_parameter of this configuration creates it, set client_secret_parameter_version = oos_secret_parameter.<name>.parameter_version (in cdktf Secret.fromSecretParameter(<SecretParameter>) does): the lookup then waits for apply.';
    throw new DiagnosticsError([errorDiagnostic('Secret parameter not found', detail, path('client_secret_parameter'))]);
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
  return nameTaken('chat configuration', name, region, whyNotRecognised, 'bot');
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
