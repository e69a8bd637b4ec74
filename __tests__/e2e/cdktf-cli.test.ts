/**
 * Plain cdktf on a fresh clone: `npx cdktf synth|diff|deploy|output|destroy dev` with nothing set
 * but what dev needs (the emulator's endpoint and keys, the secret variable), no CLI configuration
 * and no --skip-provider-lock. The synth lays the release executable and the committed lock file
 * into the stack's folder; terraform installs the provider from there and checks it against the lock.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningEmulator, startEmulator } from '../../lib/emulator';
import { LOCK_FILE, REPOSITORY } from '../../lib/release';
import { copyCheckout, emulatorClient, emulatorClientEnvironment } from '../../lib/tooling';

const WECHAT_SECRET = 'cdktf-cli-wechat-secret';
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');

function npx(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['--no-install', ...args], { cwd, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    // cdktf colours terraform's output whatever the terminal; the assertions read the text.
    child.on('close', (code) => done({ code: code ?? -1, output: output.replace(ANSI_ESCAPE, '') }));
  });
}

describe('plain cdktf commands in a fresh clone', () => {
  let emulator: RunningEmulator;
  let work: string;
  let clone: string;
  let env: NodeJS.ProcessEnv;
  const cdktf = (...args: string[]) => npx(['cdktf', ...args], clone, env);
  const names = async () => (await emulatorClient(emulator.url).listChatConfigurations()).map((item) => item.name);

  beforeAll(async () => {
    emulator = await startEmulator();
    work = mkdtempSync(join(tmpdir(), 'oos-cdktf-cli-'));
    clone = copyCheckout(join(work, 'clone'));
    // The release build cache is shared so the clone's synth does not rebuild the executable the suite already built.
    mkdirSync(join(clone, 'dist', 'release'), { recursive: true });
    mkdirSync(join(REPOSITORY, 'dist', 'release', 'cache'), { recursive: true });
    symlinkSync(join(REPOSITORY, 'dist', 'release', 'cache'), join(clone, 'dist', 'release', 'cache'));
    env = {
      PATH: process.env.PATH,
      // A home of its own: no ~/.terraformrc, no cdktf or npm settings of whoever runs the tests.
      HOME: join(work, 'home'),
      ...(process.env.TERRAFORM_BINARY ? { TERRAFORM_BINARY_NAME: process.env.TERRAFORM_BINARY } : {}),
      ...emulatorClientEnvironment(emulator.url),
      TF_VAR_dev_alerts_wechat_secret: WECHAT_SECRET,
    };
    mkdirSync(env.HOME as string);
    await emulatorClient(emulator.url).createSecretParameter('chatops-dev-ops-dingtalk-secret', 'cdktf-cli-dingtalk-secret');
  }, 120_000);

  afterAll(async () => {
    await emulator?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('synth lays the provider and the committed lock into the stack folder', async () => {
    const synth = await cdktf('synth');
    expect({ code: synth.code, tail: synth.output.slice(-3000) }).toMatchObject({ code: 0 });
    const stackDir = join(clone, 'cdktf.out', 'stacks', 'dev');
    expect(readdirSync(join(stackDir, 'terraform.d', 'plugins', 'oos-chatops.local', 'chatops', 'oos'))).toEqual([
      expect.stringMatching(/^terraform-provider-oos_\d+\.\d+\.\d+_linux_amd64\.zip$/),
    ]);
    expect(readFileSync(join(stackDir, '.terraform.lock.hcl'), 'utf8')).toBe(readFileSync(LOCK_FILE, 'utf8'));
    expect(synth.output).not.toContain('is not in .terraform.lock.hcl');
  }, 300_000);

  test('diff plans the dev configurations, deploy creates them, output prints their webhook URLs', async () => {
    const diff = await cdktf('diff', 'dev');
    expect({ code: diff.code, tail: diff.output.slice(-3000) }).toMatchObject({ code: 0 });
    expect(diff.output).toMatch(/Plan: 2 to add, 0 to change, 0 to destroy/);

    const deploy = await cdktf('deploy', 'dev', '--auto-approve');
    expect({ code: deploy.code, tail: deploy.output.slice(-3000) }).toMatchObject({ code: 0 });
    expect(await names()).toEqual(['dev-alerts-wechat', 'dev-ops-dingtalk']);
    expect(deploy.output).not.toContain(WECHAT_SECRET);
    // terraform init verified the provider against the committed lock and had nothing to add to it.
    expect(readFileSync(join(clone, 'cdktf.out', 'stacks', 'dev', '.terraform.lock.hcl'), 'utf8')).toBe(readFileSync(LOCK_FILE, 'utf8'));

    const output = await cdktf('output', 'dev');
    expect({ code: output.code, tail: output.output.slice(-3000) }).toMatchObject({ code: 0 });
    expect(output.output).toContain('webhook_urls');
    expect(output.output).toContain('dev-ops-dingtalk');
  }, 600_000);

  test('destroy removes them again', async () => {
    const destroy = await cdktf('destroy', 'dev', '--auto-approve');
    expect({ code: destroy.code, tail: destroy.output.slice(-3000) }).toMatchObject({ code: 0 });
    expect(await names()).toEqual([]);
    expect(existsSync(join(clone, '.chatops', 'state', 'dev.tfstate'))).toBe(true);
  }, 300_000);
});
