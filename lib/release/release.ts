import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { PROVIDER_TYPE } from '../domain/provider-address';
import { providerEnvironment, startUntilHandshake } from './handshake';
import { packageHash, sha256Hex, zipHash } from './hashes';
import { layOutFilesystemMirror, layOutNetworkMirror, placeFile, type ReleaseArchive } from './mirror';
import { BUN_BUILD_FLAGS, bunRuntime, compileExecutable, hostBun } from './bun-compile';
import { layOutRegistry } from './registry';
import { DEVELOPMENT_LOADER } from './provider-bundle';
import { REPOSITORY } from './repository';
import { DEFAULT_BUN_VERSION, DEFAULT_PLATFORM_NAMES, findPlatform, terraformPlatformName, type ReleasePlatform } from './platforms';
import { signDetached, type Signature, type SigningKey } from './signing';
import { createZip, DEFLATE_LEVEL } from './zip';

export { REPOSITORY };

/** The registry manifest: this provider speaks protocol 6 only. */
export const REGISTRY_MANIFEST = { version: 1, metadata: { protocol_versions: ['6.0'] } } as const;

// Semantic Versioning 2.0.0's own grammar (semver.org), anchored.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function assertSemver(version: string, source = 'version'): string {
  if (!SEMVER.test(version)) {
    throw new Error(`${source} "${version}" is not a semantic version (MAJOR.MINOR.PATCH, e.g. 0.2.0); Terraform installs providers by semver only`);
  }
  return version;
}

/** package.json's "version", checked to be semver. */
export function packageVersion(packageJson: string = join(REPOSITORY, 'package.json')): string {
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown };
  return assertSemver(typeof version === 'string' ? version : String(version), `${packageJson} "version"`);
}

/**
 * The provider's self-contained bundle from `npm run build`. While the build writes a small loader
 * at dist/provider/terraform-provider-oos.js with the bundle beside it as `.bundle.js`, the bundle
 * is taken; when the build writes the bundle itself at that path, the path is taken as is.
 */
export function providerBundle(outfile: string = DEVELOPMENT_LOADER): string {
  const sibling = outfile.replace(/\.js$/, '.bundle.js');
  if (existsSync(sibling) && existsSync(outfile) && readFileSync(outfile, 'utf8').includes(basename(sibling))) return sibling;
  if (existsSync(outfile)) return outfile;
  throw new Error(`the provider bundle ${outfile} does not exist: run "npm run build" first`);
}

export const archiveName = (version: string, platform: string): string => `terraform-provider-${PROVIDER_TYPE}_${version}_${platform}.zip`;
export const executableName = (version: string, platform: ReleasePlatform): string =>
  `terraform-provider-${PROVIDER_TYPE}_v${version}${platform.executableSuffix}`;

export interface ReleaseOptions {
  /** Terraform platform names; default all five (linux_amd64, linux_arm64, darwin_amd64, darwin_arm64, windows_amd64). */
  readonly platforms?: readonly string[];
  /** Default dist/release/<version>; emptied first. */
  readonly outDir?: string;
  /** Default package.json's. */
  readonly version?: string;
  /** Without a key no SHA256SUMS.sig is written (a registry will refuse such a release). */
  readonly signingKey?: SigningKey;
  /** Default the build's bundle, see providerBundle(). */
  readonly bundle?: string;
  /** Where downloaded Bun runtimes are kept; default dist/release/cache (git-ignored, shared across builds). */
  readonly cacheDir?: string;
  /** Default DEFAULT_BUN_VERSION. */
  readonly bunVersion?: string;
  /** Where the static registry will be served (HTTPS); with a signing key, lays it out in <outDir>/registry. */
  readonly registryBaseUrl?: string;
  readonly log?: (message: string) => void;
}

export interface ReleaseExecutable {
  readonly platform: string;
  readonly file: string;
  /** darwin_arm64 without a valid ad-hoc signature, which arm64 macOS refuses: `codesign --sign -` it on a mac. Bun signs it, so false. */
  readonly needsCodesign: boolean;
}

export interface ReleaseFile {
  readonly name: string;
  readonly file: string;
  readonly size: number;
  readonly sha256: string;
}

export interface ReleaseResult {
  readonly version: string;
  readonly bunVersion: string;
  readonly outDir: string;
  readonly archives: readonly ReleaseArchive[];
  readonly executables: readonly ReleaseExecutable[];
  readonly checksumsFile: string;
  readonly signatureFile?: string;
  readonly signature?: Signature;
  readonly manifestFile: string;
  /** Root of the packed filesystem mirror (`filesystem_mirror { path = ... }`, `-fs-mirror=`). */
  readonly filesystemMirror: string;
  /** Root of the static network mirror (serve it over HTTPS). */
  readonly networkMirror: string;
  /** Root of the static provider registry, when registryBaseUrl and a signing key were given. */
  readonly registry?: string;
  /** The release files proper (archives, SHA256SUMS, signature, manifest). */
  readonly files: readonly ReleaseFile[];
  readonly timingsMs: Readonly<Record<string, number>>;
}

