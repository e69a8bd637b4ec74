/**
 * The pipeline as CI runs it: separate checkouts (runners) of this project, the emulator as the
 * cloud, a real PostgreSQL as the state backend, and the built plan/apply/policy scripts.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_PG_CONN_STR_VARIABLE } from '../../../../config/environments';
import { RunningEmulator, startEmulator } from '../../../../lib/emulator';
import { PACKAGE_ROOT, emulatorClient, emulatorClientEnvironment } from '../../../../lib/tooling';
import { PostgresServer, startPostgres } from './postgres';

/** What synthesis needs from a checkout; .gen/ (generated bindings) is restored like a CI cache when present. */
const CHECKOUT_PATHS = ['main.ts', 'cdktf.json', 'package.json', 'tsconfig.json', 'config', 'lib', '.gen', 'scripts', '.terraform.lock.hcl'];

/** The secret of dev's ephemeral variable, which must never show in a file the pipeline writes. */
export const WECHAT_SECRET = 'wechat-secret-e2e-7c1d55';

export interface CommandResult {
  readonly code: number;
  readonly output: string;
  readonly seconds: number;
}

/** One runner's checkout of the project, in its own temp folder. */
export class Checkout {
  constructor(readonly dir: string) {}

  /** Edits main.ts like a pull request would; fails when `from` is not there, so a test never edits nothing. */
  edit(from: string | RegExp, to: string): void {
    const file = join(this.dir, 'main.ts');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(from, to);
    if (edited === text) throw new Error(`main.ts of ${this.dir} has no ${String(from)} to edit`);
    writeFileSync(file, edited);
  }

  /** Takes main.ts from another checkout: the merge commit the apply job checks out. */
  syncFrom(other: Checkout): void {
    cpSync(join(other.dir, 'main.ts'), join(this.dir, 'main.ts'));
  }

  read(relative: string): string {
    return readFileSync(join(this.dir, relative), 'utf8');
  }

  exists(relative: string): boolean {
    return existsSync(join(this.dir, relative));
  }
}

export interface PipelineFixture {
  readonly emulator: RunningEmulator;
  readonly postgres: PostgresServer;
  /** A new checkout of the project in its own temp folder. */
  readonly checkout: () => Checkout;
  /** Runs `npm run <script> -- <args>` minus its build step (the tests' build is npm test's) in a checkout. */
  readonly run: (checkout: Checkout, script: 'plan' | 'apply' | 'policy', args: readonly string[], env?: NodeJS.ProcessEnv) => Promise<CommandResult>;
  /** Names of the chat configurations the emulator holds. */
  readonly configurationNames: () => Promise<string[]>;
  /** The environment of every command: emulator keys, the pg backend and its password, the ephemeral variable. */
  readonly env: NodeJS.ProcessEnv;
  readonly dispose: () => Promise<void>;
}

export async function startPipeline(): Promise<PipelineFixture> {
  const root = mkdtempSync(join(tmpdir(), 'chatops-pipeline-'));
  const postgres = await startPostgres();
  // Updates take a while, so two applies of one stack really overlap on the state lock.
  const emulator = await startEmulator({ dataFile: join(root, 'oos.json'), faults: { latencyMs: 1500, actions: ['UpdateChatConfiguration'] } });
  const client = emulatorClient(emulator.url);
  await client.createSecretParameter('chatops-dev-ops-dingtalk-secret', 'dingtalk-secret-e2e-0b9a41', 'seeded by the pipeline e2e tests');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CHECKPOINT_DISABLE: '1',
    ...emulatorClientEnvironment(emulator.url),
    [DEV_PG_CONN_STR_VARIABLE]: postgres.connStr,
    PGPASSWORD: postgres.password,
    TF_VAR_dev_alerts_wechat_secret: WECHAT_SECRET,
  };
  let checkouts = 0;
  return {
    emulator,
    postgres,
    env,
    checkout: () => {
      const dir = join(root, `runner-${(checkouts += 1)}`, 'chatops');
      mkdirSync(dir, { recursive: true });
      for (const item of CHECKOUT_PATHS) {
        if (existsSync(join(PACKAGE_ROOT, item))) cpSync(join(PACKAGE_ROOT, item), join(dir, item), { recursive: true });
      }
      symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(dir, 'node_modules'));
      return new Checkout(dir);
    },
    run: (checkout, script, args, extraEnv = {}) => runScript(checkout.dir, script, args, { ...env, ...extraEnv }),
    configurationNames: async () => (await client.listChatConfigurations()).map((item) => item.name).sort(),
    dispose: async () => {
      await emulator.close();
      postgres.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** `node dist/scripts/<script>.js`: what `npm run <script>` runs after its build. */
export function runScript(cwd: string, script: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<CommandResult> {
  return runCommand(process.execPath, [join(PACKAGE_ROOT, 'dist', 'scripts', `${script}.js`), ...args], cwd, env);
}

/** Runs a program without blocking this process (the emulator answers from it); output is stdout then stderr as they arrive. */
export function runCommand(program: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output, seconds: Number(process.hrtime.bigint() - started) / 1e9 }));
  });
}
