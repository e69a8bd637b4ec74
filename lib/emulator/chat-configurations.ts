/**
 * The five chat configuration operations. The public docs leave most rules open (oos-api.md §7);
 * the choices made here are listed in README.md.
 */
import { createHash } from 'node:crypto';
import { SECRET_MASK } from '../domain';
import { type ActionContext, type ActionTable, RESOURCE_GROUP_ID_PATTERN, regionOf } from './actions';
import { entityAlreadyExists, entityNotExists, invalidParameter } from './errors';
import { WECHAT_SETTING_KEYS } from './options';
import { type ChatConfigurationRecord, formatResourceDate } from './store';

const ENTITY = 'ChatConfiguration';
const NAME_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;
const CHAT_TYPES = ['DingTalk', 'WeChat'];
const RAM_ROLE_PATTERN = /^[A-Za-z0-9.-]{1,64}$/;
const MAX_CONFIGURATION_LENGTH = 16 * 1024;
const MAX_LIST_RESULTS = 100;

function isSecretKey(key: string): boolean {
  return key.toLowerCase().endsWith('secret');
}

function requireName(context: ActionContext): string {
  const name = context.params.required('Name');
  if (!NAME_PATTERN.test(name)) throw invalidParameter('Name', 'must be 1 to 128 characters of letters, digits, ".", "_" and "-".');
  return name;
}

function optionalType(context: ActionContext): string | undefined {
  const type = context.params.optional('Type');
  if (type !== undefined && !CHAT_TYPES.includes(type)) throw invalidParameter('Type', `must be one of ${CHAT_TYPES.join(', ')}.`);
  return type;
}

/** An empty RamRole clears the role. */
function optionalRamRole(context: ActionContext): string | undefined {
  const ramRole = context.params.optional('RamRole');
  if (ramRole !== undefined && ramRole !== '' && !RAM_ROLE_PATTERN.test(ramRole)) {
    throw invalidParameter('RamRole', 'must be a RAM role name: 1 to 64 letters, digits, "." or "-".');
  }
  return ramRole;
}

function optionalResourceGroupId(context: ActionContext): string | undefined {
  const id = context.params.optional('ResourceGroupId');
  if (id !== undefined && !RESOURCE_GROUP_ID_PATTERN.test(id)) throw invalidParameter('ResourceGroupId', 'must look like rg-<lowercase letters and digits>.');
  return id;
}

/**
 * The strict profile accepts only the documented keys of the configuration's type (DingTalk's are
 * in the docs; WeChat's follow the same pattern) and the WeChat settings this project writes.
 * Key names are quoted, values never: they may be secrets.
 */
function requireKnownKeys(context: ActionContext, type: string, configuration: Record<string, string>): void {
  if (!context.settings.rejectUnknownConfigurationKeys) return;
  const known = new Set([`${type}TemplateId`, `${type}ClientId`, `${type}ClientSecret`, ...(type === 'WeChat' ? WECHAT_SETTING_KEYS : [])]);
  const unknown = Object.keys(configuration).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw invalidParameter(
      'Configuration',
      `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')}; a ${type} configuration takes ${[...known].join(', ')}.`,
    );
  }
}

function optionalConfiguration(context: ActionContext): Record<string, string> | undefined {
  const text = context.params.optional('Configuration');
  if (text === undefined) return undefined;
  if (text.length > MAX_CONFIGURATION_LENGTH) throw invalidParameter('Configuration', `must be at most ${MAX_CONFIGURATION_LENGTH} characters.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParameter('Configuration', 'must be a JSON object whose values are strings (it is not valid JSON).');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalidParameter('Configuration', 'must be a JSON object whose values are strings.');
  }
  const configuration: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') throw invalidParameter('Configuration', `the value of "${key}" must be a string.`);
    // defineProperty, not assignment: a key named "__proto__" must stay a plain key.
    Object.defineProperty(configuration, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return configuration;
}

/** Outputs are derived from the region and name, so they stay the same across restarts and updates. */
function outputsOf(context: ActionContext, record: ChatConfigurationRecord): string {
  const seed = `${context.regionId}/${record.name}`;
  const outputs: Record<string, string> = {
    URL: `https://${context.settings.accountId}.appflow.aliyunnest.com/webhook/${createHash('sha256').update(seed).digest('hex').slice(0, 32)}`,
  };
  if (record.type === 'WeChat') outputs.AesKey = aesKeyOf(seed);
  return JSON.stringify(outputs);
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** WeCom's EncodingAESKey form: 43 characters of [A-Za-z0-9]. */
function aesKeyOf(seed: string): string {
  const bytes = createHash('sha512').update(`aes-key/${seed}`).digest();
  let key = '';
  for (let i = 0; i < 43; i++) key += ALPHANUMERIC[bytes[i] % ALPHANUMERIC.length];
  return key;
}

function maskSecrets(configuration: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(configuration).map(([key, value]) => [key, isSecretKey(key) ? SECRET_MASK : value]));
}

function stampOf(record: ChatConfigurationRecord): Record<string, unknown> {
  return { Name: record.name, CreatedDate: record.createdDate, UpdatedDate: record.updatedDate };
}

function summaryOf(context: ActionContext, record: ChatConfigurationRecord): Record<string, unknown> {
  return {
    Name: record.name,
    Type: record.type,
    ...(record.ramRole !== undefined ? { RamRole: record.ramRole } : {}),
    Outputs: outputsOf(context, record),
    CreatedDate: record.createdDate,
    UpdatedDate: record.updatedDate,
  };
}

