/**
 * The provider release for the build host's platform (linux_amd64 on CI): what `npm run release`
 * writes for every platform, checked file by file, then installed by the real terraform.
 * The Bun runtime is downloaded once (npm pack) into dist/release/cache (git-ignored) and reused.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PROVIDER_HOST, PROVIDER_NAMESPACE, PROVIDER_SOURCE, PROVIDER_TYPE } from '../../lib/domain/provider-address';
import { buildRelease, layOutFilesystemMirror, providerEnvironment, startUntilHandshake, type ReleaseResult } from '../../lib/release';
import { generateSelfSignedCertificate } from '../../lib/tfplugin';
import { sha256Hex } from '../../lib/release/hashes';
import { createZip } from '../../lib/release/zip';
import { gpg, readZip, serveStatically, stopAgentAndRemove, throwawayKey } from './support';

const TERRAFORM = process.env.TERRAFORM_BINARY ?? 'terraform';
const PLATFORM = 'linux_amd64';
const PASSPHRASE = 'release-test-passphrase';
const VERSION = '0.1.0-test.1';
const PROVIDER_PATH = [PROVIDER_HOST, PROVIDER_NAMESPACE, PROVIDER_TYPE];
const EXECUTABLE = `terraform-provider-oos_v${VERSION}`;

const work = mkdtempSync(join(tmpdir(), 'release-test-'));
const key = throwawayKey(PASSPHRASE);
const registryCertificate = generateSelfSignedCertificate();
let registryServer: Server;
let release: ReleaseResult;

beforeAll(async () => {
  registryServer = await serveStatically(() => release.registry ?? '', registryCertificate);
  const registryBaseUrl = `https://localhost:${(registryServer.address() as AddressInfo).port}/`;
  const signingKey = { armoredPrivateKey: key.armoredPrivateKey, passphrase: PASSPHRASE };
  release = await buildRelease({ platforms: [PLATFORM], version: VERSION, outDir: join(work, 'release'), signingKey, registryBaseUrl });
}, 300_000);

const releaseFile = (name: string): Buffer => readFileSync(join(release.outDir, name));

interface Workspace {
  readonly dir: string;
  run(...args: string[]): { status: number | null; output: string };
  /** For commands that talk to this process's registry server, which a blocked event loop could not answer. */
  runAsync(...args: string[]): Promise<{ status: number | null; output: string }>;
}

