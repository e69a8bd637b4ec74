/**
 * The committed .terraform.lock.hcl: it records the provider built from the current code, it
 * changes when the code does, it holds in another checkout folder, and it refuses a tampered
 * archive. Builds of the linux_amd64 executable are cached in dist/release/cache (per code state).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROVIDER_HOST, PROVIDER_SOURCE } from '../../lib/domain/provider-address';
import {
  cachedReleaseExecutable,
  layOutFilesystemMirror,
  LOCK_COMMAND,
  LOCK_FILE,
  lockedProvider,
  packageVersion,
  providerBundle,
  stackVersionConstraint,
  writeLockFile,
  type CachedExecutable,
} from '../../lib/release';
import { sha256Hex } from '../../lib/release/hashes';
import { createZip } from '../../lib/release/zip';
import { copyCheckout } from '../../lib/tooling';
import { bundleProvider } from '../../lib/release';
import { readZip } from './support';

const TERRAFORM = process.env.TERRAFORM_BINARY ?? 'terraform';
const PLATFORM = 'linux_amd64';
/** The Bun runtime's folder in the build cache (npm pack of @oven/bun-linux-x64): the host's compiler and the target's runtime at once. */
const work = mkdtempSync(join(tmpdir(), 'lock-test-'));
let current: CachedExecutable;

beforeAll(async () => {
  // A fresh bundle of the sources as they are now, not whatever `npm run build` left in dist.
  const loader = await bundleProvider({ outfile: join(work, 'bundle', 'terraform-provider-oos.js'), codeCache: false });
  current = cachedReleaseExecutable({ bundle: providerBundle(loader), platform: PLATFORM });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `terraform init` of a configuration asking for the provider as the stacks do, from the packed mirror `mirror`, against `lockFile`. */
function initAgainst(mirror: string, lockFile: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(work, 'init-'));
  writeFileSync(
    join(dir, 'main.tf.json'),
    JSON.stringify({ terraform: { required_providers: { oos: { source: PROVIDER_SOURCE, version: stackVersionConstraint() } } } }),
  );
  writeFileSync(
    join(dir, 'cli.tfrc'),
    `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n    include = ["${PROVIDER_HOST}/*/*"]\n  }\n}\n`,
  );
  copyFileSync(lockFile, join(dir, '.terraform.lock.hcl'));
  const env = { PATH: process.env.PATH, HOME: dir, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: join(dir, 'cli.tfrc') };
  const result = spawnSync(TERRAFORM, ['init', '-input=false', '-no-color'], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.replace(/\s+/g, ' ') };
}

/** A packed mirror holding just `archive`. */
function mirrorOf(archive: CachedExecutable['archive'], name: string): string {
  const mirror = join(work, name);
  layOutFilesystemMirror([archive], mirror);
  return mirror;
}

describe('the committed lock file', () => {
  it(`records the provider built from the current code (if not: run "${LOCK_COMMAND}" and commit .terraform.lock.hcl)`, () => {
    const locked = lockedProvider(readFileSync(LOCK_FILE, 'utf8'));
    expect({ version: locked?.version, constraints: locked?.constraints, hasCurrentBuild: locked?.hashes.includes(current.archive.h1) }).toEqual({
      version: packageVersion(),
      constraints: stackVersionConstraint(),
      hasCurrentBuild: true,
    });
  });

  it('holds one h1: hash per built platform (linux_amd64, linux_arm64, darwin_amd64, darwin_arm64, windows_amd64)', () => {
    const hashes = lockedProvider(readFileSync(LOCK_FILE, 'utf8'))?.hashes ?? [];
    expect(hashes).toHaveLength(5);
    expect(hashes.every((hash) => /^h1:[A-Za-z0-9+/]{43}=$/.test(hash))).toBe(true);
  });

  it('installs the current build with terraform init, and refuses the archive once a byte is appended to its executable', () => {
    expect(initAgainst(mirrorOf(current.archive, 'mirror'), LOCK_FILE).output).toContain('Terraform has been successfully initialized');

    const [entry] = readZip(readFileSync(current.archive.file));
    const tamperedZip = join(work, 'tampered', `terraform-provider-oos_${current.version}_${PLATFORM}.zip`);
    mkdirSync(join(work, 'tampered'), { recursive: true });
    writeFileSync(tamperedZip, createZip([{ name: entry.name, data: Buffer.concat([entry.data, Buffer.from([0])]), mode: 0o755 }]));
    const init = initAgainst(mirrorOf({ ...current.archive, file: tamperedZip }, 'tampered-mirror'), LOCK_FILE);
    expect(init.status).not.toBe(0);
    expect(init.output).toContain("doesn't match any of the checksums previously recorded in the dependency lock file");
  });
});

describe('the provider hash', () => {
  it('changes when the provider code changes', () => {
    const changed = join(work, 'changed.bundle.js');
    copyFileSync(providerBundle(join(work, 'bundle', 'terraform-provider-oos.js')), changed);
    // Code, not a comment: the build minifies, so a comment alone changes nothing in the executable.
    appendFileSync(changed, '\nglobalThis.oneMoreLineOfProviderCode = true;\n');
    const rebuilt = cachedReleaseExecutable({ bundle: changed, platform: PLATFORM });
    expect(rebuilt.archive.h1).not.toBe(current.archive.h1);
    expect(lockedProvider(readFileSync(LOCK_FILE, 'utf8'))?.hashes).not.toContain(rebuilt.archive.h1);
  }, 300_000);

  it('is the same for a build in a second checkout in another folder: a lock made here verifies there at init', () => {
    // The lock as one checkout makes it...
    const lockFile = writeLockFile({
      filesystemMirror: mirrorOf(current.archive, 'lock-mirror'),
      platforms: [PLATFORM],
      lockFile: join(work, 'here.lock.hcl'),
    });
    // ...and the provider as a clone in a folder of another depth builds it, with its own build cache
    // (its Bun runtime is the one in node_modules, as npm ci installs it).
    const clone = copyCheckout(join(work, 'elsewhere', 'deeper', 'clone'));
    const inClone = (...args: string[]) => {
      const result = spawnSync(args[0], args.slice(1), { cwd: clone, encoding: 'utf8', timeout: 240_000 });
      if (result.status !== 0) throw new Error(`${args.join(' ')} in the clone failed: ${result.stderr}${result.stdout}`);
    };
    const esbuild = (entry: string, outfile: string) =>
      inClone('node_modules/.bin/esbuild', entry, '--bundle', '--platform=node', '--packages=external', `--outfile=${outfile}`, '--log-level=warning');
    esbuild('scripts/bundle-provider.ts', 'dist/bundle-provider.js');
    esbuild('scripts/release.ts', 'dist/release-cli.js');
    inClone(process.execPath, 'dist/bundle-provider.js', '--no-code-cache');
    inClone(process.execPath, 'dist/release-cli.js', '--platforms', PLATFORM, '--unsigned', '--out', join(clone, 'dist/out'));

    const init = initAgainst(join(clone, 'dist/out/filesystem-mirror'), lockFile);
    expect(init.output).toContain('Terraform has been successfully initialized');
    // Hashes compared, not the ~50 MB buffers (a failing buffer comparison would print them).
    expect(sha256Hex(readFileSync(join(clone, 'dist/out', `terraform-provider-oos_${current.version}_${PLATFORM}.zip`)))).toBe(
      sha256Hex(readFileSync(current.archive.file)),
    );
  }, 300_000);
});
