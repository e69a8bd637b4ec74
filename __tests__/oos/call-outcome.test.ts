/**
 * What the client reports about whether a call took effect (issue 8, defect 3): an error answer
 * means OOS did not carry the request out; a request sent without a usable answer may have been
 * carried out. The provider may adopt an "already exists" only after such an unknown outcome.
 */
import { OosClient, type OosClientConfig } from '../../lib/oos/client';
import { isAlreadyExists, OosApiError, OosNetworkError, type CallHistory } from '../../lib/oos/errors';
import type { RetryClock } from '../../lib/oos/retry';
import { errorEnvelope, startScriptedServer, useScriptedServer } from './scripted-server';

const server = useScriptedServer();

function instantClock(): RetryClock {
  let time = 0;
  return { random: () => 0.5, now: () => time, sleep: async (ms) => void (time += ms) };
}

function client(overrides: Partial<OosClientConfig> = {}): OosClient {
  return new OosClient({
    regionId: 'cn-hangzhou',
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'test-ak-id', accessKeySecret: 'test-secret' },
    clock: instantClock(),
    requestTimeoutMs: 300,
    ...overrides,
  });
}

const ALREADY_EXISTS = { status: 409, body: errorEnvelope('EntityAlreadyExists.ChatConfiguration', 'exists', 'REQ-409') } as const;
const CREATED = { status: 200, body: { RequestId: 'R', ChatConfiguration: { Name: 'c', CreatedDate: 'd1', UpdatedDate: 'd2' } } } as const;

async function createError(): Promise<OosApiError> {
  const err = await client()
    .createChatConfiguration({ name: 'c', type: 'DingTalk' })
    .catch((e: unknown) => e);
  expect(isAlreadyExists(err)).toBe(true);
  return err as OosApiError;
}

describe('the outcome of a call', () => {
  test('"already exists" after a Throttling answer: no attempt had an unknown outcome, so nothing may be adopted', async () => {
    server.script({ status: 400, body: errorEnvelope('Throttling.User', 'slow down', 'REQ-T') }, ALREADY_EXISTS);
    const err = await createError();
    expect(err.attempt).toBe(2);
    expect(err.outcomeUnknown).toBe(false);
    expect(err.history.attempts.map((a) => [a.outcome, a.code, a.requestId])).toEqual([
      ['rejected', 'Throttling.User', 'REQ-T'],
      ['rejected', 'EntityAlreadyExists.ChatConfiguration', 'REQ-409'],
    ]);
  });

  test('"already exists" after a 503 answer with an error envelope: not executed either', async () => {
    server.script({ status: 503, body: errorEnvelope('ServiceUnavailable', 'busy') }, ALREADY_EXISTS);
    expect((await createError()).outcomeUnknown).toBe(false);
  });

  test('"already exists" after a connection closed before the answer: the first attempt may have created it', async () => {
    server.script({ drop: true }, ALREADY_EXISTS);
    const err = await createError();
    expect(err.outcomeUnknown).toBe(true);
    expect(err.history.attempts.map((a) => a.outcome)).toEqual(['unknown', 'rejected']);
  });

  test('"already exists" after an attempt that timed out waiting for the answer: unknown', async () => {
    server.script({ hang: true }, ALREADY_EXISTS);
    expect((await createError()).outcomeUnknown).toBe(true);
  });

  test('"already exists" after an answer that is not JSON (a proxy page): unknown', async () => {
    server.script({ status: 502, body: '<html>Bad Gateway</html>', headers: { 'content-type': 'text/html' } }, ALREADY_EXISTS);
    expect((await createError()).outcomeUnknown).toBe(true);
  });

  test('a refused connection never sent the request: not executed', async () => {
    const closed = await startScriptedServer();
    await closed.close();
    const err = (await client({ endpoint: closed.endpoint, retry: { maxRetries: 1 } })
      .createChatConfiguration({ name: 'c' })
      .catch((e: unknown) => e)) as OosNetworkError;
    expect(err).toBeInstanceOf(OosNetworkError);
    expect(err.outcome).toBe('not-sent');
    expect(err.outcomeUnknown).toBe(false);
    expect(err.history.mayHaveTakenEffect).toBe(false);
  });

  test('a network error that ends the call says the call may have taken effect', async () => {
    server.fallback = { drop: true };
    const err = (await client({ retry: { maxRetries: 1 } })
      .createChatConfiguration({ name: 'c' })
      .catch((e: unknown) => e)) as OosNetworkError;
    expect(err.outcome).toBe('unknown');
    expect(err.outcomeUnknown).toBe(true);
    expect(err.history.mayHaveTakenEffect).toBe(true);
    expect(err.history.attempts).toHaveLength(2);
  });

  test('a successful call reports its history to onHistory', async () => {
    server.script({ drop: true }, CREATED);
    const histories: CallHistory[] = [];
    await client().createChatConfiguration({ name: 'c' }, { onHistory: (h) => histories.push(h) });
    expect(histories).toHaveLength(1);
    expect(histories[0]).toMatchObject({ action: 'CreateChatConfiguration', outcomeUnknown: true, mayHaveTakenEffect: true });
    expect(histories[0].attempts.map((a) => a.outcome)).toEqual(['unknown', 'succeeded']);
  });
});
