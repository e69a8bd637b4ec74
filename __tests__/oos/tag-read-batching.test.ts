/**
 * Concurrent tag reads share ListTagResources calls of up to 50 ids, and each caller still gets
 * exactly its own tags, within its own deadline, and its own answer when the shared call fails.
 */
import { OosClient } from '../../lib/oos/client';
import { OosApiError, OosNotStartedError } from '../../lib/oos/errors';
import type { CallHistory } from '../../lib/oos/errors';
import { errorEnvelope, useScriptedServer } from './scripted-server';

const server = useScriptedServer();
const NOW = 1_000_000;

function client(): OosClient {
  return new OosClient({
    regionId: 'cn-hangzhou',
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'test-ak-id', accessKeySecret: 'test-secret' },
    clock: { random: () => 0.5, now: () => NOW, sleep: async () => undefined },
  });
}

const row = (id: string, key: string, value: string) => ({ ResourceId: id, ResourceType: 'chatconfiguration', TagKey: key, TagValue: value });
const tagList = (...rows: object[]) => ({ status: 200, body: { RequestId: 'R-TAGS', TagResources: { TagResource: rows } } });
const idsOf = (i: number) => JSON.parse(server.received[i].params.get('ResourceIds') ?? '[]') as string[];

describe('OOS client: concurrent tag reads', () => {
  test('reads started together go out as one ListTagResources and each caller gets only its own tags', async () => {
    server.script(tagList(row('a', 'Team', 'ops'), row('b', 'Team', 'dev'), row('b', 'Env', 'prod')));
    const histories: CallHistory[] = [];
    const c = client();
    const onHistory = (history: CallHistory) => histories.push(history);
    const tags = await Promise.all(['a', 'b', 'c'].map((name) => c.getChatConfigurationTags(name, { onHistory })));
    expect(tags).toEqual([{ Team: 'ops' }, { Team: 'dev', Env: 'prod' }, {}]);
    expect(server.received).toHaveLength(1);
    expect(idsOf(0)).toEqual(['a', 'b', 'c']);
    expect(histories).toHaveLength(3);
    expect(histories[0].attempts[0]).toMatchObject({ outcome: 'succeeded', requestId: 'R-TAGS' });
  });

  test('reads that arrive a millisecond apart, as Terraform sends its parallel refreshes, still share one call', async () => {
    server.script(tagList(row('a', 'Team', 'ops'), row('b', 'Team', 'dev')));
    const c = client();
    const first = c.getChatConfigurationTags('a');
    await new Promise((resolve) => setTimeout(resolve, 1));
    const second = c.getChatConfigurationTags('b');
    expect(await Promise.all([first, second])).toEqual([{ Team: 'ops' }, { Team: 'dev' }]);
    expect(server.received).toHaveLength(1);
    expect(idsOf(0)).toEqual(['a', 'b']);
  });

  test('a batch holds at most 50 ids', async () => {
    server.fallback = tagList();
    const c = client();
    await Promise.all(Array.from({ length: 60 }, (_, i) => c.getChatConfigurationTags(`bot-${i}`)));
    expect(server.received.map((_, i) => idsOf(i).length).sort((x, y) => x - y)).toEqual([10, 50]);
  });

  test('when the shared call fails, each caller reads alone and gets its own answer', async () => {
    server.script({ status: 400, body: errorEnvelope('InvalidParameter.ResourceIds', 'one id is malformed', 'R-BATCH') }, tagList(row('good', 'Team', 'ops')), {
      status: 400,
      body: errorEnvelope('InvalidParameter.ResourceIds', 'this id is malformed', 'R-BAD'),
    });
    const c = client();
    const [good, bad] = await Promise.allSettled([c.getChatConfigurationTags('good'), c.getChatConfigurationTags('bad#')]);
    expect(good).toEqual({ status: 'fulfilled', value: { Team: 'ops' } });
    expect(bad.status === 'rejected' && bad.reason).toBeInstanceOf(OosApiError);
    expect(bad.status === 'rejected' && (bad.reason as OosApiError).requestId).toBe('R-BAD');
    expect([idsOf(0), idsOf(1), idsOf(2)]).toEqual([['good', 'bad#'], ['good'], ['bad#']]);
  });

  test("the shared call keeps the strictest caller's deadline; the others then read alone within theirs", async () => {
    server.fallback = tagList(row('patient', 'Team', 'ops'));
    const c = client();
    const [late, patient] = await Promise.allSettled([
      c.getChatConfigurationTags('late', { deadline: NOW }),
      c.getChatConfigurationTags('patient', { deadline: NOW + 60_000 }),
    ]);
    expect(late.status === 'rejected' && late.reason).toBeInstanceOf(OosNotStartedError);
    expect(patient).toEqual({ status: 'fulfilled', value: { Team: 'ops' } });
    expect(server.received.map((_, i) => idsOf(i))).toEqual([['patient']]);
  });

  test("one caller's abort ends the shared call for it alone", async () => {
    server.fallback = tagList(row('kept', 'Team', 'ops'));
    const c = client();
    const aborted = new AbortController();
    aborted.abort();
    const [stopped, kept] = await Promise.allSettled([c.getChatConfigurationTags('stopped', { signal: aborted.signal }), c.getChatConfigurationTags('kept')]);
    expect(stopped.status === 'rejected' && (stopped.reason as OosNotStartedError).why).toBe('stopped');
    expect(kept).toEqual({ status: 'fulfilled', value: { Team: 'ops' } });
  });
});
