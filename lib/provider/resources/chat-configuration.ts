import type { ChatConfiguration, ChatConfigurationInput, ChatPlatform } from '../../oos';
import { OosApiError, isAlreadyExists, isNotFound } from '../../oos/errors';
import { SECRET_MASK, configurationKeys, isSecretKey, nameProblem, ramRoleProblem, resourceGroupProblem, tagProblems, typeProblem } from '../../domain';
import type { ContextSource, ProviderContext } from '../provider';
import { AttributePath, CtyValue, Diagnostic, DiagnosticsError, ObjectValue, ResourceType, Schema, UNKNOWN, errorDiagnostic, isUnknown, path } from '../schema';
import { assembleConfiguration, attributesFromRemote } from '../chat-configuration-mapping';
import { isKnown, isWhollyKnownMap, mapOrNull, sameValue, stringMap } from '../values';

/** Terraform type name of the chat configuration resource. */
export const CHAT_CONFIGURATION_RESOURCE = 'oos_chat_configuration';

/** Schema of `oos_chat_configuration`: one OOS chat configuration (a ChatOps bot). */
export const chatConfigurationSchema: Schema = {
  version: 1,
  block: {
    description: 'An Alibaba Cloud OOS chat configuration: a ChatOps bot for DingTalk or WeChat.',
    attributes: {
      id: { type: 'string', computed: true, description: 'The configuration name; OOS keys chat configurations by name.' },
      name: {
        type: 'string',
        required: true,
        description: 'Unique name per region and account, 1-128 letters, digits, `-`, `_` or `.`. Changing it replaces the configuration.',
      },
      type: { type: 'string', required: true, description: 'Chat platform: `DingTalk` or `WeChat`.' },
      ram_role: { type: 'string', optional: true, description: 'Name of the RAM role the bot runs operations as, e.g. `AliyunOOSDefaultRole`.' },
      template_id: { type: 'string', optional: true, description: 'Bot template id (`<Type>TemplateId` in the Configuration JSON).' },
      client_id: { type: 'string', optional: true, description: 'App client id (`<Type>ClientId` in the Configuration JSON).' },
      client_secret_wo: {
        type: 'string',
        optional: true,
        sensitive: true,
        writeOnly: true,
        description:
          'App client secret, write-only: sent to OOS, never stored in plan or state. Bump `client_secret_wo_version` to push a new value. Conflicts with `client_secret_parameter`.',
      },
      client_secret_wo_version: {
        type: 'number',
        optional: true,
        description: 'Any number; changing it sends `client_secret_wo` again. Required with `client_secret_wo`.',
      },
      client_secret_parameter: {
        type: 'string',
        optional: true,
        description: 'Name of an OOS secret parameter holding the client secret; read with decryption at apply time. Conflicts with `client_secret_wo`.',
      },
      client_secret_parameter_version: {
        type: 'number',
        computed: true,
        description: 'Version of `client_secret_parameter` last sent to OOS; a newer version plans an update.',
      },
      extra_configuration: {
        type: ['map', 'string'],
        optional: true,
        description: 'Further non-secret keys of the Configuration JSON, e.g. WeChat settings. Keys ending in `Secret` are refused.',
      },
      resource_group_id: {
        type: 'string',
        optional: true,
        computed: true,
        description: 'Resource group id (`rg-…`); defaults to the account default resource group.',
      },
      tags: {
        type: ['map', 'string'],
        optional: true,
        description: 'Tags of this configuration: at most 20, keys up to 128 characters, no `aliyun` or `acs:` prefix.',
      },
      tags_all: { type: ['map', 'string'], computed: true, description: 'Tags including the provider `default_tags`.' },
      webhook_url: { type: 'string', computed: true, description: 'Webhook URL to register in the chat platform (Outputs.URL).' },
      aes_key: { type: 'string', computed: true, sensitive: true, description: 'WeChat message encryption key (Outputs.AesKey); null for DingTalk.' },
      created_date: { type: 'string', computed: true, description: 'Creation time, ISO 8601.' },
      updated_date: { type: 'string', computed: true, description: 'Last update time, ISO 8601.' },
    },
  },
};

/** How long a configuration that this provider just created may still read as missing. */
const CREATE_CONSISTENCY_WINDOW_MS = 10_000;
/** How far a found CreatedDate may lie before our Create call and still count as ours (clock skew). */
const ADOPTION_CLOCK_SKEW_MS = 30_000;

