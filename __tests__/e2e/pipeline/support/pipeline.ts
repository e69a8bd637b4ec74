/**
 * The pipeline as CI runs it: separate fresh clones (runners) of this project, each installed with
 * `npm ci` from its own package.json and running its own `npm run plan|apply|policy`, the emulator
 * as the cloud, a real PostgreSQL as the state backend. Each runner has an empty HOME of its own.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_PG_CONN_STR_VARIABLE } from '../../../../config/environments';
import { RunningEmulator, startEmulator } from '../../../../lib/emulator';
import {
  type CloneCommandResult,
  PACKAGE_ROOT,
  RELEASE_CACHE_VARIABLE,
  cloneProject,
  emulatorClient,
  emulatorClientEnvironment,
  npmCacheFolder,
  npmEnvironment,
  runInClone,
  snapshotCommit,
} from '../../../../lib/tooling';
import { PostgresServer, startPostgres } from './postgres';

/** The secret of dev's ephemeral variable, which must never show in a file the pipeline writes. */
export const WECHAT_SECRET = 'wechat-secret-e2e-7c1d55';

export type CommandResult = CloneCommandResult;

/** One runner's clone of the project, in its own temp folder. */
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
  /** The fixture's own temp folder (removed by dispose). */
  readonly root: string;
  readonly emulator: RunningEmulator;
  readonly postgres: PostgresServer;
  /** A new `git clone` of the project (the working tree as it is) in its own temp folder, not yet installed. */
  readonly checkout: () => Checkout;
  /** `npm ci` in a checkout, as a runner's install step; throws with npm's output when it fails. */
  readonly install: (checkout: Checkout) => Promise<void>;
  /** `npm run <script> -- <args>` in a checkout, exactly as a CI step runs it. */
  readonly run: (checkout: Checkout, script: 'plan' | 'apply' | 'policy', args: readonly string[], env?: NodeJS.ProcessEnv) => Promise<CommandResult>;
  /** Names of the chat configurations the emulator holds. */
  readonly configurationNames: () => Promise<string[]>;
  /** The environment of every command: emulator keys, the pg backend and its password, the ephemeral variable, npm's cache. */
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
  const home = join(root, 'home');
  mkdirSync(home);
  const env: NodeJS.ProcessEnv = npmEnvironment(
    {
      PATH: process.env.PATH,
      HOME: home,
      CHECKPOINT_DISABLE: '1',
      ...(process.env.TERRAFORM_BINARY ? { TERRAFORM_BINARY: process.env.TERRAFORM_BINARY } : {}),
      // Like a CI cache keyed by the lock: runners reuse the release executable built from the same code.
      [RELEASE_CACHE_VARIABLE]: join(PACKAGE_ROOT, 'dist', 'release', 'cache'),
      ...emulatorClientEnvironment(emulator.url),
      [DEV_PG_CONN_STR_VARIABLE]: postgres.connStr,
      PGPASSWORD: postgres.password,
      TF_VAR_dev_alerts_wechat_secret: WECHAT_SECRET,
    },
    npmCacheFolder(),
  );
  const commit = snapshotCommit();
  let checkouts = 0;
  return {
    root,
    emulator,
    postgres,
    env,
    checkout: () => new Checkout(cloneProject(join(root, `runner-${(checkouts += 1)}`, 'chatops'), { commit })),
    install: async (checkout) => {
      const result = await runInClone('npm', ['ci'], checkout.dir, env);
      if (result.code !== 0) throw new Error(`npm ci failed in ${checkout.dir}:\n${result.output}`);
    },
    run: (checkout, script, args, extraEnv = {}) => runInClone('npm', ['run', '--silent', script, '--', ...args], checkout.dir, { ...env, ...extraEnv }),
    configurationNames: async () => (await client.listChatConfigurations()).map((item) => item.name).sort(),
    dispose: async () => {
      await emulator.close();
      postgres.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Runs a program in a checkout without blocking this process (the emulator answers from it). */
export const runCommand = runInClone;
