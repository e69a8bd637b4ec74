/**
 * A stack of this checkout's cdktf app, synthesised and initialised, ready for terraform: what
 * `npm start`, `npm run plan|apply` and the benchmarks share. The provider is installed the one way
 * users get it: the synth lays the release executable and the committed lock into the stack's
 * `terraform.d/plugins` (lib/release/stacks.ts), and terraform installs it from there, checked
 * against the lock, with no CLI configuration of its own.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROVIDER_HOST } from '../domain';
import { layOutProviderForStacks, type ReleaseArchive, type StackProviderLayout } from '../release';
import { REPOSITORY } from '../release/repository';
import { releaseProvider } from './release-provider';
import { TerraformWorkspace, type TerraformWorkspaceOptions } from './workspace';

/** Where the synthesised stacks go, below the checkout (cdktf's default). */
export const SYNTH_DIR = 'cdktf.out';

/** The folder of the project's local files (emulator data, dev state, dev secrets, CLI configuration). */
export const localDirOf = (projectDir: string = REPOSITORY): string => join(projectDir, '.chatops');

/** The CLI configuration every command of this project gives terraform (in `localDir`): nothing but no checkpoint calls. */
export function projectCliConfig(localDir: string = localDirOf()): string {
  const file = join(localDir, 'terraform.rc');
  const text = [
    "# Written by oos-chatops: the provider comes from each stack folder's terraform.d/plugins (the implied",
    '# local mirror), so this configuration has no provider_installation block of its own.',
    'disable_checkpoint = true',
    '',
  ].join('\n');
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
    mkdirSync(localDir, { recursive: true });
    writeFileSync(file, text);
  }
  return file;
}

/**
 * Runs the checkout's cdktf app (the `app` command of its cdktf.json, as `cdktf synth` does) into
 * `<projectDir>/cdktf.out` and returns the folder of `stack`. The app's own output (a validation
 * error, say) goes to stderr as it is; a failure throws one line pointing at it.
 */
export function synthesizeStack(projectDir: string, stack: string, log: (line: string) => void): string {
  const cdktfJson = join(projectDir, 'cdktf.json');
  if (!existsSync(cdktfJson)) throw new Error(`${projectDir} has no cdktf.json: run the command from the project's root folder.`);
  const { app } = JSON.parse(readFileSync(cdktfJson, 'utf8')) as { app?: string };
  if (!app) throw new Error(`${cdktfJson} has no "app" command to synthesise with.`);
  const outdir = join(projectDir, SYNTH_DIR);
  log(`synthesising ${stack} into ${relative(projectDir, outdir)}`);
  const result = spawnSync(app, { cwd: projectDir, shell: true, env: { ...process.env, CDKTF_OUTDIR: outdir }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`synthesis failed (see the lines above).`);
  const stackDir = join(outdir, 'stacks', stack);
  if (!existsSync(join(stackDir, 'cdk.tf.json')))
    throw new Error(`synthesis wrote no ${join(stackDir, 'cdk.tf.json')}: does main.ts define the "${stack}" stack?`);
  return stackDir;
}

/**
 * Lays this checkout's release executable for this machine (built once per code state) and the
 * committed lock into every synthesised stack under `outdir` that uses the oos provider.
 */
export async function layOutReleaseProvider(outdir: string): Promise<StackProviderLayout & { archive: ReleaseArchive }> {
  const { archive } = await releaseProvider();
  return { archive, ...layOutProviderForStacks(outdir, archive) };
}

/** The file terraform init leaves behind to say what it initialised, so an unchanged stack is not initialised again. */
const INIT_STAMP = join('.terraform', 'oos-chatops-init.json');

/**
 * What `terraform init` depends on in a stack folder: the backend and required providers of the
 * configuration, the lock file and the provider archives in the implied mirror.
 */
function initInputs(stackDir: string): string {
  const config = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as { terraform?: unknown };
  const hash = createHash('sha256').update(JSON.stringify(config.terraform ?? null));
  const lock = join(stackDir, '.terraform.lock.hcl');
  hash.update(existsSync(lock) ? readFileSync(lock) : 'no lock');
  const mirror = join(stackDir, 'terraform.d', 'plugins', PROVIDER_HOST);
  for (const file of existsSync(mirror) ? readdirSync(mirror, { recursive: true, encoding: 'utf8' }).sort() : []) {
    const stat = statSync(join(mirror, file));
    if (stat.isFile()) hash.update(`${file}:${stat.size}:${stat.mtimeMs}`);
  }
  return hash.digest('hex');
}

/**
 * `terraform init` in the stack's folder unless the same inputs were initialised there already
 * (the warm path of every plan). `-reconfigure`: the backend comes from the synthesised
 * configuration every time; state is never migrated here.
 */
export async function initStack(workspace: TerraformWorkspace, log: (line: string) => void): Promise<void> {
  const inputs = initInputs(workspace.dir);
  const stamp = join(workspace.dir, INIT_STAMP);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs) {
    log('terraform init: already initialised with this configuration, lock and provider');
    return;
  }
  log('terraform init');
  await workspace.init(['-reconfigure']);
  writeFileSync(stamp, inputs);
}

/** A stack folder as a terraform workspace with the project's CLI configuration (kept in `localDir`). */
export function stackWorkspace(stackDir: string, localDir: string, options: TerraformWorkspaceOptions = {}): TerraformWorkspace {
  return new TerraformWorkspace(stackDir, projectCliConfig(localDir), options);
}
