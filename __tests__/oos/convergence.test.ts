/**
 * Default settings converge under the fault mix of issue 8 (defect 4), at a fifth of its scale:
 * 60 parallel creates against the emulator with 30% Throttling, 10% ServiceUnavailable, 5%
 * dropped connections and 5% lost responses all end with the configuration created, and every
 * "already exists" they meet follows an attempt whose outcome was unknown. The old defaults (5
 * retries) lost some of them every run.
 */
import { OosClient } from '../../lib/oos/client';
import { isAlreadyExists, OosApiError } from '../../lib/oos/errors';
import { DEFAULT_EMULATOR_CREDENTIAL, startEmulator, type RunningEmulator } from '../../lib/emulator';

const CREATES = 60;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    faults: { throttlingRate: 0.3, serverErrorRate: 0.1, dropRate: 0.05, lostResponseRate: 0.05, actions: ['CreateChatConfiguration'] },
    faultSeed: 8,
  });
});

afterAll(async () => {
  await emulator.close();
});

test(`${CREATES} parallel creates under throttling, 503s, drops and lost responses all converge with default settings`, async () => {
  const client = new OosClient({ regionId: 'cn-hangzhou', endpoint: emulator.url, credentials: { ...DEFAULT_EMULATOR_CREDENTIAL } });
  const started = Date.now();
  const names = Array.from({ length: CREATES }, (_, i) => `soak-${String(i).padStart(3, '0')}`);
  const outcomes = await Promise.all(
    names.map((name) =>
      client.createChatConfiguration({ name, type: 'DingTalk' }).then(
        () => 'created',
        (error: unknown) => {
          // A lost response followed by "already exists" is the provider's to adopt; anything else is a failure.
          if (isAlreadyExists(error) && (error as OosApiError).outcomeUnknown) return 'created, answer lost';
          throw error;
        },
      ),
    ),
  );
  expect(outcomes).toHaveLength(CREATES);
  expect(Date.now() - started).toBeLessThan(30_000);
  // OOS throttled: the shared limiter engaged.
  expect(client.sendRate).toBeGreaterThan(0);
  emulator.setFaults({});
  const listed = await client.listChatConfigurations([{ name: 'Name', value: 'soak-' }]);
  expect(listed.map((c) => c.name).sort()).toEqual(names);
}, 90_000);
