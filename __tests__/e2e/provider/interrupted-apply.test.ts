/**
 * A failure after Create never costs the webhook URL: the emulator (OOS) stops in the middle of an
 * apply of 20 configurations with tags, between their creates and their tags, and comes back.
 * Terraform would replace a create that returned an error (tainted), giving each bot a new webhook
 * URL to register again; the provider instead records them as created, and the next apply
 * finishes them in place.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '../../../lib/emulator';
import { TerraformWorkspace, emulatorClient, emulatorClientEnvironment } from '../../../lib/tooling';
import { chatBots } from '../support/chat-bots';

const NAMES = Array.from({ length: 20 }, (_, i) => `interrupted-${i}`);

describe('the emulator stopped mid-apply of 20 configurations with tags, then restarted', () => {
  let dataDir: string;
  let emulator: RunningEmulator;
  let workspace: TerraformWorkspace;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'oos-interrupted-'));
    // Tagging takes a while, so every create has landed while its tags are still on the way.
    emulator = await startEmulator({ dataFile: join(dataDir, 'oos.json'), faults: { latencyMs: 2000, actions: ['TagResources'] } });
    workspace = await TerraformWorkspace.temporary({ env: emulatorClientEnvironment(emulator.url) });
    workspace.writeConfig(chatBots(NAMES, {}, { timeouts: { create: '6s' } }));
    await workspace.init();
  });
  afterAll(async () => {
    await emulator?.close();
    workspace?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the interrupted apply records every created configuration; the next plan replaces none; the apply after it converges with every webhook URL unchanged', async () => {
    const client = emulatorClient(emulator.url);
    const apply = workspace.run(['apply', '-auto-approve', '-input=false', '-no-color']);
    while ((await client.listChatConfigurations()).length < NAMES.length) await new Promise((resolve) => setTimeout(resolve, 50));
    const before = new Map((await Promise.all(NAMES.map((name) => client.getChatConfiguration(name)))).map((c) => [c.name, c]));
    await emulator.close(); // OOS goes away with every TagResources still in flight
    const interrupted = await apply;
    const output = interrupted.stdout + interrupted.stderr;
    expect(output).toMatch(/was created but not finished/);
    expect(output).not.toMatch(/tainted/);

    emulator = await startEmulator({ port: emulator.port, dataFile: join(dataDir, 'oos.json') });
    const plan = await workspace.planView();
    const changes = plan.resourceChanges.map((change) => change.actions.join(','));
    expect(changes.filter((actions) => actions.includes('delete'))).toEqual([]);
    expect(changes.filter((actions) => actions === 'update').length).toBeGreaterThan(0);

    await workspace.apply(['plan.tfplan']);
    const after = await Promise.all(NAMES.map((name) => client.getChatConfiguration(name)));
    for (const configuration of after) {
      expect(configuration.outputs.URL).toBe(before.get(configuration.name)?.outputs.URL);
      // The same configuration, not a new one under the same name (the emulator derives URLs from names).
      expect(configuration.createdDate).toBe(before.get(configuration.name)?.createdDate);
      expect(await client.getChatConfigurationTags(configuration.name)).toEqual({ Team: 'sre' });
    }
    expect((await workspace.planExitCode()).code).toBe(0);
  });
});
