/**
 * The chat configuration resource's own rules, driven directly (no Terraform, no network) with a
 * stand-in OOS client: plan shapes, the create-collision rule, and validation messages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OosClient } from '../../lib/oos';
import { OosApiError } from '../../lib/oos/errors';
import type { ChatConfiguration, ChatConfigurationInput } from '../../lib/oos/types';
import type { ProviderContext } from '../../lib/provider/context';
import { CREATION_TOKEN_KEY, CreationJournal } from '../../lib/provider/creation-journal';
import { type CreationMarks, NoCreationMarks, OwnerMarks } from '../../lib/provider/creation-marks';
import { TagCapability, type TaggingMode } from '../../lib/provider/tagging';
import { chatConfigurationResource, chatConfigurationSchema } from '../../lib/provider/resources/chat-configuration';
import { DiagnosticsError, ObjectValue, UNKNOWN, isUnknown, validateBlock } from '../../lib/tfplugin';

function alreadyExists(attempt: number): OosApiError {
  return new OosApiError({
    action: 'CreateChatConfiguration',
    code: 'EntityAlreadyExists.ChatConfiguration',
    serverMessage: 'exists',
    httpStatus: 409,
    requestId: 'REQ-1',
    attempt,
  });
}

function remoteFor(input: ChatConfigurationInput, createdDate: string): ChatConfiguration {
  return {
    name: input.name,
    type: input.type!,
    ramRole: input.ramRole ?? '',
    configuration: { ...input.configuration, DingTalkClientSecret: '******' },
    resourceGroupId: 'rg-default',
    outputs: { URL: 'https://example.invalid/webhook/1' },
    createdDate,
    updatedDate: createdDate,
  };
}

/** Every creation journal of this file lives here, removed at the end. */
const JOURNALS = mkdtempSync(join(tmpdir(), 'resource-test-'));
afterAll(() => rmSync(JOURNALS, { recursive: true, force: true }));

interface FakeOptions {
  /** What Create throws after (or instead of) making the configuration. */
  readonly createError?: Error;
  /** Who made the configuration Create runs into: this create's own lost attempt, or someone else. */
  readonly existing?: 'ours' | 'someone-else';
  /** What tagging throws. */
  readonly tagError?: Error;
  /** The creation journal's folder (a fresh one by default). */
  readonly journalFolder?: string;
  /** How creates are marked instead of the journal, e.g. OwnerMarks. */
  readonly creations?: CreationMarks;
  /** creation_token = false. */
  readonly noCreationToken?: boolean;
  /** The provider's tagging (default "on": no probe). */
  readonly tagging?: TaggingMode;
  /** What the tag probe (ListTagResources) throws; default: it succeeds. */
  readonly probeError?: Error;
  /** What Get throws after the create. */
  readonly getError?: Error;
}

/** A client whose Create fails as given, and whose Get returns what was created "now". */
function fakeContext(options: FakeOptions = {}): { context: ProviderContext; calls: string[]; updates: ChatConfigurationInput[] } {
  const calls: string[] = [];
  const updates: ChatConfigurationInput[] = [];
  let created: ChatConfiguration | undefined;
  const client = {
    regionId: 'cn-hangzhou',
    deadlineAfter: (ms: number) => Date.now() + ms,
    async createChatConfiguration(input: ChatConfigurationInput) {
      calls.push('create');
      const sameFields = Object.fromEntries(Object.entries(input.configuration ?? {}).filter(([key]) => key !== CREATION_TOKEN_KEY));
      const made = options.existing === 'someone-else' ? { ...input, configuration: sameFields } : input;
      created = remoteFor(made, new Date().toISOString());
      if (options.createError) throw options.createError;
      return created;
    },
    async updateChatConfiguration(input: ChatConfigurationInput) {
      calls.push('update');
      updates.push(input);
      return created!;
    },
    async getChatConfiguration() {
      calls.push('get');
      if (options.getError && calls.includes('create')) throw options.getError;
      return created!;
    },
    async setChatConfigurationTags() {
      calls.push('tags');
      if (options.tagError) throw options.tagError;
    },
    // Updates change tags through the generic tag call (resource-tags.ts).
    async setResourceTags() {
      calls.push('tags');
      if (options.tagError) throw options.tagError;
    },
    async getChatConfigurationTags() {
      return {};
    },
    async listTagResources() {
      calls.push('probe');
      if (options.probeError) throw options.probeError;
      return [];
    },
    endpoint: { protocol: 'HTTP', host: `fake-${Math.random()}` },
    tagResourceType: 'chatconfiguration',
  } as unknown as OosClient;
  const creations = options.noCreationToken
    ? new NoCreationMarks()
    : (options.creations ?? new CreationJournal(options.journalFolder ?? mkdtempSync(join(JOURNALS, 'journal-'))));
  const tagging = new TagCapability(options.tagging ?? 'on', client);
  return {
    context: {
      client,
      defaultTags: { ManagedBy: 'terraform' },
      tagResourceType: 'chatconfiguration',
      tagging,
      creations,
      creationToken: !options.noCreationToken,
    },
    calls,
    updates,
  };
}

