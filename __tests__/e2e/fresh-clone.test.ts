/**
 * The README, followed on a fresh clone by a new user: `git clone`, `npm ci`, then the documented
 * commands (the quick start's `npm start` twice, `npm run emulator` with plain cdktf synth, diff,
 * deploy, output and destroy, `npm run plan`, `npm run bindings`), with an empty HOME and no
 * Terraform CLI configuration. The tests are one story and run in order; the last one checks that
 * nothing was left in HOME but the documented caches.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { type CloneCommandResult, cloneProject, npmCacheFolder, npmEnvironment, runInClone } from '../../lib/tooling';
import { filesLeftInHome } from '../support/home';

const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');
const STEP_TIMEOUT = 300_000;

let work: string;
let clone: string;
let home: string;
let env: NodeJS.ProcessEnv;
let emulator: { process: ChildProcess; exports: Record<string, string> } | undefined;

const run = async (program: string, args: readonly string[], extra: NodeJS.ProcessEnv = {}): Promise<CloneCommandResult> => {
  const result = await runInClone(program, args, clone, { ...env, ...extra });
  return { ...result, output: result.output.replace(ANSI_ESCAPE, '') };
};
const npm = (args: readonly string[], extra?: NodeJS.ProcessEnv) => run('npm', args, extra);
const cdktf = (args: readonly string[], extra?: NodeJS.ProcessEnv) => run('npx', ['--no-install', 'cdktf', ...args], extra);
const withEmulator = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...(emulator?.exports ?? {}), ...extra });
const editMain = (from: string, to: string): string => {
  const file = join(clone, 'main.ts');
  const before = readFileSync(file, 'utf8');
  if (!before.includes(from)) throw new Error(`main.ts has no ${from}`);
  writeFileSync(file, before.replace(from, to));
  return before;
};

/** `npm run emulator` in the background, as a user's first shell; resolves with the export lines it prints. */
function startNpmEmulator(): Promise<{ process: ChildProcess; exports: Record<string, string> }> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', 'emulator', '--', '--port', '0'], { cwd: clone, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => fail(new Error(`npm run emulator printed no export lines in 120 s:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('# then:')) return;
      clearTimeout(timer);
      const exports = Object.fromEntries([...output.matchAll(/^export (\w+)='([^']*)'$/gm)].map((match) => [match[1], match[2]]));
      done({ process: child, exports });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => fail(new Error(`npm run emulator exited ${code}:\n${output}`)));
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'oos-fresh-clone-'));
  home = join(work, 'home');
  mkdirSync(home);
  clone = cloneProject(join(work, 'chatops'));
  // What a new user's shell has: a PATH, an empty home, no Terraform CLI configuration, npm's cache warm.
  env = npmEnvironment({ PATH: process.env.PATH, HOME: home, CHECKPOINT_DISABLE: '1', TMPDIR: tmpdir() }, npmCacheFolder());
  if (process.env.TERRAFORM_BINARY) Object.assign(env, { TERRAFORM_BINARY: process.env.TERRAFORM_BINARY, TERRAFORM_BINARY_NAME: process.env.TERRAFORM_BINARY });
  const install = await npm(['ci']);
  if (install.code !== 0) throw new Error(`npm ci failed in the clone:\n${install.output}`);
}, 600_000);

