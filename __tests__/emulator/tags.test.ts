/** The tag API over chat configurations (configurable ResourceType) and secret parameters. */
import { type RunningEmulator, startEmulator } from '../../lib/emulator';
import { regionCaller } from './signed-client';

let emulator: RunningEmulator;
let call: ReturnType<typeof regionCaller>;

beforeAll(async () => {
  emulator = await startEmulator({ tagResourceType: 'chatconfig' });
  call = regionCaller(emulator);
  for (const name of ['bot-1', 'bot-2', 'bot-3']) await call('CreateChatConfiguration', { Name: name, Type: 'DingTalk' });
  await call('CreateSecretParameter', { Name: 'tagged-secret', Value: 'v' });
});

afterAll(async () => {
  await emulator.close();
});

const ids = (...names: string[]) => JSON.stringify(names);
const tag = (resourceIds: string, tags: Record<string, string>, resourceType = 'chatconfig') =>
  call('TagResources', { ResourceType: resourceType, ResourceIds: resourceIds, Tags: JSON.stringify(tags) });
const listTags = (params: Record<string, string> = {}) => call('ListTagResources', { ResourceType: 'chatconfig', ...params });

describe('TagResources and ListTagResources', () => {
  it('tags several chat configurations at once and lists one row per tag', async () => {
    expect((await tag(ids('bot-1', 'bot-2'), { env: 'dev', team: 'ops' })).status).toBe(200);
    const { body } = await listTags({ ResourceIds: ids('bot-1') });
    expect(body.TagResources.TagResource).toEqual([
      { ResourceId: 'bot-1', ResourceType: 'chatconfig', TagKey: 'env', TagValue: 'dev' },
      { ResourceId: 'bot-1', ResourceType: 'chatconfig', TagKey: 'team', TagValue: 'ops' },
    ]);
    expect(body.NextToken).toBe('');
  });

  it('filters listed resources by tags', async () => {
    await tag(ids('bot-3'), { env: 'prod' });
    const { body } = await listTags({ Tags: '{"env":"prod"}' });
    expect(body.TagResources.TagResource.map((row: { ResourceId: string }) => row.ResourceId)).toEqual(['bot-3']);
  });

  it('uses the configured ResourceType for chat configurations and refuses others', async () => {
    const response = await tag(ids('bot-1'), { a: 'b' }, 'chatconfiguration');
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('InvalidParameter.ResourceType');
  });

  it('tags secret parameters under secretparameter', async () => {
    expect((await tag(ids('tagged-secret'), { owner: 'me' }, 'secretparameter')).status).toBe(200);
    const { body } = await call('ListTagResources', { ResourceType: 'secretparameter' });
    expect(body.TagResources.TagResource).toEqual([{ ResourceId: 'tagged-secret', ResourceType: 'secretparameter', TagKey: 'owner', TagValue: 'me' }]);
  });

  it('refuses to tag a chat configuration that does not exist, and tags none of the batch', async () => {
    const response = await tag(ids('bot-2', 'ghost'), { batch: 'x' });
    expect(response.status).toBe(404);
    expect(response.body.Code).toBe('EntityNotExists.ChatConfiguration');
    const { body } = await listTags({ ResourceIds: ids('bot-2'), Tags: '{"batch":"x"}' });
    expect(body.TagResources.TagResource).toEqual([]);
  });

  it('refuses more than 20 tags on one resource', async () => {
    const many = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`k${i}`, 'v']));
    const response = await tag(ids('bot-1'), many); // bot-1 already has env and team
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('TagLimitExceeded');
  });

  it.each([
    ['aliyun-owned', 'InvalidParameter.TagKey'],
    ['acs:system', 'InvalidParameter.TagKey'],
    ['k'.repeat(129), 'InvalidParameter.TagKey'],
  ])('refuses the tag key %s', async (key, code) => {
    expect((await tag(ids('bot-1'), { [key]: 'v' })).body.Code).toBe(code);
  });

  it('refuses a tag value longer than 128 characters', async () => {
    expect((await tag(ids('bot-1'), { long: 'v'.repeat(129) })).body.Code).toBe('InvalidParameter.TagValue');
  });

  it('refuses more than 50 resource ids and malformed JSON', async () => {
    const fiftyOne = JSON.stringify(Array.from({ length: 51 }, (_, i) => `bot-${i}`));
    expect((await tag(fiftyOne, { a: 'b' })).body.Code).toBe('InvalidParameter.ResourceIds');
    expect((await call('TagResources', { ResourceType: 'chatconfig', ResourceIds: 'bot-1', Tags: '{"a":"b"}' })).body.Code).toBe(
      'InvalidParameter.ResourceIds',
    );
  });

  it('pages long listings 50 rows at a time', async () => {
    const local = regionCaller(emulator, 'eu-central-1');
    const names = Array.from({ length: 6 }, (_, i) => `paged-${i}`);
    for (const name of names) await local('CreateChatConfiguration', { Name: name, Type: 'DingTalk' });
    const tags = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`key-${String(i).padStart(2, '0')}`, 'v']));
    await local('TagResources', { ResourceType: 'chatconfig', ResourceIds: JSON.stringify(names), Tags: JSON.stringify(tags) });
    const first = await local('ListTagResources', { ResourceType: 'chatconfig' });
    expect(first.body.TagResources.TagResource).toHaveLength(50);
    const second = await local('ListTagResources', { ResourceType: 'chatconfig', NextToken: first.body.NextToken });
    expect(second.body.TagResources.TagResource).toHaveLength(10);
    expect(second.body.NextToken).toBe('');
  });
});

describe('UntagResources', () => {
  it('removes the given keys only', async () => {
    await tag(ids('bot-2'), { keep: '1', drop: '2' });
    await call('UntagResources', { ResourceType: 'chatconfig', ResourceIds: ids('bot-2'), TagKeys: '["drop"]' });
    const keys = (await listTags({ ResourceIds: ids('bot-2') })).body.TagResources.TagResource.map((row: { TagKey: string }) => row.TagKey);
    expect(keys).toContain('keep');
    expect(keys).not.toContain('drop');
  });

  it('removes every tag with All=true', async () => {
    await call('UntagResources', { ResourceType: 'chatconfig', ResourceIds: ids('bot-2'), All: 'true' });
    expect((await listTags({ ResourceIds: ids('bot-2') })).body.TagResources.TagResource).toEqual([]);
  });

  it('needs TagKeys unless All is true', async () => {
    expect((await call('UntagResources', { ResourceType: 'chatconfig', ResourceIds: ids('bot-2') })).body.Code).toBe('MissingParameter.TagKeys');
  });
});
