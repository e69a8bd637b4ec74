/**
 * Which chat configurations of a stack's region and account no stack of the app manages yet, and
 * what each would look like as a construct: the bots a team made by hand before adopting this
 * project. Reads OOS only (ListChatConfigurations, then GetChatConfiguration and the tags of
 * each); writes nothing.
 */
import { CHAT_PLATFORMS, ChatPlatform, RESERVED_TAG_PREFIXES, configurationKeys, isSecretKey } from '../domain';
import { OosApiError, OosConfigError, OosCredentialsError, OosNetworkError } from '../oos';
import type { ChatConfiguration, ChatConfigurationSummary, OosClient } from '../oos';

/** The reads adoption makes; an OosClient has them. */
export type ChatConfigurationReader = Pick<OosClient, 'regionId' | 'endpoint' | 'listChatConfigurations' | 'getChatConfiguration' | 'getChatConfigurationTags'>;

/** The chat configuration names one stack of the app declares. */
export interface StackOwnership {
  /** Stack id, e.g. `dev`. */
  readonly stack: string;
  /** The stack's region; undefined when it comes from the environment at deploy time (then it may be any). */
  readonly region?: string;
  /** OOS names of its chat configurations. */
  readonly names: readonly string[];
}

/** How the placeholder for a bot's client secret is written. */
export type SecretSource = 'parameter' | 'variable';

export interface AdoptionRequest {
  /** The stack that adopts, e.g. `dev`; main.ts names its variable the same. */
  readonly stack: string;
  /** Every stack of the app, this one included, so no bot gets two owners. */
  readonly owners: readonly StackOwnership[];
  /** Only names starting with this. @default every name */
  readonly prefix?: string;
  /** Only this platform. @default both */
  readonly type?: ChatPlatform;
  /** Tags the stack merges into every configuration anyway; a bot's tag with the same value is left out. @default {} */
  readonly defaultTags?: { readonly [key: string]: string };
  /** The stack's default resource group; a bot in it does not repeat it. @default none */
  readonly defaultResourceGroupId?: string;
  /** Construct ids already taken in the stack. @default none */
  readonly takenIds?: readonly string[];
  /** `parameter`: Secret.fromSecretParameter; `variable`: Secret.fromVariable. @default 'parameter' */
  readonly secretSource?: SecretSource;
}

/** Where the adopted bot's client secret will come from: a name to create, never a value. */
export interface SecretPlaceholder {
  readonly source: SecretSource;
  /** The OOS secret parameter or Terraform variable name to create. */
  readonly name: string;
  /** The Configuration key OOS keeps it under, e.g. `DingTalkClientSecret`. */
  readonly key: string;
}

/** One bot to adopt, as the construct's props express it. */
export interface AdoptionCandidate {
  /** Construct id, unique in the stack. */
  readonly id: string;
  readonly name: string;
  readonly type: ChatPlatform;
  readonly templateId?: string;
  readonly clientId?: string;
  readonly secret?: SecretPlaceholder;
  /** Configuration keys the platform has no typed field for, kept as its settings. */
  readonly settings: { readonly [key: string]: string };
  readonly ramRole?: string;
  readonly resourceGroupId?: string;
  readonly tags: { readonly [key: string]: string };
  /** What the reviewer must know: keys kept in settings, values that cannot be carried. */
  readonly notes: readonly string[];
}

export interface AdoptionReport {
  /** What was listed: the region and endpoint asked. */
  readonly region: string;
  readonly endpoint: string;
  readonly candidates: readonly AdoptionCandidate[];
  /** Names this stack already manages. */
  readonly alreadyManaged: readonly string[];
  /** Names another stack of the app manages: never offered, since the bot would get two owners. */
  readonly refused: readonly { readonly name: string; readonly stack: string }[];
  /** Names left out by the filters, or of a platform the construct does not know. */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
}

/** OOS could not be asked: the message names the setting to check. */
export class AdoptionError extends Error {
  override readonly name = 'AdoptionError';
}

/** Lists the configurations `request.stack` could adopt, refusing those another stack manages. */
export async function findAdoptionCandidates(reader: ChatConfigurationReader, request: AdoptionRequest): Promise<AdoptionReport> {
  const listed = await asking(reader, request.stack, () => reader.listChatConfigurations());
  const owners = ownersByName(request, reader.regionId);
  const alreadyManaged: string[] = [];
  const refused: { name: string; stack: string }[] = [];
  const skipped: { name: string; reason: string }[] = [];
  const wanted: ChatConfigurationSummary[] = [];
  // Filters are applied here, not sent: OOS documents neither the filter names nor how they match.
  for (const item of [...listed].sort((a, b) => a.name.localeCompare(b.name))) {
    const owner = owners.get(item.name);
    if (request.prefix !== undefined && !item.name.startsWith(request.prefix))
      skipped.push({ name: item.name, reason: `does not start with "${request.prefix}"` });
    else if (request.type !== undefined && item.type !== request.type) skipped.push({ name: item.name, reason: `is ${item.type}, not ${request.type}` });
    else if (owner === request.stack) alreadyManaged.push(item.name);
    else if (owner !== undefined) refused.push({ name: item.name, stack: owner });
    else if (!(CHAT_PLATFORMS as readonly string[]).includes(item.type))
      skipped.push({ name: item.name, reason: `has type "${item.type}", which the ChatConfiguration construct cannot express` });
    else wanted.push(item);
  }
  const ids = new Set(request.takenIds ?? []);
  const candidates: AdoptionCandidate[] = [];
  for (const item of wanted) {
    const [found, tags] = await asking(reader, request.stack, () =>
      Promise.all([reader.getChatConfiguration(item.name), reader.getChatConfigurationTags(item.name)]),
    );
    const id = uniqueId(constructId(found.name, request.stack), ids);
    ids.add(id);
    candidates.push(candidateOf(found, tags, id, request));
  }
  return { region: reader.regionId, endpoint: reader.endpoint.host, candidates, alreadyManaged, refused, skipped };
}