/**
 * Starts the host's executable as Terraform would, with an empty home folder, and checks that it
 * handshakes and leaves that folder empty: the provider keeps nothing on the user's machine.
 */
async function checkHostExecutable(executable: string, scratch: string): Promise<void> {
  const home = join(scratch, 'home');
  mkdirSync(home, { recursive: true });
  await startUntilHandshake(executable, [], providerEnvironment({ HOME: home, USERPROFILE: home, XDG_CACHE_HOME: undefined, LOCALAPPDATA: undefined }));
  const left = readdirSync(home);
  if (left.length > 0)
    throw new Error(`release: ${executable} wrote ${left.join(', ')} into the home folder; a provider must leave the user's machine as it found it`);
}

interface ArchiveInputs {
  readonly platform: ReleasePlatform;
  readonly version: string;
  readonly bundle: string;
  /** The host's Bun, which compiles. */
  readonly bun: string;
  /** The target platform's Bun runtime. */
  readonly runtime: string;
  /** Emptied scratch folder for the executable and the zip. */
  readonly dir: string;
}

/** One platform's executable (the bundle compiled onto its Bun runtime) and its deterministic zip. */
function buildArchive(inputs: ArchiveInputs): { executable: ReleaseExecutable; archive: ReleaseArchive } {
  const { platform, version, dir } = inputs;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, executableName(version, platform));
  const { needsCodesign } = compileExecutable({ platform, bun: inputs.bun, runtime: inputs.runtime, bundle: inputs.bundle, output: file });
  const entries = [{ name: basename(file), data: readFileSync(file), mode: 0o755 }];
  const zip = createZip(entries);
  const archiveFile = join(dir, archiveName(version, platform.name));
  writeFileSync(archiveFile, zip);
  return {
    executable: { platform: platform.name, file, needsCodesign },
    archive: { platform: platform.name, file: archiveFile, h1: packageHash(entries), zh: zipHash(zip) },
  };
}

export interface CachedExecutable {
  readonly platform: string;
  readonly version: string;
  /** `terraform-provider-oos_v<version>` itself. */
  readonly executable: string;
  /** The release archive holding it, with its `h1:`/`zh:` hashes. */
  readonly archive: ReleaseArchive;
}

/**
 * One platform's release executable and archive for `bundle`, built once and kept in
 * dist/release/cache/executables/<key> (key: bundle, Bun version and flags, version, platform), so
 * every test file, workspace and synth of one code state shares one build. Synchronous, and safe
 * when several processes ask at once (each builds aside, the first rename wins).
 */
