/**
 * The cdktf CLI itself (`cdktf deploy` / `cdktf diff` through `npm run deploy|diff`) deploys the dev
 * stack with this package's provider from a local mirror: no registry, real terraform, the emulator.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningEmulator, startEmulator } from '../../lib/emulator';
import { PACKAGE_ROOT, emulatorClient, emulatorClientEnvironment } from '../../lib/tooling';

const WRAPPER = join(PACKAGE_ROOT, 'dist/scripts/cdktf-with-local-provider.js');

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [WRAPPER, ...args], { cwd, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, output }));
  });
}

describe('cdktf CLI with the local provider', () => {
  let emulator: RunningEmulator;
  let project: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    emulator = await startEmulator();
    // A project folder of its own, so the test never touches the checkout's .chatops or cdktf.out.
    project = mkdtempSync(join(tmpdir(), 'oos-cdktf-cli-'));
    writeFileSync(
      join(project, 'cdktf.json'),
      JSON.stringify({ language: 'typescript', app: `node ${JSON.stringify(join(PACKAGE_ROOT, 'dist/main.js'))}`, sendCrashReports: 'false' }),
    );
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...(process.env.TERRAFORM_BINARY ? { TERRAFORM_BINARY: process.env.TERRAFORM_BINARY } : {}),
      CHECKPOINT_DISABLE: '1',
      CI: '1',
      DISABLE_VERSION_CHECK: 'true',
      ...emulatorClientEnvironment(emulator.url),
      TF_VAR_dev_alerts_wechat_secret: 'cdktf-cli-wechat-secret',
    };
    const client = emulatorClient(emulator.url);
    await client.createSecretParameter('chatops-dev-ops-dingtalk-secret', 'cdktf-cli-dingtalk-secret');
  });

  afterAll(async () => {
    await emulator?.close();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  test('deploy creates the dev configurations, then diff reports no changes', async () => {
    const deploy = await run(['deploy', 'dev', '--auto-approve'], project, env);
    expect({ code: deploy.code, tail: deploy.output.slice(-3000) }).toMatchObject({ code: 0 });
    const client = emulatorClient(emulator.url);
    expect((await client.listChatConfigurations()).map((item) => item.name)).toEqual(['dev-alerts-wechat', 'dev-ops-dingtalk']);
    expect(deploy.output).not.toContain('cdktf-cli-wechat-secret');

    const diff = await run(['diff', 'dev'], project, env);
    expect({ code: diff.code, tail: diff.output.slice(-3000) }).toMatchObject({ code: 0 });
    expect(diff.output).toMatch(/No changes/);
  });
});