/** Which stack declares each name, among the stacks that can share this region (and so this account's names). */
function ownersByName(request: AdoptionRequest, region: string): Map<string, string> {
  const owners = new Map<string, string>();
  // This stack first, so a name it shares with another stack reads as its own.
  const ordered = [...request.owners].sort((a, b) => Number(b.stack === request.stack) - Number(a.stack === request.stack));
  for (const owner of ordered) {
    if (owner.stack !== request.stack && owner.region !== undefined && owner.region !== region) continue;
    for (const name of owner.names) if (!owners.has(name)) owners.set(name, owner.stack);
  }
  return owners;
}

function candidateOf(found: ChatConfiguration, oosTags: { readonly [key: string]: string }, id: string, request: AdoptionRequest): AdoptionCandidate {
  const type = found.type as ChatPlatform;
  const keys = configurationKeys(type);
  const notes: string[] = [];
  const settings: { [key: string]: string } = {};
  let secret: SecretPlaceholder | undefined;
  for (const [key, value] of Object.entries(found.configuration)) {
    if (key === keys.templateId || key === keys.clientId) continue;
    if (key === keys.clientSecret) secret = placeholder(found.name, key, request);
    else if (isSecretKey(key))
      notes.push(
        `OOS holds a secret under ${key}, which the construct cannot carry (only ${keys.clientSecret}): applying would drop it from the bot's Configuration; move it into the chat app's own settings first.`,
      );
    else {
      settings[key] = value;
      notes.push(`${key} has no typed field in Platform.${factoryOf(type)}: kept in settings.`);
    }
  }
  // The construct asks DingTalk bots for a secret, so one is named even when OOS shows none.
  if (!secret && type === 'DingTalk') secret = placeholder(found.name, keys.clientSecret, request);
  if (type === 'DingTalk') {
    for (const [field, key] of [
      ['templateId', keys.templateId],
      ['clientId', keys.clientId],
    ] as const) {
      if (!found.configuration[key]) notes.push(`OOS holds no ${key}, which DingTalk needs: fill in ${field} (synth refuses it empty).`);
    }
  }
  const tags: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(oosTags)) {
    if (RESERVED_TAG_PREFIXES.some((prefix) => key.toLowerCase().startsWith(prefix))) notes.push(`tag ${key} is a system tag: left out.`);
    else if (request.defaultTags?.[key] !== value) tags[key] = value;
  }
  return {
    id,
    name: found.name,
    type,
    templateId: type === 'DingTalk' ? (found.configuration[keys.templateId] ?? '') : found.configuration[keys.templateId],
    clientId: type === 'DingTalk' ? (found.configuration[keys.clientId] ?? '') : found.configuration[keys.clientId],
    secret,
    settings,
    ramRole: found.ramRole || undefined,
    resourceGroupId: found.resourceGroupId && found.resourceGroupId !== request.defaultResourceGroupId ? found.resourceGroupId : undefined,
    tags,
    notes,
  };
}

/** The name to create for a bot's secret: main.ts's own conventions (chatops-<name>-secret, <name>_secret). */
function placeholder(name: string, key: string, request: AdoptionRequest): SecretPlaceholder {
  const source = request.secretSource ?? 'parameter';
  if (source === 'parameter') return { source, key, name: `chatops-${name}-secret` };
  const variable = `${name.replace(/[^A-Za-z0-9_]/g, '_')}_secret`;
  return { source, key, name: /^[A-Za-z_]/.test(variable) ? variable : `bot_${variable}` };
}

export function factoryOf(type: ChatPlatform): 'dingTalk' | 'weChat' {
  return type === 'DingTalk' ? 'dingTalk' : 'weChat';
}

/** addChatConfiguration's id: the name without the `<stack>-` prefix it would add back. */
function constructId(name: string, stack: string): string {
  const bare = name.startsWith(`${stack}-`) && name.length > stack.length + 1 ? name.slice(stack.length + 1) : name;
  return bare.replace(/[^A-Za-z0-9_-]/g, '-');
}

function uniqueId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  let n = 2;
  while (taken.has(`${id}-${n}`)) n += 1;
  return `${id}-${n}`;
}

/** Runs one read, turning a failure into an error that names what to check. */
async function asking<T>(reader: ChatConfigurationReader, stack: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new AdoptionError(`${whatFailed(reader, stack)}: ${error instanceof Error ? error.message : String(error)}. ${fixFor(error, stack)}`);
  }
}

function whatFailed(reader: ChatConfigurationReader, stack: string): string {
  return `cannot read the chat configurations of stack ${stack} (region ${reader.regionId}, endpoint ${reader.endpoint.host})`;
}

function fixFor(error: unknown, stack: string): string {
  const settings = `the ${stack} entry of config/environments.ts`;
  if (error instanceof OosNetworkError)
    return `Check the region (${settings}) and ALIBABA_CLOUD_OOS_ENDPOINT: nothing answers there, or this machine cannot reach it.`;
  if (error instanceof OosApiError && /^(SignatureDoesNotMatch|InvalidAccessKeyId|InvalidSecurityToken|MissingSecurityToken|Forbidden)/.test(error.code))
    return `Check ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (or the credentials in ${settings}): OOS refused them.`;
  if (error instanceof OosCredentialsError || error instanceof OosConfigError)
    return `Check the credentials and region in ${settings}, or ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET / ALIBABA_CLOUD_REGION_ID.`;
  return 'Nothing was written; run it again once OOS answers.';
}