function plannedCreate(): ObjectValue {
  const state: ObjectValue = {};
  for (const name of Object.keys(chatConfigurationResource(() => fakeContext().context).schema.block.attributes)) state[name] = null;
  return {
    ...state,
    name: 'bot',
    type: 'DingTalk',
    template_id: 'tpl',
    client_id: 'cid',
    id: UNKNOWN,
    webhook_url: UNKNOWN,
    aes_key: UNKNOWN,
    created_date: UNKNOWN,
    updated_date: UNKNOWN,
    resource_group_id: UNKNOWN,
  };
}

describe('plan', () => {
  const { context } = fakeContext();
  const resource = chatConfigurationResource(() => context);
  const config: ObjectValue = {
    ...plannedCreate(),
    id: null,
    webhook_url: null,
    aes_key: null,
    created_date: null,
    updated_date: null,
    resource_group_id: null,
    tags: { Team: 'a' },
  };

  test('a create plans every OOS-computed attribute as unknown and tags_all as defaults plus own tags', async () => {
    const { plannedState } = await resource.plan({ priorState: null, proposedNewState: config, config, priorPrivate: Buffer.alloc(0) });
    expect(plannedState!.id).toBe('bot');
    for (const attribute of ['webhook_url', 'aes_key', 'created_date', 'updated_date', 'resource_group_id'])
      expect(isUnknown(plannedState![attribute])).toBe(true);
    expect(plannedState!.tags_all).toEqual({ ManagedBy: 'terraform', Team: 'a' });
  });

  test('a new name requires replacement', async () => {
    const prior: ObjectValue = {
      ...config,
      id: 'old',
      name: 'old',
      webhook_url: 'u',
      created_date: 'c',
      updated_date: 'u',
      resource_group_id: 'rg-x',
      tags_all: { ManagedBy: 'terraform', Team: 'a' },
    };
    const proposed: ObjectValue = { ...prior, name: 'bot' };
    const response = await resource.plan({ priorState: prior, proposedNewState: proposed, config, priorPrivate: Buffer.alloc(0) });
    expect(response.requiresReplace).toEqual([[{ attribute: 'name' }]]);
  });

  test('a changed ram_role keeps the webhook URL and only re-plans updated_date', async () => {
    const prior: ObjectValue = {
      ...config,
      id: 'bot',
      webhook_url: 'u',
      created_date: 'c',
      updated_date: 'd',
      resource_group_id: 'rg-x',
      tags_all: { ManagedBy: 'terraform', Team: 'a' },
    };
    const proposed: ObjectValue = { ...prior, ram_role: 'NewRole' };
    const { plannedState, requiresReplace } = await resource.plan({
      priorState: prior,
      proposedNewState: proposed,
      config: { ...config, ram_role: 'NewRole' },
      priorPrivate: Buffer.alloc(0),
    });
    expect(requiresReplace).toBeUndefined();
    expect(plannedState!.webhook_url).toBe('u');
    expect(isUnknown(plannedState!.updated_date)).toBe(true);
  });
});

