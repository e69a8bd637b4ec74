/**
 * The provider against an OOS that throttles and fails: retries carry an apply through, and when
 * retries run out the error names the OOS code and RequestId.
 */
import { OosFixture, startInitializedOosFixture } from '../support/oos-fixture';
import { chatBots } from '../support/chat-bots';

/** `count` configurations named flaky-bot-<index>. */
const bots = (count: number, provider: Record<string, unknown> = {}) =>
  chatBots(
    Array.from({ length: count }, (_, i) => `flaky-bot-${i}`),
    provider,
  );

describe('an unreliable OOS', () => {
  let fixture: OosFixture;

  beforeAll(async () => {
    fixture = await startInitializedOosFixture();
  });
  afterAll(async () => fixture?.dispose());

  test('throttling and 503s on a third of the calls are retried and the apply succeeds', async () => {
    fixture.workspace.writeConfig(bots(6, { max_retries: 10 }));
    fixture.emulator.setFaults({ throttlingRate: 0.2, serverErrorRate: 0.15 });
    await fixture.workspace.apply();
    fixture.emulator.setFaults({});
    expect((await fixture.client.listChatConfigurations()).map((item) => item.name)).toHaveLength(6);
    expect((await fixture.workspace.planExitCode()).code).toBe(0);
  });

  test('a Create whose answer was lost is retried, meets its own configuration and adopts it', async () => {
    fixture.workspace.writeConfig(bots(7, { max_retries: 3 }));
    // Every Create is carried out but never answered: the retry then finds the configuration it made.
    fixture.emulator.setFaults({ lostResponseRate: 1, actions: ['CreateChatConfiguration'] });
    await fixture.workspace.apply();
    fixture.emulator.setFaults({});
    expect((await fixture.client.getChatConfiguration('flaky-bot-6')).configuration.DingTalkClientId).toBe('cid-6');
    expect((await fixture.workspace.planExitCode()).code).toBe(0);
  });

  test('when retries run out the error carries the OOS code and the RequestId', async () => {
    fixture.workspace.writeConfig(bots(1, { max_retries: 0 }));
    fixture.emulator.setFaults({ throttlingRate: 1 });
    const result = await fixture.workspace.run(['apply', '-auto-approve', '-input=false', '-no-color', '-refresh=false']);
    fixture.emulator.setFaults({});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Throttling\.User/);
    expect(result.stderr).toMatch(/RequestId: [0-9A-F-]{36}/);
  });
});