/** Arguments whose change is sent with UpdateChatConfiguration. */
const UPDATABLE_ARGUMENTS = [
  'type',
  'ram_role',
  'template_id',
  'client_id',
  'extra_configuration',
  'resource_group_id',
  'client_secret_wo_version',
  'client_secret_parameter',
];
/** Attributes only OOS knows before apply; unknown in a create plan. */
const COMPUTED_ON_CREATE = ['id', 'webhook_url', 'aes_key', 'created_date', 'updated_date'];

/** Private state kept beside the resource: when this provider created it, to ride out read-after-create lag. */
interface PrivateState {
  createdAt?: number;
}

export function chatConfigurationResource(context: ContextSource): ResourceType {
  return {
    name: CHAT_CONFIGURATION_RESOURCE,
    schema: chatConfigurationSchema,
    validate: validateChatConfiguration,

    async plan({ priorState, proposedNewState, config }) {
      if (proposedNewState === null || config === null) return { plannedState: null };
      const planned: ObjectValue = { ...proposedNewState, client_secret_wo: null };
      planned.tags_all = plannedTagsAll(config.tags, context);
      planned.client_secret_parameter_version = await plannedSecretParameterVersion(config, context);

      // A new name is a new configuration: OOS keys them by name.
      const replacing = priorState !== null && !sameValue(priorState.name, planned.name);
      if (priorState === null || replacing) {
        for (const attribute of COMPUTED_ON_CREATE) planned[attribute] = UNKNOWN;
        if (isKnown(config.name)) planned.id = config.name;
        if (config.resource_group_id === null) planned.resource_group_id = UNKNOWN;
        return replacing ? { plannedState: planned, requiresReplace: [path('name')] } : { plannedState: planned };
      }
      if (needsUpdateCall(priorState, planned)) planned.updated_date = UNKNOWN;
      return { plannedState: planned };
    },

    async apply({ priorState, plannedState, config }) {
      const { client } = context();
      if (plannedState === null) {
        await deleteIgnoringMissing(context(), priorState!.name as string);
        return { newState: null };
      }
      if (priorState === null) return create(context(), plannedState, config!);

      const name = plannedState.name as string;
      if (needsUpdateCall(priorState, plannedState)) {
        const secret = await secretToSend(context(), priorState, plannedState, config!);
        await describeFailure(`Updating chat configuration "${name}"`, client.updateChatConfiguration(chatInput(plannedState, secret, priorState)));
      }
      if (!sameValue(priorState.tags_all, plannedState.tags_all)) {
        await describeFailure(
          `Updating the tags of chat configuration "${name}"`,
          client.setChatConfigurationTags(name, stringMap(plannedState.tags_all) ?? {}, stringMap(priorState.tags_all) ?? {}),
        );
      }
      const remote = await describeFailure(`Reading chat configuration "${name}" after update`, client.getChatConfiguration(name));
      return { newState: fillUnknowns(plannedState, remote) };
    },

    async read({ currentState, private: privateBytes }) {
      const ctx = context();
      const name = currentState.name as string;
      const createdAt = parsePrivate(privateBytes).createdAt;
      const recentlyCreated = createdAt !== undefined && Date.now() - createdAt < CREATE_CONSISTENCY_WINDOW_MS;
      const graceMs = recentlyCreated ? CREATE_CONSISTENCY_WINDOW_MS - (Date.now() - createdAt!) : 0;
      // One round trip instead of two (it is the latency that counts against real OOS), unless the
      // configuration may still be appearing and its tags with it.
      const tagsRead = graceMs === 0 ? ctx.client.getChatConfigurationTags(name) : undefined;
      tagsRead?.catch(() => undefined); // awaited below; left unobserved only when the configuration is gone
      const remote = await getConfiguration(ctx, name, graceMs);
      if (remote === null) return { newState: null };
      const remoteTags = await describeFailure(`Reading the tags of chat configuration "${name}"`, tagsRead ?? ctx.client.getChatConfigurationTags(name));
      return {
        newState: {
          ...currentState,
          ...attributesFromRemote(remote, currentState.extra_configuration !== null),
          ...tagsFromRemote(remoteTags, currentState, ctx),
        },
        private: recentlyCreated ? privateBytes : Buffer.alloc(0),
      };
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
      const state = emptyState();
      state.name = id;
      const remoteTags = await describeFailure(`Reading the tags of chat configuration "${id}"`, ctx.client.getChatConfigurationTags(id));
      return { state: { ...state, ...attributesFromRemote(remote, false), ...tagsFromRemote(remoteTags, state, ctx) } };
    },

    upgradeState(_version, rawState) {
      // Versions 0 and 1 share one layout; filling absent attributes with null covers both.
      const state = emptyState();
      for (const name of Object.keys(state)) {
        if (name in rawState) state[name] = rawState[name] as CtyValue;
      }
      state.client_secret_wo = null;
      return state;
    },
  };
}

