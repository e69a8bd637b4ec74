import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROVIDER_SOURCE } from '../domain/provider-address';
import { REPOSITORY } from './repository';
import { run } from './run';

/** The committed dependency lock file every stack and every checkout installs the provider against. */
export const LOCK_FILE = join(REPOSITORY, '.terraform.lock.hcl');

/** The command that rewrites LOCK_FILE from the current code; errors about a stale lock name it. */
export const LOCK_COMMAND = 'npm run lock';

/** The version constraint the stacks put on the provider: cdktf.json's, which the generated bindings carry. */
export function stackVersionConstraint(cdktfJson: string = join(REPOSITORY, 'cdktf.json')): string {
  const { terraformProviders = [] } = JSON.parse(readFileSync(cdktfJson, 'utf8')) as { terraformProviders?: { source?: string; version?: string }[] };
  const entry = terraformProviders.find((provider) => provider.source === PROVIDER_SOURCE);
  if (!entry?.version) throw new Error(`${cdktfJson}: terraformProviders has no "version" for ${PROVIDER_SOURCE}; add e.g. "~> 0.1"`);
  return entry.version;
}

export interface LockOptions {
  /** A packed filesystem mirror holding the version's archive for every platform (ReleaseResult.filesystemMirror). */
  readonly filesystemMirror: string;
  readonly platforms: readonly string[];
  /** Where the lock file goes. @default LOCK_FILE */
  readonly lockFile?: string;
  /** @default stackVersionConstraint() */
  readonly constraint?: string;
  /** @default TERRAFORM_BINARY, else terraform */
  readonly terraform?: string;
}

/**
 * Writes a dependency lock file with the `h1:` hash of every platform's archive, made by
 * `terraform providers lock -fs-mirror` itself (so its format is Terraform's, not ours) in a
 * scratch configuration that asks for the provider as the stacks do. Offline: with -fs-mirror
 * Terraform never looks up the provider's (unresolvable) host.
 */
export function writeLockFile(options: LockOptions): string {
  const lockFile = options.lockFile ?? LOCK_FILE;
  const scratch = mkdtempSync(join(tmpdir(), 'oos-provider-lock-'));
  try {
    const constraint = options.constraint ?? stackVersionConstraint();
    writeFileSync(
      join(scratch, 'main.tf.json'),
      JSON.stringify({ terraform: { required_providers: { oos: { source: PROVIDER_SOURCE, version: constraint } } } }, null, 2),
    );
    const platforms = options.platforms.map((platform) => `-platform=${platform}`);
    run(
      options.terraform ?? process.env.TERRAFORM_BINARY ?? 'terraform',
      ['providers', 'lock', '-no-color', `-fs-mirror=${options.filesystemMirror}`, ...platforms],
      {
        cwd: scratch,
        env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' },
      },
    );
    copyFileSync(join(scratch, '.terraform.lock.hcl'), lockFile);
    return lockFile;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** What a lock file records for one provider. */
export interface LockedProvider {
  readonly version: string;
  readonly constraints?: string;
  readonly hashes: readonly string[];
}

/** The `provider "<source>"` block of a lock file's text, or undefined when it has none. */
export function lockedProvider(lockFileText: string, source: string = PROVIDER_SOURCE): LockedProvider | undefined {
  const start = lockFileText.indexOf(`provider "${source}" {`);
  if (start < 0) return undefined;
  const block = lockFileText.slice(start, lockFileText.indexOf('\n}', start));
  const version = /^\s*version\s*=\s*"([^"]+)"/m.exec(block)?.[1];
  if (!version) return undefined;
  const hashesList = /hashes\s*=\s*\[([^\]]*)\]/.exec(block)?.[1] ?? '';
  return {
    version,
    constraints: /^\s*constraints\s*=\s*"([^"]+)"/m.exec(block)?.[1],
    hashes: [...hashesList.matchAll(/"([^"]+)"/g)].map((match) => match[1]),
  };
}
