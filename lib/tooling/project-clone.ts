/**
 * Fresh clones of this project, made the way a user or a CI runner gets one: `git clone`, then
 * `npm ci` from the clone's own package.json, then the clone's own commands. The tests and
 * benchmarks that prove a user-facing command run it here, never this checkout's build against
 * copied files. Uncommitted work is included: the working tree (tracked files and untracked ones
 * git does not ignore) is snapshotted into a commit that no branch points at.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY } from '../release/repository';

/** What one command run in a clone did. */
export interface CloneCommandResult {
  readonly code: number;
  /** stdout and stderr, interleaved as they arrived. */
  readonly output: string;
  readonly seconds: number;
}

function git(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr || result.error?.message}`);
  return result.stdout.trim();
}

/**
 * A commit of the working tree of `source` as it is now, made with a scratch index so the
 * checkout's own index, HEAD and branches are untouched; its objects stay in the repository's
 * object store, which a local `git clone` copies.
 */
export function snapshotCommit(source: string = REPOSITORY): string {
  const scratch = mkdtempSync(join(tmpdir(), 'oos-snapshot-index-'));
  try {
    const env = {
      ...process.env,
      GIT_INDEX_FILE: join(scratch, 'index'),
      GIT_AUTHOR_NAME: 'oos-chatops tests',
      GIT_AUTHOR_EMAIL: 'tests@oos-chatops.invalid',
      GIT_COMMITTER_NAME: 'oos-chatops tests',
      GIT_COMMITTER_EMAIL: 'tests@oos-chatops.invalid',
    };
    git(['read-tree', 'HEAD'], source, env);
    git(['add', '--all', '.'], source, env);
    const tree = git(['write-tree'], source, env);
    return git(['commit-tree', tree, '-p', 'HEAD', '-m', 'working tree snapshot for a fresh clone'], source, env);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** `git clone` of `source` into `target`, checked out at `commit` (default: a snapshot of the working tree). */
export function cloneProject(target: string, options: { source?: string; commit?: string } = {}): string {
  const source = options.source ?? REPOSITORY;
  const commit = options.commit ?? snapshotCommit(source);
  git(['clone', '--quiet', '--no-checkout', source, target], tmpdir());
  git(['-c', 'advice.detachedHead=false', 'checkout', '--quiet', commit], target);
  return target;
}

/** The npm cache of whoever runs this (warm from their own `npm ci`), so a clone's install needs no network. */
export function npmCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync('npm', ['config', 'get', 'cache'], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm config get cache failed: ${result.stderr || result.error?.message}`);
  return result.stdout.trim();
}

/**
 * The environment of `npm` in a clone: `env`, with npm's cache named explicitly (so a test's empty
 * HOME does not leave npm without its cache) and npm's calls home (audit, fund, update check) off.
 */
export function npmEnvironment(env: NodeJS.ProcessEnv, npmCache: string): NodeJS.ProcessEnv {
  return {
    ...env,
    npm_config_cache: npmCache,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_prefer_offline: 'true',
  };
}

/** Runs `program args` in `cwd` without blocking this process (an emulator may be answering from it). */
export function runInClone(program: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CloneCommandResult> {
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