describe('create when the name is taken', () => {
  const applyCreate = (context: ProviderContext) =>
    chatConfigurationResource(() => context).apply({
      priorState: null,
      plannedState: plannedCreate(),
      config: plannedCreate(),
      plannedPrivate: Buffer.alloc(0),
    });

  test('a first attempt that meets an existing configuration fails with import instructions', async () => {
    const { context, calls } = fakeContext({ createError: alreadyExists(1), existing: 'someone-else' });
    const apply = applyCreate(context);
    await expect(apply).rejects.toBeInstanceOf(DiagnosticsError);
    await expect(apply).rejects.toThrow(/terraform import <resource address> bot/);
    expect(calls).toEqual(['create', 'get']);
  });

  test('a retry after Throttling that meets a configuration someone else made is refused, even with the same fields made just now', async () => {
    const { context, calls } = fakeContext({ createError: alreadyExists(2), existing: 'someone-else' });
    await expect(applyCreate(context)).rejects.toThrow(/not created by this Terraform working directory/);
    expect(calls).not.toContain('update');
  });

  test('a retried Create that meets the configuration its lost first attempt made (our token) adopts it', async () => {
    const { context, calls } = fakeContext({ createError: alreadyExists(2), existing: 'ours' });
    const { newState } = await applyCreate(context);
    expect(newState!.webhook_url).toBe('https://example.invalid/webhook/1');
    expect(calls).toEqual(['create', 'get', 'update', 'get']);
  });

  test('a later apply from the same folder adopts what a killed apply created, by the token in its journal', async () => {
    const journalFolder = mkdtempSync(join(JOURNALS, 'journal-'));
    const killed = fakeContext({ journalFolder });
    await applyCreate(killed.context); // its answer never reached Terraform's state
    const made = await killed.context.client.getChatConfiguration('bot');
    const again = fakeContext({ journalFolder, createError: alreadyExists(1), existing: 'ours' });
    // The second process meets the same configuration: same token, because the folder is the same.
    expect((await applyCreate(again.context)).newState!.name).toBe('bot');
    expect(made.configuration[CREATION_TOKEN_KEY]).toBe(again.updates[0].configuration![CREATION_TOKEN_KEY]);
  });

  test('another folder (another state) never adopts it', async () => {
    const first = fakeContext();
    await applyCreate(first.context);
    const other = fakeContext({ createError: alreadyExists(1), existing: 'someone-else' });
    await expect(applyCreate(other.context)).rejects.toThrow(/already exists/);
  });
});

describe('a failure after the configuration was created', () => {
  const applyTagged = (context: ProviderContext) => {
    const planned = { ...plannedCreate(), tags_all: { ManagedBy: 'terraform' } };
    return chatConfigurationResource(() => context).apply({ priorState: null, plannedState: planned, config: planned, plannedPrivate: Buffer.alloc(0) });
  };

  test('a failed tagging is a warning with success, so Terraform keeps the configuration untainted and its webhook URL', async () => {
    const { context } = fakeContext({ tagError: new Error('OOS TagResources failed: Throttling.User') });
    const response = await applyTagged(context);
    expect(response.newState).toMatchObject({ id: 'bot', name: 'bot', webhook_url: 'https://example.invalid/webhook/1' });
    expect(response.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        summary: 'Chat configuration "bot" was created but not finished',
        detail: expect.stringMatching(/Tagging chat configuration "bot" failed.*Throttling.*next terraform apply finishes it in place/),
      }),
    ]);
  });

  test('a failed read-back is a warning too: the unknown attributes stay empty until the next refresh fills them', async () => {
    const { context } = fakeContext({ getError: new Error('OOS GetChatConfiguration failed: no HTTP answer (ECONNREFUSED)') });
    const response = await applyTagged(context);
    expect(response.newState).toMatchObject({ id: 'bot', webhook_url: null, tags_all: { ManagedBy: 'terraform' } });
    expect(response.diagnostics?.map((d) => d.severity)).toEqual(['warning']);
  });

  test('an adopted configuration whose update failed is marked for repair: its next refresh forgets the secret version, so the next plan resends it', async () => {
    const { context } = fakeContext({ createError: alreadyExists(2), existing: 'ours' });
    const update = context.client.updateChatConfiguration.bind(context.client);
    context.client.updateChatConfiguration = async (input) => {
      await update(input);
      throw new Error('OOS UpdateChatConfiguration failed: ServiceUnavailable');
    };
    const planned = { ...plannedCreate(), client_secret_wo_version: 3 };
    const resource = chatConfigurationResource(() => context);
    const applied = await resource.apply({
      priorState: null,
      plannedState: planned,
      config: { ...planned, client_secret_wo: 's' },
      plannedPrivate: Buffer.alloc(0),
    });
    expect(applied.diagnostics?.map((d) => d.severity)).toEqual(['warning']);
    const state = { ...applied.newState!, webhook_url: 'u', created_date: 'c', updated_date: 'd', resource_group_id: 'rg-x' };
    const refreshed = await resource.read({ currentState: state, private: applied.private! });
    expect(refreshed.newState!.client_secret_wo_version).toBeNull();
    // A successful refresh without a pending repair keeps it.
    const plain = await resource.read({ currentState: state, private: Buffer.alloc(0) });
    expect(plain.newState!.client_secret_wo_version).toBe(3);
  });
});

