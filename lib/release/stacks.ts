import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDER_SOURCE } from '../domain/provider-address';
import { LOCK_COMMAND, LOCK_FILE, lockedProvider } from './lock';
import { layOutFilesystemMirror, type ReleaseArchive } from './mirror';

/** What laying the provider into a synthesised cdktf app did. */
export interface StackProviderLayout {
  /** Working directories (under the app's outdir) that got the provider and the lock file. */
  readonly stackDirs: readonly string[];
  /** Whether the lock file records the archive's `h1:` hash; if not, `terraform init` will refuse it. */
  readonly locked: boolean;
}

interface CdktfManifest {
  readonly stacks: Record<string, { readonly workingDirectory: string; readonly synthesizedStackPath: string }>;
}

/**
 * Gives every synthesised stack that uses the oos provider what `terraform init` needs to install
 * it with no CLI configuration: the archive in the stack's own `terraform.d/plugins` (Terraform's
 * implied local mirror, looked up relative to its working directory) and the committed lock file,
 * whose presence with a matching constraint also keeps the cdktf CLI from running
 * `terraform providers lock`, which would ask the provider's unresolvable host.
 */
export function layOutProviderForStacks(outdir: string, archive: ReleaseArchive, lockFile: string = LOCK_FILE): StackProviderLayout {
  const manifestFile = join(outdir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} does not exist: synthesise the app first`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as CdktfManifest;
  const stackDirs: string[] = [];
  for (const stack of Object.values(manifest.stacks)) {
    const config = JSON.parse(readFileSync(join(outdir, stack.synthesizedStackPath), 'utf8')) as {
      terraform?: { required_providers?: Record<string, { source?: string }> };
    };
    if (!Object.values(config.terraform?.required_providers ?? {}).some((provider) => provider.source === PROVIDER_SOURCE)) continue;
    const dir = join(outdir, stack.workingDirectory);
    layOutProviderForWorkingDirectory(dir, archive, lockFile);
    stackDirs.push(dir);
  }
  return { stackDirs, locked: isLocked(archive, lockFile) };
}

/**
 * What `terraform init` in `dir` needs to install the provider the way users get it: the archive in
 * `dir/terraform.d/plugins` (Terraform's implied local mirror, used when the CLI configuration has
 * no provider_installation block) and the committed lock file, which terraform checks it against.
 */
export function layOutProviderForWorkingDirectory(dir: string, archive: ReleaseArchive, lockFile: string = LOCK_FILE): void {
  if (!existsSync(lockFile)) throw new Error(`${lockFile} does not exist: run "${LOCK_COMMAND}" and commit it`);
  layOutFilesystemMirror([archive], join(dir, 'terraform.d', 'plugins'));
  copyFileSync(lockFile, join(dir, '.terraform.lock.hcl'));
}

/** Whether the lock file records the archive's `h1:` hash; if not, `terraform init` refuses the archive. */
export function isLocked(archive: ReleaseArchive, lockFile: string = LOCK_FILE): boolean {
  return lockedProvider(readFileSync(lockFile, 'utf8'))?.hashes.includes(archive.h1) ?? false;
}