/** A configuration requiring exactly VERSION, with `cliConfig` as its Terraform CLI configuration. */
function workspace(cliConfig: string, extraEnv: NodeJS.ProcessEnv = {}): Workspace {
  const dir = mkdtempSync(join(work, 'workspace-'));
  writeFileSync(join(dir, 'cli.tfrc'), cliConfig);
  writeFileSync(
    join(dir, 'main.tf'),
    `terraform {\n  required_providers {\n    oos = {\n      source  = "${PROVIDER_SOURCE}"\n      version = "${VERSION}"\n    }\n  }\n}\n`,
  );
  const env = { PATH: process.env.PATH, HOME: dir, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: join(dir, 'cli.tfrc'), TF_IN_AUTOMATION: '1', ...extraEnv };
  return {
    dir,
    run: (...args) => {
      const result = spawnSync(TERRAFORM, [...args, '-no-color'], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    },
    runAsync: (...args) =>
      new Promise((resolve, reject) => {
        const child = spawn(TERRAFORM, [...args, '-no-color'], { cwd: dir, env });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('error', reject);
        child.on('close', (status) => resolve({ status, output }));
      }),
  };
}

/** A workspace installing the provider from the packed filesystem mirror `mirror` only. */
function mirrorWorkspace(mirror: string): Workspace {
  const include = JSON.stringify(`${PROVIDER_HOST}/*/*`);
  return workspace(`provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n    include = [${include}]\n  }\n}\n`);
}

describe('release files', () => {
  it('are the archive, SHA256SUMS, its signature and the manifest, named as the registry protocol expects', () => {
    expect(
      readdirSync(release.outDir)
        .filter((name) => name.startsWith('terraform-provider-'))
        .sort(),
    ).toEqual([
      `terraform-provider-oos_${VERSION}_SHA256SUMS`,
      `terraform-provider-oos_${VERSION}_SHA256SUMS.sig`,
      `terraform-provider-oos_${VERSION}_linux_amd64.zip`,
      `terraform-provider-oos_${VERSION}_manifest.json`,
    ]);
  });

  it('zip the executable alone, executable, dated 1980-01-01 so rebuilds give the same bytes', () => {
    const entries = readZip(releaseFile(`terraform-provider-oos_${VERSION}_linux_amd64.zip`));
    expect(entries.map(({ name, mode, dosDate, dosTime }) => ({ name, mode, dosDate, dosTime }))).toEqual([
      { name: EXECUTABLE, mode: 0o755, dosDate: (1 << 5) | 1, dosTime: 0 },
    ]);
    expect(sha256Hex(entries[0].data)).toBe(sha256Hex(readFileSync(release.executables[0].file)));
  });

  it('list every archive and the manifest in SHA256SUMS with their SHA-256', () => {
    const lines = releaseFile(`terraform-provider-oos_${VERSION}_SHA256SUMS`).toString('utf8').trim().split('\n');
    const listed = lines.map((line) => line.split('  ')).map(([hash, name]) => ({ name, matches: sha256Hex(releaseFile(name)) === hash }));
    expect(listed).toEqual([
      { name: `terraform-provider-oos_${VERSION}_linux_amd64.zip`, matches: true },
      { name: `terraform-provider-oos_${VERSION}_manifest.json`, matches: true },
    ]);
  });

  it('sign SHA256SUMS so that the public key verifies it, and only it', () => {
    const home = mkdtempSync(join(work, 'verify-gnupg-'));
    gpg(home, ['--import'], key.armoredPublicKey);
    const sums = join(release.outDir, `terraform-provider-oos_${VERSION}_SHA256SUMS`);
    expect(gpg(home, ['--verify', `${sums}.sig`, sums])).toMatchObject({ status: 0 });
    const altered = join(work, 'altered_SHA256SUMS');
    writeFileSync(
      altered,
      readFileSync(sums, 'utf8').replace(/^./, (c) => (c === '0' ? '1' : '0')),
    );
    expect(gpg(home, ['--verify', `${sums}.sig`, altered]).stderr).toContain('BAD signature');
    expect(release.signature?.armoredPublicKey).toContain('BEGIN PGP PUBLIC KEY BLOCK');
    stopAgentAndRemove(home);
  });

  it('declare protocol 6 in the registry manifest', () => {
    expect(JSON.parse(releaseFile(`terraform-provider-oos_${VERSION}_manifest.json`).toString())).toEqual({
      version: 1,
      metadata: { protocol_versions: ['6.0'] },
    });
  });

  it('lay out a network mirror: index.json lists the version, <version>.json each archive with its h1:/zh: hashes', () => {
    const dir = join(release.networkMirror, ...PROVIDER_PATH);
    expect(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))).toEqual({ versions: { [VERSION]: {} } });
    const { archives } = JSON.parse(readFileSync(join(dir, `${VERSION}.json`), 'utf8')) as { archives: Record<string, { url: string; hashes: string[] }> };
    expect(Object.keys(archives)).toEqual([PLATFORM]);
    const { url, hashes } = archives[PLATFORM];
    expect(hashes).toEqual([release.archives[0].h1, `zh:${sha256Hex(readFileSync(join(dir, url)))}`]);
  });

  it('lay out a packed filesystem mirror with the same archive', () => {
    const packed = join(release.filesystemMirror, ...PROVIDER_PATH, `terraform-provider-oos_${VERSION}_linux_amd64.zip`);
    expect(sha256Hex(readFileSync(packed))).toBe(release.archives[0].zh.slice('zh:'.length));
  });
});