describe('creation marks', () => {
  const applyCreate = (context: ProviderContext) =>
    chatConfigurationResource(() => context).apply({
      priorState: null,
      plannedState: plannedCreate(),
      config: plannedCreate(),
      plannedPrivate: Buffer.alloc(0),
    });

  test('with an owner, a fresh folder of the same stack adopts what a killed apply created (no journal needed)', async () => {
    const runnerA = fakeContext({ creations: new OwnerMarks('chatops/staging') });
    await applyCreate(runnerA.context); // killed before Terraform saved its state
    const made = await runnerA.context.client.getChatConfiguration('bot');
    const runnerB = fakeContext({ creations: new OwnerMarks('chatops/staging'), createError: alreadyExists(1), existing: 'ours' });
    runnerB.context.client.getChatConfiguration = async () => made;
    expect((await applyCreate(runnerB.context)).newState!.name).toBe('bot');
  });

  test('another owner (another stack) never adopts it', async () => {
    const staging = fakeContext({ creations: new OwnerMarks('chatops/staging') });
    await applyCreate(staging.context);
    const made = await staging.context.client.getChatConfiguration('bot');
    const prod = fakeContext({ creations: new OwnerMarks('chatops/prod'), createError: alreadyExists(1), existing: 'ours' });
    prod.context.client.getChatConfiguration = async () => made;
    await expect(applyCreate(prod.context)).rejects.toThrow(/not created by this stack \(owner "chatops\/prod"\).*importFrom\("bot"\)/);
  });

  test('creation_token = false sends no token and never adopts', async () => {
    const { context } = fakeContext({ noCreationToken: true, createError: alreadyExists(2), existing: 'ours' });
    const calls: ChatConfigurationInput[] = [];
    const create = context.client.createChatConfiguration.bind(context.client);
    context.client.createChatConfiguration = async (input) => (calls.push(input), create(input));
    await expect(applyCreate(context)).rejects.toThrow(/creation_token = false/);
    expect(calls[0].configuration).not.toHaveProperty(CREATION_TOKEN_KEY);
  });

  test('a Configuration refused while it carried the token names creation_token and is not retried without it', async () => {
    const refused = new OosApiError({
      action: 'CreateChatConfiguration',
      code: 'InvalidParameter.Configuration',
      serverMessage: 'unknown key "TerraformCreationToken"',
      httpStatus: 400,
      requestId: 'REQ-9',
    });
    const { context, calls } = fakeContext({ createError: refused });
    await expect(applyCreate(context)).rejects.toThrow(/InvalidParameter\.Configuration.*REQ-9.*set creation_token = false/);
    expect(calls).toEqual(['create']);
  });
});