// ---- plan helpers -------------------------------------------------------------------------

function needsUpdateCall(prior: ObjectValue, planned: ObjectValue): boolean {
  return (
    UPDATABLE_ARGUMENTS.some((attribute) => !sameValue(prior[attribute], planned[attribute])) ||
    !sameValue(prior.client_secret_parameter_version, planned.client_secret_parameter_version)
  );
}

/** tags_all is the provider's default tags overlaid with the resource's own. */
function plannedTagsAll(tags: CtyValue, context: ContextSource): CtyValue {
  if (!isWhollyKnownMap(tags)) return UNKNOWN;
  const merged = { ...context().defaultTags, ...(stringMap(tags) ?? {}) };
  return Object.keys(merged).length === 0 ? null : merged;
}

/**
 * The secret parameter's current version, looked up at plan time so that a rotation shows as an
 * update. Apply then reads exactly this version.
 */
async function plannedSecretParameterVersion(config: ObjectValue, context: ContextSource): Promise<CtyValue> {
  const parameter = config.client_secret_parameter;
  if (parameter === null) return null;
  if (isUnknown(parameter)) return UNKNOWN;
  try {
    const found = await context().client.getSecretParameter(parameter as string, { withDecryption: false });
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

async function create(ctx: ProviderContext, planned: ObjectValue, config: ObjectValue) {
  const name = planned.name as string;
  const secret = await secretToSend(ctx, null, planned, config);
  const input = chatInput(planned, secret);
  const startedAt = Date.now();
  try {
    await ctx.client.createChatConfiguration(input);
  } catch (error) {
    if (!isAlreadyExists(error)) throw new Error(`Creating chat configuration "${name}" failed: ${(error as Error).message}`);
    // Only a retried Create can meet itself: its first attempt landed but the answer was lost.
    // Then the configuration is ours when it matches what we sent and was created just now.
    const retried = error instanceof OosApiError && (error.attempt ?? 1) > 1;
    const existing = retried ? await getConfiguration(ctx, name, 0) : null;
    if (!existing || !isOurInterruptedCreate(existing, input, startedAt)) {
      throw new DiagnosticsError([
        errorDiagnostic(
          'Chat configuration already exists',
          `A chat configuration named "${name}" already exists in region ${ctx.client.regionId}. To manage it with Terraform, import it instead of creating it: ` +
            `terraform import <resource address> ${name}  (or an import block: import { to = <resource address>, id = "${name}" }). ` +
            `To create a separate one, choose another name.`,
          path('name'),
        ),
      ]);
    }
    await describeFailure(`Updating adopted chat configuration "${name}"`, ctx.client.updateChatConfiguration(input));
  }
  // Tagging and reading back are independent: one round trip instead of two against real OOS.
  const tags = stringMap(planned.tags_all) ?? {};
  const [remote] = await Promise.all([
    getConfiguration(ctx, name, CREATE_CONSISTENCY_WINDOW_MS),
    Object.keys(tags).length > 0 ? describeFailure(`Tagging chat configuration "${name}"`, ctx.client.setChatConfigurationTags(name, tags, {})) : undefined,
  ]);
  if (remote === null) throw new Error(`Chat configuration "${name}" was created but could not be read back within ${CREATE_CONSISTENCY_WINDOW_MS / 1000} s.`);
  const privateState: PrivateState = { createdAt: startedAt };
  return { newState: fillUnknowns(planned, remote), private: Buffer.from(JSON.stringify(privateState)) };
}

function isOurInterruptedCreate(existing: ChatConfiguration, input: ChatConfigurationInput, startedAt: number): boolean {
  const created = Date.parse(existing.createdDate);
  const sentKeys = Object.keys(input.configuration ?? {}).filter((key) => !isSecretKey(key));
  return (
    existing.type === input.type &&
    (existing.ramRole || undefined) === input.ramRole &&
    sentKeys.every((key) => existing.configuration[key] === input.configuration![key]) &&
    Number.isFinite(created) &&
    created >= startedAt - ADOPTION_CLOCK_SKEW_MS
  );
}

/**
 * The client secret to send: a new value when its version moved (or on create), otherwise the mask,
 * which OOS reads as "keep the stored secret".
 */
async function secretToSend(ctx: ProviderContext, prior: ObjectValue | null, planned: ObjectValue, config: ObjectValue): Promise<string | undefined> {
  // A new platform stores the secret under a new key (<Type>ClientSecret), so the mask cannot keep it.
  const fresh = prior === null || !sameValue(prior.type, planned.type);
  if (isKnown(config.client_secret_wo)) {
    const pushed = fresh || !sameValue(prior!.client_secret_wo_version, planned.client_secret_wo_version);
    return pushed ? (config.client_secret_wo as string) : SECRET_MASK;
  }
  const parameter = planned.client_secret_parameter;
  if (typeof parameter === 'string') {
    const unchanged =
      !fresh &&
      sameValue(prior!.client_secret_parameter, parameter) &&
      sameValue(prior!.client_secret_parameter_version, planned.client_secret_parameter_version);
    if (unchanged) return SECRET_MASK;
    const version = planned.client_secret_parameter_version;
    const found = await describeFailure(
      `Reading secret parameter "${parameter}"`,
      ctx.client.getSecretParameter(parameter, { withDecryption: true, parameterVersion: typeof version === 'number' ? version : undefined }),
    );
    return found.value;
  }
  // No secret argument: send none on create; on update keep whatever secret OOS already holds
  // (the mask means "keep"), and send none if it holds none.
  if (prior === null) return undefined;
  const remote = await describeFailure(`Reading chat configuration "${planned.name}"`, ctx.client.getChatConfiguration(planned.name as string));
  return configurationKeys(planned.type as string).clientSecret in remote.configuration ? SECRET_MASK : undefined;
}

/** The Create/Update input; on update, a RAM role removed from the configuration is sent as "" to clear it. */
function chatInput(planned: ObjectValue, secret: string | undefined, prior: ObjectValue | null = null): ChatConfigurationInput {
  const type = planned.type as ChatPlatform;
  const configuration = assembleConfiguration(type, {
    templateId: (planned.template_id as string | null) ?? undefined,
    clientId: (planned.client_id as string | null) ?? undefined,
    clientSecret: secret,
    extra: stringMap(planned.extra_configuration) ?? undefined,
  });
  return {
    name: planned.name as string,
    type,
    ramRole: (planned.ram_role as string | null) ?? (typeof prior?.ram_role === 'string' ? '' : undefined),
    configuration,
    resourceGroupId: typeof planned.resource_group_id === 'string' ? planned.resource_group_id : undefined,
  };
}

/** Apply returns exactly the planned known values; only the unknowns come from OOS. */
function fillUnknowns(planned: ObjectValue, remote: ChatConfiguration): ObjectValue {
  const fromRemote: ObjectValue = {
    id: remote.name,
    resource_group_id: remote.resourceGroupId || null,
    webhook_url: remote.outputs.URL ?? null,
    aes_key: remote.outputs.AesKey ?? null,
    created_date: remote.createdDate,
    updated_date: remote.updatedDate,
  };
  const state: ObjectValue = { ...planned, client_secret_wo: null };
  for (const [attribute, value] of Object.entries(state)) {
    if (isUnknown(value)) state[attribute] = attribute in fromRemote ? fromRemote[attribute] : null;
  }
  return state;
}

async function deleteIgnoringMissing(ctx: ProviderContext, name: string): Promise<void> {
  try {
    await ctx.client.deleteChatConfiguration(name);
  } catch (error) {
    if (!isNotFound(error)) throw new Error(`Deleting chat configuration "${name}" failed: ${(error as Error).message}`);
  }
}

// ---- read helpers -------------------------------------------------------------------------

/** Gets a configuration; null when it does not exist (after waiting up to `graceMs` for it to appear). */
async function getConfiguration(ctx: ProviderContext, name: string, graceMs: number): Promise<ChatConfiguration | null> {
  const deadline = Date.now() + graceMs;
  for (let delay = 250; ; delay = Math.min(delay * 2, 4000)) {
    try {
      return await ctx.client.getChatConfiguration(name);
    } catch (error) {
      if (!isNotFound(error)) throw new Error(`Reading chat configuration "${name}" failed: ${(error as Error).message}`);
      if (Date.now() + delay > deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Remote tags split like Terraform users expect: `tags_all` is everything; `tags` is what the
 * resource manages itself (its own keys, and any key that is not a provider default).
 */
function tagsFromRemote(remoteTags: { [key: string]: string }, prior: ObjectValue, ctx: ProviderContext): ObjectValue {
  const ownKeys = new Set(Object.keys(stringMap(prior.tags) ?? {}));
  const tags: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(remoteTags)) {
    if (ownKeys.has(key) || !(key in ctx.defaultTags)) tags[key] = value;
  }
  return {
    tags: mapOrNull(tags, prior.tags !== null),
    tags_all: mapOrNull(remoteTags, false),
  };
}

function emptyState(): ObjectValue {
  const state: ObjectValue = {};
  for (const name of Object.keys(chatConfigurationSchema.block.attributes)) state[name] = null;
  return state;
}

function parsePrivate(bytes: Buffer): PrivateState {
  if (bytes.length === 0) return {};
  try {
    return JSON.parse(bytes.toString('utf8')) as PrivateState;
  } catch {
    return {};
  }
}

async function describeFailure<T>(what: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw new Error(`${what} failed: ${(error as Error).message}`);
  }
}

// ---- validation ---------------------------------------------------------------------------

/** Checks that need no API call; each diagnostic names the attribute and the fix. */
export function validateChatConfiguration(config: ObjectValue): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const problem = (attribute: AttributePath, summary: string, detail: string | undefined) => {
    if (detail) diagnostics.push(errorDiagnostic(summary, detail, attribute));
  };
  const text = (attribute: string) => (typeof config[attribute] === 'string' ? (config[attribute] as string) : undefined);

  const name = text('name');
  if (name !== undefined) problem(path('name'), 'Invalid name', nameProblem(name));
  const type = text('type');
  if (type !== undefined) problem(path('type'), 'Invalid type', typeProblem(type));
  const ramRole = text('ram_role');
  if (ramRole !== undefined) problem(path('ram_role'), 'Invalid ram_role', ramRoleProblem(ramRole));
  const group = text('resource_group_id');
  if (group !== undefined) problem(path('resource_group_id'), 'Invalid resource_group_id', resourceGroupProblem(group));

  if (isKnown(config.client_secret_wo) && isKnown(config.client_secret_parameter)) {
    problem(
      path('client_secret_parameter'),
      'Conflicting client secrets',
      'Set either client_secret_wo (with client_secret_wo_version) or client_secret_parameter, not both.',
    );
  }
  if (config.client_secret_wo !== null && config.client_secret_wo_version === null) {
    problem(
      path('client_secret_wo_version'),
      'Missing client_secret_wo_version',
      'client_secret_wo is write-only, so Terraform cannot see when it changes: set client_secret_wo_version (e.g. 1) and increase it whenever the secret changes.',
    );
  }

  if (isWhollyKnownMap(config.extra_configuration) && config.extra_configuration !== null) {
    const extra = stringMap(config.extra_configuration)!;
    const derived = type ? Object.values(configurationKeys(type)) : [];
    for (const key of Object.keys(extra)) {
      const at: AttributePath = [{ attribute: 'extra_configuration' }, { key }];
      if (isSecretKey(key)) {
        problem(
          at,
          'Secret in extra_configuration',
          `"${key}" looks like a secret and would be stored in plan and state: pass it with client_secret_wo or client_secret_parameter instead.`,
        );
      } else if (derived.includes(key)) {
        problem(
          at,
          'Duplicate configuration key',
          `"${key}" is set from the template_id/client_id arguments: set it there and remove it from extra_configuration.`,
        );
      }
    }
  }

  if (isWhollyKnownMap(config.tags) && config.tags !== null) {
    for (const detail of tagProblems(stringMap(config.tags)!)) problem(path('tags'), 'Invalid tags', detail);
  }
  return diagnostics;
}
