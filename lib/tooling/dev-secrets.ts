/**
 * The throwaway secrets of the dev stack against the emulator: one value per name, made once and
 * kept beside the emulator's data (`.chatops/dev-secrets.json`, readable by the owner only), so
 * `npm start`, `npm run emulator` and the plain cdktf commands all use the value the emulator holds.
 * Nothing here is a real secret; real environments take theirs from TF_VAR_ or OOS secret parameters.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The file of dev's secrets in the project's local folder. */
export const devSecretsFile = (localDir: string): string => join(localDir, 'dev-secrets.json');

/** The value of dev secret `name`: the one kept in `localDir`, or a new random one, kept from now on. */
export function devSecret(localDir: string, name: string): string {
  const file = devSecretsFile(localDir);
  const secrets = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  if (secrets[name] === undefined) {
    secrets[name] = `dev-${randomBytes(12).toString('hex')}`;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }
  return secrets[name];
}
