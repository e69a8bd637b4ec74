/** Faults are injected after the signature check, before the handler, at the configured rates. */
import * as http from 'node:http';
import { type RunningEmulator, startEmulator } from '../../lib/emulator';
import { callV3, regionCaller, send, v3Request } from './signed-client';

let emulator: RunningEmulator;
let call: ReturnType<typeof regionCaller>;

beforeAll(async () => {
  emulator = await startEmulator();
  call = regionCaller(emulator);
});

afterEach(() => emulator.setFaults({}));

afterAll(async () => {
  await emulator.close();
});

it('answers Throttling.User (400) to every request at throttlingRate 1', async () => {
  emulator.setFaults({ throttlingRate: 1 });
  for (let i = 0; i < 3; i++) {
    const response = await call('ListChatConfigurations');
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('Throttling.User');
  }
});

it('answers ServiceUnavailable (503) at serverErrorRate 1', async () => {
  emulator.setFaults({ serverErrorRate: 1 });
  const response = await call('ListChatConfigurations');
  expect(response.status).toBe(503);
  expect(response.body.Code).toBe('ServiceUnavailable');
});

it('injects nothing at rate 0', async () => {
  emulator.setFaults({ throttlingRate: 0, serverErrorRate: 0, dropRate: 0 });
  for (let i = 0; i < 5; i++) expect((await call('ListChatConfigurations')).status).toBe(200);
});

it('does not run the handler when it injects a fault', async () => {
  emulator.setFaults({ serverErrorRate: 1 });
  await call('CreateChatConfiguration', { Name: 'never-made', Type: 'DingTalk' });
  emulator.setFaults({});
  expect((await call('GetChatConfiguration', { Name: 'never-made' })).status).toBe(404);
});

it('checks the signature before injecting faults', async () => {
  emulator.setFaults({ throttlingRate: 1 });
  const response = await callV3(
    emulator,
    'ListChatConfigurations',
    { RegionId: 'cn-hangzhou' },
    {
      credential: { accessKeyId: 'LTAIemulatorKey0001', accessKeySecret: 'wrong' },
    },
  );
  expect(response.body.Code).toBe('SignatureDoesNotMatch');
});

it('drops the connection without a response at dropRate 1', async () => {
  emulator.setFaults({ dropRate: 1 });
  await expect(send(emulator, v3Request(emulator, 'ListChatConfigurations', { RegionId: 'cn-hangzhou' }))).rejects.toMatchObject({
    code: 'ECONNRESET',
  });
});

it('delays responses by latencyMs', async () => {
  emulator.setFaults({ latencyMs: 150 });
  const started = Date.now();
  expect((await call('ListChatConfigurations')).status).toBe(200);
  expect(Date.now() - started).toBeGreaterThanOrEqual(140);
});

it('refuses rates outside 0..1', () => {
  expect(() => emulator.setFaults({ throttlingRate: 1.5 })).toThrow(RangeError);
});

it('keeps serving after dropped connections', async () => {
  emulator.setFaults({ dropRate: 1 });
  await send(emulator, v3Request(emulator, 'ListChatConfigurations', { RegionId: 'cn-hangzhou' })).catch(() => undefined);
  emulator.setFaults({});
  const agentless = await new Promise<number>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: emulator.port, path: '/' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
  expect(agentless).toBe(400);
});

it('carries out a request whose response it then loses at lostResponseRate 1', async () => {
  emulator.setFaults({ lostResponseRate: 1 });
  await expect(call('CreateChatConfiguration', { Name: 'made-but-unanswered', Type: 'DingTalk' })).rejects.toThrow();
  emulator.setFaults({});
  expect((await call('GetChatConfiguration', { Name: 'made-but-unanswered' })).status).toBe(200);
});

it('never turns an error answer into a lost response', async () => {
  emulator.setFaults({ lostResponseRate: 1 });
  const response = await call('GetChatConfiguration', { Name: 'no-such-configuration' });
  expect(response.status).toBe(404);
});

it('applies faults only to the listed actions', async () => {
  emulator.setFaults({ throttlingRate: 1, actions: ['CreateChatConfiguration'] });
  expect((await call('ListChatConfigurations')).status).toBe(200);
  expect((await call('CreateChatConfiguration', { Name: 'scoped-fault', Type: 'DingTalk' })).body.Code).toBe('Throttling.User');
});

it('repeats the same faults for the same seed (--fault-seed), so a faulty run can be replayed', async () => {
  const codes = async (seed: number): Promise<string[]> => {
    const seeded = await startEmulator({ faults: { throttlingRate: 0.5 }, faultSeed: seed });
    try {
      const seededCall = regionCaller(seeded);
      const out: string[] = [];
      for (let i = 0; i < 12; i++) out.push(String((await seededCall('ListChatConfigurations', {})).body.Code ?? 'OK'));
      return out;
    } finally {
      await seeded.close();
    }
  };
  const first = await codes(7);
  expect(first).toContain('Throttling.User');
  expect(first).toContain('OK');
  expect(await codes(7)).toEqual(first);
});

it('stops injecting after maxFaults faults, so a test can fail exactly the first attempt', async () => {
  emulator.setFaults({ throttlingRate: 1, maxFaults: 1 });
  expect((await call('ListChatConfigurations')).status).toBe(400);
  expect((await call('ListChatConfigurations')).status).toBe(200);
  expect(() => emulator.setFaults({ maxFaults: -1 })).toThrow(/maxFaults must be a whole number/);
});

it('carries out a request but answers only a RequestId at malformedRate 1', async () => {
  emulator.setFaults({ malformedRate: 1, actions: ['CreateChatConfiguration'] });
  const created = await call('CreateChatConfiguration', { Name: 'malformed-1', Type: 'DingTalk', Configuration: '{}' });
  expect(created.status).toBe(200);
  expect(Object.keys(created.body)).toEqual(['RequestId']);
  emulator.setFaults({});
  expect((await call('GetChatConfiguration', { Name: 'malformed-1' })).body.ChatConfiguration.Name).toBe('malformed-1');
});