export function cachedReleaseExecutable(
  options: { bundle?: string; platform?: string; version?: string; bunVersion?: string; cacheDir?: string } = {},
): CachedExecutable {
  const platform = findPlatform(options.platform ?? terraformPlatformName());
  const version = options.version ?? packageVersion();
  const bunVersion = options.bunVersion ?? DEFAULT_BUN_VERSION;
  const cacheDir = resolve(options.cacheDir ?? join(REPOSITORY, 'dist/release/cache'));
  const bundle = options.bundle ?? providerBundle();
  // Everything the executable is made of: the bundle, the runtime and how Bun compiles.
  const parts = [sha256Hex(readFileSync(bundle)), bunVersion, BUN_BUILD_FLAGS.join(' '), version, platform.name, `deflate ${DEFLATE_LEVEL}`];
  const key = sha256Hex(parts.join('\n')).slice(0, 16);
  const dir = join(cacheDir, 'executables', key);
  const result = (): CachedExecutable => {
    const archive = join(dir, archiveName(version, platform.name));
    const hashes = JSON.parse(readFileSync(join(dir, 'hashes.json'), 'utf8')) as { h1: string; zh: string };
    return {
      platform: platform.name,
      version,
      executable: join(dir, executableName(version, platform)),
      archive: { platform: platform.name, file: archive, ...hashes },
    };
  };
  if (existsSync(join(dir, 'hashes.json'))) return result();
  mkdirSync(join(cacheDir, 'executables'), { recursive: true });
  const scratch = mkdtempSync(join(cacheDir, 'executables', `.${key}-`));
  try {
    const bun = hostBun(bunVersion, cacheDir);
    const built = buildArchive({ platform, version, bundle, bun, runtime: bunRuntime(platform, bunVersion, cacheDir), dir: scratch });
    writeFileSync(join(scratch, 'hashes.json'), JSON.stringify({ h1: built.archive.h1, zh: built.archive.zh }));
    try {
      renameSync(scratch, dir);
    } catch (error) {
      // Another process finished the same build first: its result is the same bytes.
      if (!existsSync(join(dir, 'hashes.json'))) throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  pruneExecutableCache(join(cacheDir, 'executables'), dir);
  return result();
}

/** Each code state leaves ~170 MB (executable and zip): only the newest few builds are kept. */
const KEPT_EXECUTABLE_BUILDS = 4;

function pruneExecutableCache(dir: string, keep: string): void {
  const builds = readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .map((name) => ({ path: join(dir, name), modified: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.modified - a.modified);
  for (const old of builds.slice(KEPT_EXECUTABLE_BUILDS)) if (old.path !== keep) rmSync(old.path, { recursive: true, force: true });
}

function describe(file: string): ReleaseFile {
  const data = readFileSync(file);
  return { name: basename(file), file, size: data.length, sha256: sha256Hex(data) };
}

/**
 * Builds the provider release: per platform the bundle compiled by Bun into one executable, zipped
 * deterministically, then SHA256SUMS, its detached signature, the registry manifest, and both
 * mirror layouts. The host platform's executable is started once to prove it handshakes and writes nothing into the home folder.
 */
export async function buildRelease(options: ReleaseOptions = {}): Promise<ReleaseResult> {
  const log = options.log ?? (() => undefined);
  const version = options.version ? assertSemver(options.version) : packageVersion();
  const bunVersion = options.bunVersion ?? DEFAULT_BUN_VERSION;
  const platforms = (options.platforms ?? DEFAULT_PLATFORM_NAMES).map(findPlatform);
  const outDir = resolve(options.outDir ?? join(REPOSITORY, 'dist/release', version));
  const cacheDir = resolve(options.cacheDir ?? join(REPOSITORY, 'dist/release/cache'));
  const bundle = options.bundle ?? providerBundle();
  const host = terraformPlatformName();
  const timingsMs: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => T | Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await work();
    timingsMs[step] = Date.now() - started;
    log(`${step}: ${timingsMs[step]} ms`);
    return result;
  };

  rmSync(outDir, { recursive: true, force: true });
  const buildDir = join(outDir, 'build');
  mkdirSync(buildDir, { recursive: true });
  const bun = await timed('host bun', () => hostBun(bunVersion, cacheDir));

  const archives: ReleaseArchive[] = [];
  const executables: ReleaseExecutable[] = [];
  for (const platform of platforms) {
    await timed(platform.name, () => {
      const built = buildArchive({
        platform,
        version,
        bundle,
        bun,
        runtime: bunRuntime(platform, bunVersion, cacheDir),
        dir: join(buildDir, platform.name),
      });
      const archive = join(outDir, basename(built.archive.file));
      placeFile(built.archive.file, archive);
      executables.push(built.executable);
      archives.push({ ...built.archive, file: archive });
    });
  }

  const hostExecutable = executables.find((executable) => executable.platform === host);
  if (hostExecutable) {
    await timed('handshake check', () => checkHostExecutable(hostExecutable.file, join(buildDir, 'handshake-check')));
  }

  const manifestFile = join(outDir, `terraform-provider-${PROVIDER_TYPE}_${version}_manifest.json`);
  writeFileSync(manifestFile, JSON.stringify(REGISTRY_MANIFEST, null, 2) + '\n');
  const checksumsFile = join(outDir, `terraform-provider-${PROVIDER_TYPE}_${version}_SHA256SUMS`);
  const summed = [...archives.map((archive) => archive.file), manifestFile].map(describe).sort((a, b) => a.name.localeCompare(b.name));
  writeFileSync(checksumsFile, summed.map((file) => `${file.sha256}  ${file.name}\n`).join(''));
  let signatureFile: string | undefined;
  let signature: Signature | undefined;
  if (options.signingKey) {
    const key = options.signingKey;
    signatureFile = `${checksumsFile}.sig`;
    signature = await timed('signature', () => signDetached(checksumsFile, signatureFile as string, key));
  }

  const filesystemMirror = join(outDir, 'filesystem-mirror');
  const networkMirror = join(outDir, 'network-mirror');
  layOutFilesystemMirror(archives, filesystemMirror);
  layOutNetworkMirror(archives, version, networkMirror);
  const registry =
    options.registryBaseUrl && signatureFile && signature
      ? layOutRegistry({ version, archives, checksumsFile, signatureFile, signature }, join(outDir, 'registry'), options.registryBaseUrl)
      : undefined;
  const files = [...summed, describe(checksumsFile), ...(signatureFile ? [describe(signatureFile)] : [])];
  return {
    version,
    bunVersion,
    outDir,
    archives,
    executables,
    checksumsFile,
    signatureFile,
    signature,
    manifestFile,
    filesystemMirror,
    networkMirror,
    registry,
    files,
    timingsMs,
  };
}
