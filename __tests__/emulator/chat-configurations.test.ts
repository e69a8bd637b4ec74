/** Semantics of the five chat configuration operations (README.md lists the choices made). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type RunningEmulator, startEmulator } from '../../lib/emulator';
import { type JsonBody, regionCaller } from './signed-client';

const DINGTALK = { DingTalkClientId: 'client-123', DingTalkClientSecret: 'secret-123', DingTalkTemplateId: 'template-123' };
let now = new Date('2026-03-01T08:00:00.000Z');
const clock = () => now;

let emulator: RunningEmulator;
let call: ReturnType<typeof regionCaller>;

beforeAll(async () => {
  emulator = await startEmulator({ clock, accountId: '1111222233334444' });
  call = regionCaller(emulator, 'cn-hangzhou', clock);
});

afterAll(async () => {
  await emulator.close();
});

let counter = 0;
function uniqueName(prefix = 'chat'): string {
  return `${prefix}-${++counter}`;
}

async function create(name: string, extra: Record<string, string> = {}) {
  return call('CreateChatConfiguration', { Name: name, Type: 'DingTalk', Configuration: JSON.stringify(DINGTALK), ...extra });
}

async function get(name: string) {
  return (await call('GetChatConfiguration', { Name: name })).body.ChatConfiguration;
}

describe('CreateChatConfiguration', () => {
  it('returns the name and both dates in +00:00 form', async () => {
    const response = await create(uniqueName());
    expect(response.status).toBe(200);
    expect(response.body.ChatConfiguration).toEqual({
      Name: `chat-${counter}`,
      CreatedDate: '2026-03-01T08:00:00+00:00',
      UpdatedDate: '2026-03-01T08:00:00+00:00',
    });
  });

  it('refuses a second configuration with the same name in the region with 409', async () => {
    const name = uniqueName();
    await create(name);
    const response = await create(name);
    expect(response.status).toBe(409);
    expect(response.body.Code).toBe('EntityAlreadyExists.ChatConfiguration');
  });

  it('allows the same name in another region', async () => {
    const name = uniqueName();
    await create(name);
    const other = regionCaller(emulator, 'cn-shanghai', clock);
    expect((await other('CreateChatConfiguration', { Name: name, Type: 'DingTalk' })).status).toBe(200);
  });

  it('requires RegionId', async () => {
    const response = await call('CreateChatConfiguration', { RegionId: '', Name: uniqueName(), Type: 'DingTalk' });
    expect(response.body.Code).toBe('MissingParameter.RegionId');
  });

  it('requires Type', async () => {
    const response = await call('CreateChatConfiguration', { Name: uniqueName() });
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('MissingParameter.Type');
  });

  it('accepts only DingTalk and WeChat as Type', async () => {
    const response = await call('CreateChatConfiguration', { Name: uniqueName(), Type: 'Slack' });
    expect(response.body.Code).toBe('InvalidParameter.Type');
  });

  it.each(['', 'has space', 'x'.repeat(129), 'slash/name'])('rejects the name %j', async (name) => {
    const response = await call('CreateChatConfiguration', { Name: name, Type: 'DingTalk' });
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe(name === '' ? 'MissingParameter.Name' : 'InvalidParameter.Name');
  });

  it('rejects a Configuration that is not a JSON object of strings without echoing it', async () => {
    for (const configuration of ['not json secret-abc', '["a"]', '{"DingTalkClientSecret":42}']) {
      const response = await create(uniqueName(), { Configuration: configuration });
      expect(response.body.Code).toBe('InvalidParameter.Configuration');
      expect(response.body.Message).not.toContain('secret-abc');
    }
  });

  it('defaults ResourceGroupId to the emulator default', async () => {
    const name = uniqueName();
    await create(name);
    expect((await get(name)).ResourceGroupId).toBe('rg-acfmdefault000001');
  });
});

describe('GetChatConfiguration', () => {
  it('masks every key ending in Secret, whatever its case', async () => {
    const name = uniqueName();
    await create(name, { Configuration: JSON.stringify({ AppSecret: 'a', webhookSECRET: 'b', ClientId: 'c' }) });
    expect(JSON.parse((await get(name)).Configuration)).toEqual({ AppSecret: '******', webhookSECRET: '******', ClientId: 'c' });
  });

  it('returns all fields and a webhook URL for the account', async () => {
    const name = uniqueName();
    await create(name, { RamRole: 'AliyunOOSDefaultRole', ResourceGroupId: 'rg-abc123' });
    const configuration = await get(name);
    expect(configuration).toMatchObject({ Name: name, Type: 'DingTalk', RamRole: 'AliyunOOSDefaultRole', ResourceGroupId: 'rg-abc123' });
    expect(JSON.parse(configuration.Outputs).URL).toMatch(/^https:\/\/1111222233334444\.appflow\.aliyunnest\.com\/webhook\/[0-9a-f]+$/);
  });

  it('gives WeChat configurations a stable 43-character AesKey', async () => {
    const name = uniqueName();
    await call('CreateChatConfiguration', { Name: name, Type: 'WeChat' });
    const first = JSON.parse((await get(name)).Outputs);
    await call('UpdateChatConfiguration', { Name: name, RamRole: 'Role' });
    const second = JSON.parse((await get(name)).Outputs);
    expect(first.AesKey).toMatch(/^[A-Za-z0-9]{43}$/);
    expect(second).toEqual(first);
  });

  it('answers a missing name with EntityNotExists.ChatConfiguration (404)', async () => {
    const response = await call('GetChatConfiguration', { Name: 'never-created' });
    expect(response.status).toBe(404);
    expect(response.body.Code).toBe('EntityNotExists.ChatConfiguration');
  });
});

describe('UpdateChatConfiguration', () => {
  it('keeps the fields it is not given and moves UpdatedDate', async () => {
    const name = uniqueName();
    await create(name, { RamRole: 'RoleA', ResourceGroupId: 'rg-keep1' });
    now = new Date('2026-03-01T09:30:00.000Z');
    const response = await call('UpdateChatConfiguration', { Name: name, Type: 'WeChat' });
    expect(response.body.ChatConfiguration).toEqual({ Name: name, CreatedDate: '2026-03-01T08:00:00+00:00', UpdatedDate: '2026-03-01T09:30:00+00:00' });
    const configuration = await get(name);
    expect(configuration).toMatchObject({ Type: 'WeChat', RamRole: 'RoleA', ResourceGroupId: 'rg-keep1' });
    expect(JSON.parse(configuration.Configuration)).toEqual({ ...DINGTALK, DingTalkClientSecret: '******' });
    now = new Date('2026-03-01T08:00:00.000Z');
  });

  it('replaces Configuration as a whole', async () => {
    const name = uniqueName();
    await create(name);
    await call('UpdateChatConfiguration', { Name: name, Configuration: '{"DingTalkClientId":"new"}' });
    expect(JSON.parse((await get(name)).Configuration)).toEqual({ DingTalkClientId: 'new' });
  });

  it('keeps the stored secret when the masked value is sent back', async () => {
    // Get never shows the secret, so the data file (the "cloud side") is where to look.
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'oos-emulator-mask-'));
    const dataFile = path.join(directory, 'state.json');
    const persistent = await startEmulator({ clock, dataFile });
    try {
      const callPersistent = regionCaller(persistent, 'cn-hangzhou', clock);
      await callPersistent('CreateChatConfiguration', { Name: 'masked', Type: 'DingTalk', Configuration: JSON.stringify(DINGTALK) });
      const masked = JSON.parse((await callPersistent('GetChatConfiguration', { Name: 'masked' })).body.ChatConfiguration.Configuration);
      await callPersistent('UpdateChatConfiguration', { Name: 'masked', Configuration: JSON.stringify({ ...masked, DingTalkClientId: 'changed' }) });
      const saved = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
      expect(saved.regions[0].chatConfigurations[0].configuration).toEqual({ ...DINGTALK, DingTalkClientId: 'changed' });
    } finally {
      await persistent.close();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('refuses a masked secret for a key that holds no secret yet', async () => {
    const name = uniqueName();
    await create(name);
    const response = await call('UpdateChatConfiguration', { Name: name, Configuration: '{"OtherSecret":"******"}' });
    expect(response.body.Code).toBe('InvalidParameter.Configuration');
  });

  it('answers a missing name with 404', async () => {
    const response = await call('UpdateChatConfiguration', { Name: 'never-created', RamRole: 'R' });
    expect(response.status).toBe(404);
    expect(response.body.Code).toBe('EntityNotExists.ChatConfiguration');
  });
});

describe('ListChatConfigurations', () => {
  const list = regionCallerFor('ap-southeast-1');

  function regionCallerFor(regionId: string) {
    return (params: Record<string, string> = {}) => regionCaller(emulator, regionId, clock)('ListChatConfigurations', params);
  }

  beforeAll(async () => {
    const seed = regionCaller(emulator, 'ap-southeast-1', clock);
    for (const [name, type] of [
      ['prod-b', 'DingTalk'],
      ['prod-a', 'WeChat'],
      ['dev-a', 'DingTalk'],
    ]) {
      await seed('CreateChatConfiguration', { Name: name, Type: type, Configuration: '{"ClientSecret":"s"}', ResourceGroupId: 'rg-x1' });
    }
  });

  const names = (body: JsonBody) => body.ChatConfigurations.map((item: { Name: string }) => item.Name);

  it('returns every configuration of the region sorted by name, without Configuration or ResourceGroupId', async () => {
    const { body } = await list();
    expect(names(body)).toEqual(['dev-a', 'prod-a', 'prod-b']);
    expect(Object.keys(body.ChatConfigurations[0]).sort()).toEqual(['CreatedDate', 'Name', 'Outputs', 'Type', 'UpdatedDate']);
    expect(body.NextToken).toBeUndefined();
  });

  it('filters by name prefix and by exact type, with case-insensitive filter names', async () => {
    expect(names((await list({ 'Filters.1.Name': 'name', 'Filters.1.Value': 'prod-' })).body)).toEqual(['prod-a', 'prod-b']);
    const both = await list({ 'Filters.1.Name': 'NAME', 'Filters.1.Value': 'prod', 'Filters.2.Name': 'Type', 'Filters.2.Value': 'DingTalk' });
    expect(names(both.body)).toEqual(['prod-b']);
  });

  it('rejects an unknown filter name', async () => {
    const response = await list({ 'Filters.1.Name': 'status', 'Filters.1.Value': 'inactive' });
    expect(response.body.Code).toBe('InvalidParameter.Filters');
  });

  it('pages with MaxResults and NextToken', async () => {
    const first = await list({ MaxResults: '2' });
    expect(names(first.body)).toEqual(['dev-a', 'prod-a']);
    const second = await list({ MaxResults: '2', NextToken: first.body.NextToken });
    expect(names(second.body)).toEqual(['prod-b']);
    expect(second.body.NextToken).toBeUndefined();
  });

  it.each(['0', '101', 'ten'])('rejects MaxResults %s', async (maxResults) => {
    expect((await list({ MaxResults: maxResults })).body.Code).toBe('InvalidParameter.MaxResults');
  });
});

describe('DeleteChatConfiguration', () => {
  it('deletes and confirms with a Content message', async () => {
    const name = uniqueName();
    await create(name);
    const response = await call('DeleteChatConfiguration', { Name: name });
    expect(response.body).toEqual({ RequestId: expect.any(String), Content: 'Chat configuration deleted successfully.' });
    expect((await call('GetChatConfiguration', { Name: name })).status).toBe(404);
  });

  it('answers a missing name with 404', async () => {
    expect((await call('DeleteChatConfiguration', { Name: 'never-created' })).body.Code).toBe('EntityNotExists.ChatConfiguration');
  });

  it('removes the configuration’s tags', async () => {
    const name = uniqueName();
    await create(name);
    await call('TagResources', { ResourceType: 'chatconfiguration', ResourceIds: JSON.stringify([name]), Tags: '{"env":"dev"}' });
    await call('DeleteChatConfiguration', { Name: name });
    await create(name);
    const tags = await call('ListTagResources', { ResourceType: 'chatconfiguration', ResourceIds: JSON.stringify([name]) });
    expect(tags.body.TagResources.TagResource).toEqual([]);
  });
});