afterAll(async () => {
  if (emulator) process.kill(-(emulator.process.pid as number), 'SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a fresh clone, as the README says', () => {
  test(
    'npm start deploys dev to the emulator and prints the webhook URLs; the second run finds no changes',
    async () => {
      const first = await npm(['start']);
      expect({ code: first.code, output: first.output }).toEqual({ code: 0, output: expect.stringContaining('Chat configurations of dev') });
      const urls = webhookUrls(first.output);
      expect(urls).toHaveLength(2);
      const second = await npm(['start']);
      expect(second.code).toBe(0);
      expect(second.output).toContain('No changes.');
      expect(webhookUrls(second.output)).toEqual(urls);
    },
    STEP_TIMEOUT,
  );

  test(
    'npm run emulator prints the dev secret the emulator holds, and npm run plan against it finds no changes',
    async () => {
      emulator = await startNpmEmulator();
      const secret = emulator.exports.TF_VAR_dev_alerts_wechat_secret;
      expect(secret).toMatch(/^dev-[0-9a-f]{24}$/);
      expect(readFileSync(join(clone, '.chatops', 'emulator-data.json'), 'utf8')).toContain(secret);
      const plan = await npm(['run', 'plan', '--', 'dev'], withEmulator());
      expect({ code: plan.code, tail: plan.output.slice(-400) }).toEqual({ code: 0, tail: expect.stringContaining('exit 0: no changes') });
    },
    STEP_TIMEOUT,
  );

  test(
    'plain cdktf: synth, diff, deploy of an edit, output; no CLI configuration, no --skip-provider-lock',
    async () => {
      expect((await cdktf(['synth'])).code).toBe(0);
      const diff = await cdktf(['diff', 'dev'], withEmulator());
      expect({ code: diff.code, noChanges: /No changes/.test(diff.output) }).toEqual({ code: 0, noChanges: true });
      editMain(`tags: { Team: 'sre' }`, `tags: { Team: 'sre', Channel: 'fresh-clone' }`);
      const deploy = await cdktf(['deploy', 'dev', '--auto-approve'], withEmulator());
      expect({ code: deploy.code, output: deploy.output }).toEqual({ code: 0, output: expect.stringContaining('1 changed, 0 destroyed') });
      expect(deploy.output).not.toContain(emulator?.exports.TF_VAR_dev_alerts_wechat_secret);
      // terraform init verified the provider against the committed lock and had nothing to add to it.
      expect(readFileSync(join(clone, 'cdktf.out', 'stacks', 'dev', '.terraform.lock.hcl'), 'utf8')).toBe(
        readFileSync(join(clone, '.terraform.lock.hcl'), 'utf8'),
      );
      const output = await cdktf(['output', 'dev'], withEmulator());
      expect({ code: output.code, output: output.output }).toEqual({ code: 0, output: expect.stringContaining('dev-ops-dingtalk') });
      expect(output.output).toContain('webhook_urls');
    },
    STEP_TIMEOUT,
  );

  test(
    'a missing TF_VAR_ is named before anything runs, and never waits for input',
    async () => {
      const missing = { TF_VAR_dev_alerts_wechat_secret: undefined };
      const script = await npm(['run', 'deploy', '--', 'dev', '--auto-approve'], withEmulator(missing));
      expect(script.code).not.toBe(0);
      expect(script.output).toContain('missing TF_VAR_dev_alerts_wechat_secret');
      // Plain cdktf without TF_INPUT=0: terraform stops at the variable's validation instead of prompting.
      const plain = await cdktf(['deploy', 'dev', '--auto-approve'], withEmulator(missing));
      expect(plain.code).not.toBe(0);
      expect(plain.output.replace(/[\s│]+/g, ' ')).toContain(
        'No value for the ephemeral variable dev_alerts_wechat_secret: set TF_VAR_dev_alerts_wechat_secret',
      );
    },
    STEP_TIMEOUT,
  );

  test(
    'plain cdktf destroy removes the bots; npm run plan -- dev then exits 2 and writes the plan',
    async () => {
      expect((await cdktf(['destroy', 'dev', '--auto-approve'], withEmulator())).code).toBe(0);
      const plan = await npm(['run', 'plan', '--', 'dev'], withEmulator());
      expect({ code: plan.code, tail: plan.output.slice(-600) }).toEqual({ code: 2, tail: expect.stringContaining('Plan: 2 to add') });
      for (const file of ['plan.tfplan', 'plan.json', 'summary.md']) expect(existsSync(join(clone, 'plan-out', 'dev', file))).toBe(true);
    },
    STEP_TIMEOUT,
  );

  test(
    'a mistake in the app is printed once, without a stack trace or a hint to skip validation',
    async () => {
      const original = editMain(
        `ramRole: 'AliyunOOSDefaultRole',\n  });\n  dev.addChatConfiguration`,
        `ramRole: 'acs:ram::1234567890123456:role/chatops',\n  });\n  dev.addChatConfiguration`,
      );
      const invalid = await npm(['run', 'plan', '--', 'dev'], withEmulator());
      expect(invalid.code).toBe(1);
      expect(invalid.output.match(/ramRole/g)?.length ?? 0).toBe(1);
      expect(invalid.output).not.toMatch(/skipValidation|^\s+at /m);
      writeFileSync(join(clone, 'main.ts'), original);

      editMain(
        `  const stacks = { dev, staging, prod };`,
        `  dev.addChatConfiguration('ops-dingtalk', { platform: Platform.weChat({ settings: { CorpId: 'ww', AgentId: '1' } }) });\n  const stacks = { dev, staging, prod };`,
      );
      const duplicate = await npm(['run', 'plan', '--', 'dev'], withEmulator());
      expect(duplicate.code).toBe(1);
      expect(duplicate.output).toContain(`There is already a Construct with name 'ops-dingtalk' in ChatOpsStack [dev]`);
      expect(duplicate.output).not.toMatch(/dist[\\/]cli|^\s+at /m);
      writeFileSync(join(clone, 'main.ts'), original);
    },
    STEP_TIMEOUT,
  );

  test(
    'npm run bindings regenerates .gen/ as committed',
    async () => {
      const bindings = await npm(['run', 'bindings']);
      expect({ code: bindings.code, output: bindings.code === 0 ? '' : bindings.output }).toEqual({ code: 0, output: '' });
      const status = await run('git', ['status', '--porcelain', '--', '.gen']);
      expect(status.output).toBe('');
    },
    STEP_TIMEOUT,
  );

  test('HOME holds nothing but the documented caches, and no link anywhere points into a deleted folder', () => {
    if (emulator) process.kill(-(emulator.process.pid as number), 'SIGTERM');
    emulator = undefined;
    expect(filesLeftInHome(home)).toEqual([]);
    const dangling = danglingLinks(home).concat(danglingLinks(clone).filter((link) => !link.includes(`${join('node_modules', '')}`)));
    expect(dangling).toEqual([]);
  });
});

/** The distinct webhook URLs a command printed, in order. */
function webhookUrls(output: string): string[] {
  return [...new Set(output.match(/https:\/\/[^\s"']+\/webhook\/\w+/g) ?? [])];
}

/** Symbolic links under `dir` whose target does not exist. */
function danglingLinks(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry);
    // A file may go while the walk runs (the emulator removing its lock as it stops).
    if (!lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) continue;
    if (!existsSync(resolve(join(path, '..'), readlinkSync(path)))) found.push(relative(dir, path));
  }
  return found;
}