describe('tagging', () => {
  const config: ObjectValue = {
    ...plannedCreate(),
    id: null,
    webhook_url: null,
    aes_key: null,
    created_date: null,
    updated_date: null,
    resource_group_id: null,
    tags: { Team: 'a' },
  };
  const refusal = new OosApiError({
    action: 'ListTagResources',
    code: 'InvalidParameter.ResourceType',
    serverMessage: 'bad type',
    httpStatus: 400,
    requestId: 'REQ-T',
  });
  const plan = (context: ProviderContext, planConfig: ObjectValue = config) =>
    chatConfigurationResource(() => context).plan({ priorState: null, proposedNewState: planConfig, config: planConfig, priorPrivate: Buffer.alloc(0) });

  test('auto: where OOS refuses the ResourceType, a plan with tags fails naming the setting, the region and the ways out', async () => {
    const { context } = fakeContext({ tagging: 'auto', probeError: refusal });
    await expect(plan(context)).rejects.toThrow(
      /region cn-hangzhou does not accept tags.*"chatconfiguration".*InvalidParameter\.ResourceType \[RequestId: REQ-T\].*tagging = "auto".*tagging = "off".*remove tags/,
    );
  });

  test('auto: OOS is asked once per process and region, however many resources plan', async () => {
    const { context, calls } = fakeContext({ tagging: 'auto' });
    await plan(context);
    await plan(context);
    expect(calls.filter((call) => call === 'probe')).toHaveLength(1);
  });

  test('auto: a probe that fails for another reason is an error naming tagging, not a verdict', async () => {
    const { context } = fakeContext({ tagging: 'auto', probeError: new Error('no HTTP answer (ECONNRESET)') });
    await expect(plan(context)).rejects.toThrow(/tagging = "auto".*ECONNRESET.*"on" or "off"/);
  });

  test('off: the plan warns that tags stay in Terraform, and apply sends none', async () => {
    const { context, calls } = fakeContext({ tagging: 'off' });
    const planned = await plan(context);
    expect(planned.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', summary: 'Tags are not sent to OOS' })]);
    const applied = await chatConfigurationResource(() => context).apply({
      priorState: null,
      plannedState: planned.plannedState,
      config,
      plannedPrivate: Buffer.alloc(0),
    });
    expect(applied.newState!.tags_all).toEqual({ ManagedBy: 'terraform', Team: 'a' });
    expect(calls).not.toContain('tags');
  });
});

describe('validation', () => {
  const base: ObjectValue = { ...plannedCreate(), id: null, webhook_url: null, aes_key: null, created_date: null, updated_date: null, resource_group_id: null };
  const messages = (config: ObjectValue) =>
    validateBlock(chatConfigurationSchema.block, config).map((d) => `${JSON.stringify(d.attribute)} ${d.summary}: ${d.detail}`);

  test('a valid configuration has no diagnostics', () => {
    expect(messages(base)).toEqual([]);
  });

  test('each bad field is reported at its attribute path with the fix', () => {
    expect(messages({ ...base, name: 'bad name!' })[0]).toMatch(/"name".*use 1 to 128 letters/);
    expect(messages({ ...base, type: 'Slack' })[0]).toMatch(/"type".*DingTalk.*WeChat/);
    expect(messages({ ...base, ram_role: 'acs:ram::1:role/x' })[0]).toMatch(/"ram_role".*role name, not its ARN/);
    expect(messages({ ...base, resource_group_id: 'group-1' })[0]).toMatch(/"resource_group_id".*rg-/);
    expect(messages({ ...base, tags: { 'aliyun:x': 'y' } })[0]).toMatch(/"tags".*reserved prefix/);
  });

  test('a write-only secret without a version asks for client_secret_wo_version', () => {
    expect(messages({ ...base, client_secret_wo: 's' })[0]).toMatch(/client_secret_wo_version.*increase it whenever the secret changes/);
  });

  test('both secret sources at once are refused', () => {
    expect(messages({ ...base, client_secret_wo: 's', client_secret_wo_version: 1, client_secret_parameter: 'p' })[0]).toMatch(
      /either client_secret_wo.*or client_secret_parameter/,
    );
  });

  test('a secret-looking key in extra_configuration is refused without echoing its value', () => {
    const found = messages({ ...base, extra_configuration: { WeChatSecret: 'do-not-echo-me' } });
    expect(found[0]).toMatch(/\{"key":"WeChatSecret"\}.*client_secret_wo or client_secret_parameter/);
    expect(found.join('\n')).not.toContain('do-not-echo-me');
  });
});

/** The state of bot after its create: the plan's unknowns filled in. */
function createdState(): ObjectValue {
  return { ...plannedCreate(), id: 'bot', webhook_url: 'u', created_date: 'c', updated_date: 'd', resource_group_id: 'rg-x' };
}

describe('the client secret on update', () => {
  async function updateWith(prior: ObjectValue, planned: ObjectValue, config: ObjectValue): Promise<ChatConfigurationInput> {
    const { context, updates } = fakeContext();
    await context.client.createChatConfiguration({ name: 'bot', type: 'DingTalk', configuration: {} });
    const resource = chatConfigurationResource(() => context);
    await resource.apply({ priorState: prior, plannedState: planned, config, plannedPrivate: Buffer.alloc(0) });
    return updates[0];
  }
  const prior: ObjectValue = { ...createdState(), client_secret_wo_version: 1 };

  test('an unchanged write-only version sends the mask, which keeps the stored secret', async () => {
    const planned = { ...prior, ram_role: 'NewRole', updated_date: UNKNOWN };
    const input = await updateWith(prior, planned, { ...planned, client_secret_wo: 'the-secret' });
    expect(input.configuration!.DingTalkClientSecret).toBe('******');
  });

  test('a new write-only version sends the new secret', async () => {
    const planned = { ...prior, client_secret_wo_version: 2, updated_date: UNKNOWN };
    const input = await updateWith(prior, planned, { ...planned, client_secret_wo: 'the-new-secret' });
    expect(input.configuration!.DingTalkClientSecret).toBe('the-new-secret');
  });

  test('a new platform sends the secret itself under the new key, even with an unchanged version', async () => {
    const planned = { ...prior, type: 'WeChat', updated_date: UNKNOWN };
    const input = await updateWith(prior, planned, { ...planned, client_secret_wo: 'the-secret' });
    expect(input.configuration).toEqual({ WeChatTemplateId: 'tpl', WeChatClientId: 'cid', WeChatClientSecret: 'the-secret' });
  });
});

describe('timeouts', () => {
  test('changing only the timeouts block plans no update call and makes none', async () => {
    const { context, calls } = fakeContext();
    await context.client.createChatConfiguration({ name: 'bot', type: 'DingTalk', configuration: {} });
    const resource = chatConfigurationResource(() => context);
    const prior: ObjectValue = { ...createdState(), tags_all: null };
    const proposed = { ...prior, timeouts: { create: '10m', update: null, delete: null, read: null } };
    const { plannedState } = await resource.plan({ priorState: prior, proposedNewState: proposed, config: proposed, priorPrivate: Buffer.alloc(0) });
    expect(plannedState!.updated_date).toBe('d');
    calls.length = 0;
    await resource.apply({ priorState: prior, plannedState: plannedState!, config: proposed, plannedPrivate: Buffer.alloc(0) });
    expect(calls).not.toContain('update');
  });
});

describe('delete and state upgrade', () => {
  test('deleting a configuration that is already gone succeeds', async () => {
    const { context } = fakeContext();
    (context.client as unknown as Record<string, unknown>).deleteChatConfiguration = async () => {
      throw new OosApiError({
        action: 'DeleteChatConfiguration',
        code: 'EntityNotExists.ChatConfiguration',
        serverMessage: 'gone',
        httpStatus: 404,
        requestId: 'REQ-2',
      });
    };
    const resource = chatConfigurationResource(() => context);
    const prior = { ...plannedCreate(), id: 'bot' };
    await expect(resource.apply({ priorState: prior, plannedState: null, config: null, plannedPrivate: Buffer.alloc(0) })).resolves.toEqual({
      newState: null,
      diagnostics: [],
    });
  });

  test('a failed delete for any other reason is an error naming the configuration and the OOS code', async () => {
    const { context } = fakeContext();
    (context.client as unknown as Record<string, unknown>).deleteChatConfiguration = async () => {
      throw new OosApiError({ action: 'DeleteChatConfiguration', code: 'Forbidden.RAM', serverMessage: 'denied', httpStatus: 403, requestId: 'REQ-3' });
    };
    const resource = chatConfigurationResource(() => context);
    const apply = resource.apply({ priorState: { ...plannedCreate(), id: 'bot' }, plannedState: null, config: null, plannedPrivate: Buffer.alloc(0) });
    await expect(apply).rejects.toThrow(/Deleting chat configuration "bot" failed: .*Forbidden\.RAM.*RequestId: REQ-3/);
  });

  test('an older stored state gains the attributes it lacks and never keeps a write-only value', () => {
    const resource = chatConfigurationResource(() => fakeContext().context);
    const stored = { id: 'bot', name: 'bot', type: 'DingTalk', client_secret_wo: 'leaked', retired_attribute: 'x' };
    const upgraded = resource.upgradeState(0, stored, stored);
    const { attributes, blocks } = resource.schema.block;
    expect(Object.keys(upgraded).sort()).toEqual([...Object.keys(attributes), ...Object.keys(blocks ?? {})].sort());
    expect(upgraded).toMatchObject({ id: 'bot', name: 'bot', type: 'DingTalk', client_secret_wo: null, tags_all: null });
  });
});