describe('the executable', () => {
  it('starts alone (no node, no bundle beside it) and prints the tfplugin6 handshake', async () => {
    const { line } = await startUntilHandshake(release.executables[0].file, [], providerEnvironment());
    expect(line).toMatch(/^1\|6\|unix\|[^|]+\|grpc\|/);
  });

  it('writes nothing into the home folder (no cache of any kind)', async () => {
    const home = mkdtempSync(join(work, 'home-'));
    await startUntilHandshake(release.executables[0].file, [], providerEnvironment({ HOME: home, XDG_CACHE_HOME: undefined }));
    expect(readdirSync(home)).toEqual([]);
  });

  it("ignores a .env file in Terraform's working directory (Bun would load it into the provider's environment)", async () => {
    const dir = mkdtempSync(join(work, 'dotenv-'));
    const socketDir = mkdtempSync(join(work, 'sockets-'));
    writeFileSync(join(dir, '.env'), `PLUGIN_UNIX_SOCKET_DIR=${socketDir}\n`);
    const { line } = await startUntilHandshake(release.executables[0].file, [], providerEnvironment(), { cwd: dir });
    expect(line.split('|')[3]).not.toContain(socketDir);
  });

  it('refuses to run outside Terraform, like any go-plugin', () => {
    const result = spawnSync(release.executables[0].file, [], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('This binary is a plugin');
  });

  it('is rebuilt byte for byte from the same bundle, so a committed lock file holds on every machine', async () => {
    const again = await buildRelease({ platforms: [PLATFORM], version: VERSION, outDir: join(work, 'again') });
    expect(again.archives[0].zh).toBe(release.archives[0].zh);
  }, 300_000);
});

describe('terraform installs the release', () => {
  it('from the packed filesystem mirror, recording the same h1: hash the release computed', () => {
    const tf = mirrorWorkspace(release.filesystemMirror);
    const init = tf.run('init', '-input=false');
    expect(init.output).toContain('Terraform has been successfully initialized');
    expect(readFileSync(join(tf.dir, '.terraform.lock.hcl'), 'utf8')).toContain(`"${release.archives[0].h1}"`);
    // The schema comes from the installed executable itself, started by terraform.
    expect(tf.run('providers', 'schema', '-json').output).toContain(`"${PROVIDER_SOURCE}"`);
  });

  it('locks with `providers lock -fs-mirror` (no registry, the host never resolves)', () => {
    const tf = mirrorWorkspace(release.filesystemMirror);
    const lock = tf.run('providers', 'lock', `-fs-mirror=${release.filesystemMirror}`, `-platform=${PLATFORM}`);
    expect(lock.output).toContain('Success! Terraform has updated the lock file.');
    expect(readFileSync(join(tf.dir, '.terraform.lock.hcl'), 'utf8')).toContain(`"${release.archives[0].h1}"`);
  });

  it('refuses at init an archive whose executable has one byte more than the locked one', () => {
    const tf = mirrorWorkspace(release.filesystemMirror);
    expect(tf.run('providers', 'lock', `-fs-mirror=${release.filesystemMirror}`, `-platform=${PLATFORM}`).status).toBe(0);
    const tampered = join(work, 'tampered-mirror');
    const executable = Buffer.concat([readFileSync(release.executables[0].file), Buffer.from([0])]);
    const zip = join(work, basename(release.archives[0].file));
    writeFileSync(zip, createZip([{ name: EXECUTABLE, data: executable, mode: 0o755 }]));
    layOutFilesystemMirror([{ ...release.archives[0], file: zip }], tampered);
    const lockFile = join(tf.dir, '.terraform.lock.hcl');
    const victim = mirrorWorkspace(tampered);
    copyFileSync(lockFile, join(victim.dir, '.terraform.lock.hcl'));
    const init = victim.run('init', '-input=false');
    expect(init.status).not.toBe(0);
    expect(init.output.replace(/\s+/g, ' ')).toContain("doesn't match any of the checksums previously recorded in the dependency lock file");
  });
});

describe('terraform installs from the static registry', () => {
  it('after checking SHA256SUMS against its signature, and locks the zh: hashes of the signed release', async () => {
    const registryUrl = `https://localhost:${(registryServer.address() as AddressInfo).port}/v1/providers/`;
    // A CLI `host` block stands in for the service discovery document the provider's host would serve.
    const certificateFile = join(work, 'registry-ca.pem');
    writeFileSync(certificateFile, registryCertificate.certPem);
    const tf = workspace(`host ${JSON.stringify(PROVIDER_HOST)} {\n  services = {\n    "providers.v1" = ${JSON.stringify(registryUrl)}\n  }\n}\n`, {
      SSL_CERT_FILE: certificateFile,
    });
    const lock = await tf.runAsync('providers', 'lock', `-platform=${PLATFORM}`);
    expect(lock.output).toContain(`(self-signed, key ID ${release.signature?.keyId})`);
    const lockFile = readFileSync(join(tf.dir, '.terraform.lock.hcl'), 'utf8');
    expect(lockFile).toContain(`"${release.archives[0].h1}"`);
    expect(lockFile).toContain(`"${release.archives[0].zh}"`);
    const init = await tf.runAsync('init', '-input=false');
    expect(init.output).toContain(`Installed ${PROVIDER_SOURCE} v${VERSION} (self-signed, key ID ${release.signature?.keyId})`);
  });
});

afterAll(() => {
  registryServer?.close();
  rmSync(work, { recursive: true, force: true });
});