function requireExisting(context: ActionContext, name: string): ChatConfigurationRecord {
  const record = regionOf(context).chatConfigurations.get(name);
  if (record === undefined) throw entityNotExists(ENTITY, name);
  return record;
}

function createChatConfiguration(context: ActionContext): Record<string, unknown> {
  const name = requireName(context);
  context.params.required('Type');
  const type = optionalType(context) as string;
  const ramRole = optionalRamRole(context);
  const configuration = optionalConfiguration(context) ?? {};
  requireKnownKeys(context, type, configuration);
  const resourceGroupId = optionalResourceGroupId(context) ?? context.settings.defaultResourceGroupId;
  if (regionOf(context).chatConfigurations.has(name)) throw entityAlreadyExists(ENTITY, name);

  const date = formatResourceDate(context.now);
  const record: ChatConfigurationRecord = {
    name,
    type,
    ...(ramRole !== undefined && ramRole !== '' ? { ramRole } : {}),
    configuration,
    resourceGroupId,
    createdDate: date,
    updatedDate: date,
  };
  context.store.mutate((state) => state.region(context.regionId).chatConfigurations.set(name, record));
  return { ChatConfiguration: stampOf(record) };
}

function getChatConfiguration(context: ActionContext): Record<string, unknown> {
  const record = requireExisting(context, requireName(context));
  return {
    ChatConfiguration: {
      ...summaryOf(context, record),
      Configuration: JSON.stringify(maskSecrets(record.configuration)),
      ResourceGroupId: record.resourceGroupId,
    },
  };
}

/** A masked secret sent back by a client that read the configuration means "keep what is stored". */
function keepMaskedSecrets(incoming: Record<string, string>, stored: Record<string, string>): Record<string, string> {
  for (const [key, value] of Object.entries(incoming)) {
    if (value !== SECRET_MASK || !isSecretKey(key)) continue;
    if (!Object.prototype.hasOwnProperty.call(stored, key)) {
      throw invalidParameter('Configuration', `"${key}" is masked but no secret is stored under that key; send the secret itself.`);
    }
    incoming[key] = stored[key];
  }
  return incoming;
}

function updateChatConfiguration(context: ActionContext): Record<string, unknown> {
  const name = requireName(context);
  const type = optionalType(context);
  const ramRole = optionalRamRole(context);
  const configuration = optionalConfiguration(context);
  const resourceGroupId = optionalResourceGroupId(context);
  const current = requireExisting(context, name);
  if (configuration !== undefined) requireKnownKeys(context, type ?? current.type, configuration);

  const updated: ChatConfigurationRecord = {
    ...current,
    ...(type !== undefined ? { type } : {}),
    ...(configuration !== undefined ? { configuration: keepMaskedSecrets(configuration, current.configuration) } : {}),
    ...(resourceGroupId !== undefined ? { resourceGroupId } : {}),
    updatedDate: formatResourceDate(context.now),
  };
  if (ramRole === '') delete updated.ramRole;
  else if (ramRole !== undefined) updated.ramRole = ramRole;
  context.store.mutate((state) => state.region(context.regionId).chatConfigurations.set(name, updated));
  return { ChatConfiguration: stampOf(updated) };
}

type ChatFilter = (record: ChatConfigurationRecord) => boolean;

/** Filters.N.Name is `Name` (prefix match) or `Type` (exact match), case-insensitively; all must hold. */
function listFilters(context: ActionContext): ChatFilter[] {
  return context.params.repeatList('Filters').map((filter) => {
    const filterName = (filter.get('Name') ?? '').toLowerCase();
    const value = filter.get('Value') ?? '';
    if (filterName === 'name') return (record) => record.name.startsWith(value);
    if (filterName === 'type') return (record) => record.type === value;
    throw invalidParameter('Filters', 'filter names must be "Name" (prefix match) or "Type" (exact match).');
  });
}

function encodeListToken(lastName: string): string {
  return Buffer.from(`chat:${lastName}`).toString('base64url');
}

function decodeListToken(token: string | undefined): string | undefined {
  if (token === undefined || token === '') return undefined;
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  if (!decoded.startsWith('chat:')) throw invalidParameter('NextToken', 'is not a token returned by ListChatConfigurations.');
  return decoded.slice('chat:'.length);
}

function listChatConfigurations(context: ActionContext): Record<string, unknown> {
  const filters = listFilters(context);
  const maxResults = context.params.integer('MaxResults', 1, MAX_LIST_RESULTS);
  const after = decodeListToken(context.params.optional('NextToken'));

  const matching = [...regionOf(context).chatConfigurations.values()]
    .filter((record) => (after === undefined || record.name > after) && filters.every((accept) => accept(record)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const page = maxResults === undefined ? matching : matching.slice(0, maxResults);
  const hasMore = page.length < matching.length;
  return {
    ChatConfigurations: page.map((record) => summaryOf(context, record)),
    ...(hasMore ? { NextToken: encodeListToken(page[page.length - 1].name) } : {}),
  };
}

function deleteChatConfiguration(context: ActionContext): Record<string, unknown> {
  const name = requireName(context);
  requireExisting(context, name);
  context.store.mutate((state) => {
    const region = state.region(context.regionId);
    region.chatConfigurations.delete(name);
    region.removeTags(context.settings.tagResourceType, name);
  });
  return { Content: 'Chat configuration deleted successfully.' };
}

export const chatConfigurationActions: ActionTable = {
  CreateChatConfiguration: createChatConfiguration,
  UpdateChatConfiguration: updateChatConfiguration,
  GetChatConfiguration: getChatConfiguration,
  ListChatConfigurations: listChatConfigurations,
  DeleteChatConfiguration: deleteChatConfiguration,
};
