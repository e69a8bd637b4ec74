/** Clean-up of acceptance leftovers, and the guard that keeps the acceptance suite off a real account unless asked. */
import { type RunningEmulator, startEmulator } from '../../lib/emulator';
import { emulatorClient } from '../../lib/tooling';
import { sweepChatConfigurations } from '../../lib/tooling/sweep';
import { acceptanceProblem } from '../../lib/tooling';

describe('sweepChatConfigurations', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => (emulator = await startEmulator()));
  afterAll(async () => emulator?.close());

  test('deletes every configuration whose name starts with the prefix, and nothing else', async () => {
    const client = emulatorClient(emulator.url);
    for (const name of ['acc-1a2b-bot', 'acc-1a2b-imported', 'team-bot', 'xacc-bot']) await client.createChatConfiguration({ name, type: 'DingTalk' });
    expect((await sweepChatConfigurations(client, 'acc-', { dryRun: true })).deleted).toEqual(['acc-1a2b-bot', 'acc-1a2b-imported']);
    expect((await client.listChatConfigurations()).length).toBe(4);
    const result = await sweepChatConfigurations(client, 'acc-');
    expect(result).toEqual({ deleted: ['acc-1a2b-bot', 'acc-1a2b-imported'], failed: [] });
    expect((await client.listChatConfigurations()).map((c) => c.name)).toEqual(['team-bot', 'xacc-bot']);
  });

  test('refuses a prefix short enough to match real bots', async () => {
    await expect(sweepChatConfigurations(emulatorClient(emulator.url), 'ac')).rejects.toThrow(/shorter than 4 characters/);
  });
});

describe('acceptanceProblem', () => {
  const keys = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's', ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' };

  test('the suite runs against a real account only with CHATOPS_ACCEPTANCE=1, credentials and a region', () => {
    expect(acceptanceProblem(keys)).toMatch(/set CHATOPS_ACCEPTANCE=1/);
    expect(acceptanceProblem({ CHATOPS_ACCEPTANCE: '1', ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' })).toMatch(/no credentials/);
    expect(acceptanceProblem({ ...keys, CHATOPS_ACCEPTANCE: '1', ALIBABA_CLOUD_REGION_ID: '' })).toMatch(/no region/);
    expect(acceptanceProblem({ ...keys, CHATOPS_ACCEPTANCE: '1' })).toBeUndefined();
  });
});
