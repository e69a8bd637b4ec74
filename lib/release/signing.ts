import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './run';

/** An armored OpenPGP private key and its passphrase; never logged, never written but to a temp keyring. */
export interface SigningKey {
  readonly armoredPrivateKey: string;
  readonly passphrase?: string;
}

export const SIGNING_KEY_ENV = 'RELEASE_GPG_PRIVATE_KEY';
export const SIGNING_PASSPHRASE_ENV = 'RELEASE_GPG_PASSPHRASE';

/** The signing key from RELEASE_GPG_PRIVATE_KEY (armored) and RELEASE_GPG_PASSPHRASE, if set. */
export function signingKeyFromEnvironment(env: NodeJS.ProcessEnv = process.env): SigningKey | undefined {
  const armoredPrivateKey = env[SIGNING_KEY_ENV];
  if (!armoredPrivateKey) return undefined;
  if (!armoredPrivateKey.includes('BEGIN PGP PRIVATE KEY BLOCK')) {
    throw new Error(`${SIGNING_KEY_ENV} must hold an ASCII-armored private key (gpg --armor --export-secret-keys <id>)`);
  }
  return { armoredPrivateKey, passphrase: env[SIGNING_PASSPHRASE_ENV] };
}

export interface Signature {
  /** Long key ID, as the registry protocol's `signing_keys.gpg_public_keys[].key_id`. */
  readonly keyId: string;
  readonly armoredPublicKey: string;
}

/** Runs gpg in a keyring of its own, so the build never touches (or needs) the user's. */
function withTemporaryKeyring<T>(use: (gpg: (args: readonly string[], input?: string) => string) => T): T {
  const home = mkdtempSync(join(tmpdir(), 'release-gnupg-'));
  try {
    return use((args, input) => run('gpg', ['--homedir', home, '--batch', '--no-tty', ...args], { input }));
  } finally {
    // gpg started an agent for this keyring; it would outlive the build.
    spawnSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent'], { stdio: 'ignore' });
    rmSync(home, { recursive: true, force: true });
  }
}

/** Writes a binary detached signature of `file` to `signatureFile`, as Terraform verifies SHA256SUMS. */
export function signDetached(file: string, signatureFile: string, key: SigningKey): Signature {
  return withTemporaryKeyring((gpg) => {
    gpg(['--import'], key.armoredPrivateKey);
    const listing = gpg(['--with-colons', '--list-secret-keys']);
    const keyId = listing
      .split('\n')
      .find((line) => line.startsWith('sec:'))
      ?.split(':')[4];
    if (!keyId) throw new Error(`${SIGNING_KEY_ENV} holds no secret key that gpg can import`);
    gpg(
      ['--yes', '--pinentry-mode', 'loopback', '--passphrase-fd', '0', '--local-user', keyId, '--output', signatureFile, '--detach-sign', file],
      key.passphrase ?? '',
    );
    return { keyId, armoredPublicKey: gpg(['--armor', '--export', keyId]) };
  });
}
