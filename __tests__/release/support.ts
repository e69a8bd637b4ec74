import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFile, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** gpg in a keyring of its own; returns stdout, stderr and status without throwing. */
export function gpg(home: string, args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('gpg', ['--homedir', home, '--batch', '--no-tty', ...args], { input, encoding: 'utf8' });
  if (result.error) throw new Error(`gpg is needed by these tests (apt-get install -y gnupg): ${result.error.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Stops the gpg-agent a keyring started (it would outlive the tests) and removes the keyring. */
export function stopAgentAndRemove(home: string): void {
  spawnSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent'], { stdio: 'ignore' });
  rmSync(home, { recursive: true, force: true });
}

/** A throwaway signing key, as a release job would get it from its secrets, and its public half. */
export function throwawayKey(passphrase: string): { armoredPrivateKey: string; armoredPublicKey: string } {
  const home = mkdtempSync(join(tmpdir(), 'release-test-gnupg-'));
  try {
    gpg(home, ['--passphrase', passphrase, '--quick-gen-key', 'Release test <release-test@oos-chatops.local>', 'ed25519', 'sign', '1d']);
    const secret = gpg(home, ['--pinentry-mode', 'loopback', '--passphrase', passphrase, '--armor', '--export-secret-keys']).stdout;
    return { armoredPrivateKey: secret, armoredPublicKey: gpg(home, ['--armor', '--export']).stdout };
  } finally {
    stopAgentAndRemove(home);
  }
}

export interface ZipListing {
  readonly name: string;
  readonly mode: number;
  readonly dosDate: number;
  readonly dosTime: number;
  readonly data: Buffer;
}

/** Reads a zip through its central directory (independently of how lib/release writes one). */
export function readZip(zip: Buffer): ZipListing[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipListing[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const compressedSize = zip.readUInt32LE(at + 20);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const compressed = zip.subarray(dataStart, dataStart + compressedSize);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      mode: (zip.readUInt32LE(at + 38) >>> 16) & 0o7777,
      dosTime: zip.readUInt16LE(at + 12),
      dosDate: zip.readUInt16LE(at + 14),
      data: zip.readUInt16LE(at + 10) === 8 ? inflateRawSync(compressed) : Buffer.from(compressed),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * An HTTPS server for a static folder, as a registry or mirror would be hosted: JSON documents
 * (the registry's have no extension) as application/json, which Terraform insists on.
 */
export function serveStatically(root: () => string, certificate: { certPem: string; keyPem: string }): Promise<Server> {
  const server = createServer({ cert: certificate.certPem, key: certificate.keyPem }, (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'https://localhost').pathname));
    readFile(join(root(), path), (error, data) => {
      if (error) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': path.endsWith('.zip') ? 'application/zip' : 'application/json' }).end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
