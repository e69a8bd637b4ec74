import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { providerEnvironment, startUntilHandshake } from './handshake';
import { removeCodeSignature } from './macho';
import type { ReleasePlatform } from './platforms';
import { isAvailable, run } from './run';
import { BUNDLE_ASSET, CODE_CACHE_ASSET } from './sea-assets';

/** The fuse Node looks for to know a SEA blob was injected (from Node's single-executable docs). */
const SEA_SENTINEL_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

interface Postject {
  inject(file: string, resourceName: string, data: Buffer, options: { sentinelFuse: string; machoSegmentName?: string }): Promise<void>;
}

/** lib/release/sea-main.ts, whether this module runs from lib/ (ts-jest) or from dist/lib/ (tsc). */
function seaMainSource(): string {
  const candidates = [join(__dirname, 'sea-main.ts'), resolve(__dirname, '../../../lib/release/sea-main.ts')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`sea: the executable's entry lib/release/sea-main.ts was not found (looked at ${candidates.join(', ')})`);
  return found;
}

/** Bundles the executable's entry into one CommonJS file: a SEA main may require built-ins only. */
export async function bundleSeaMain(outfile: string): Promise<string> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [seaMainSource()],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * V8 flags of an executable that carries a warm code cache, and of the start-up that takes it.
 * V8 accepts a cache only under the flags it was made with. A fixed hash seed makes the cache
 * byte-for-byte reproducible (with a random seed every build differs, and so would the `h1:`
 * hash a committed lock file pins); the cost, a predictable seed against hash flooding, does not
 * matter for a plugin that hashes only what Terraform and the OOS API send it.
 */
export const WARM_CACHE_V8_FLAGS: readonly string[] = ['--hash-seed=1337'];

/**
 * V8's code cache of the bundle after a real start-up to the handshake, taken with `runtime`
 * (the Node binary the executable is made of: V8 accepts a cache only from its own version).
 */
export async function takeWarmCodeCache(runtime: string, seaMain: string, bundle: string, cacheFile: string): Promise<string> {
  const env = providerEnvironment({ OOS_PROVIDER_BUNDLE: bundle, OOS_PROVIDER_WRITE_CODE_CACHE: cacheFile });
  await startUntilHandshake(runtime, [...WARM_CACHE_V8_FLAGS, seaMain], env);
  if (!existsSync(cacheFile)) throw new Error(`sea: the warm start-up wrote no code cache at ${cacheFile}`);
  return cacheFile;
}

export interface SeaBlobOptions {
  /** The Node binary that writes the blob; it must be the version of the runtime the blob goes into. */
  readonly generator: string;
  readonly seaMain: string;
  readonly bundle: string;
  /** A warm code cache, for executables whose runtime is the generator's own platform. */
  readonly codeCache?: string;
  readonly output: string;
}

/** Writes the SEA preparation blob (`node --experimental-sea-config`). */
export function prepareSeaBlob(options: SeaBlobOptions): string {
  const assets: Record<string, string> = { [BUNDLE_ASSET]: resolve(options.bundle) };
  if (options.codeCache) assets[CODE_CACHE_ASSET] = resolve(options.codeCache);
  const config = {
    // The blob records the main's path as given: relative to the generator's cwd, so it is the same on every machine.
    main: basename(options.seaMain),
    output: resolve(options.output),
    disableExperimentalSEAWarning: true,
    // Node's own code cache (of the small entry only) differs on every build: left out for reproducibility.
    // A startup snapshot fails to build on Node 22 ("CheckGlobalAndEternalHandles failed": grpc's
    // TLS/HTTP2 handles cannot be snapshotted), see docs/release.md.
    useSnapshot: false,
    useCodeCache: false,
    execArgv: options.codeCache ? WARM_CACHE_V8_FLAGS : [],
    assets,
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
export async function injectSeaBlob(runtime: string, blob: string, output: string, platform: ReleasePlatform): Promise<{ needsCodesign: boolean }> {
  if (platform.macho) writeFileSync(output, removeCodeSignature(readFileSync(runtime)), { mode: 0o755 });
  else copyFileSync(runtime, output);
  // postject ships no type declarations.
  const postject = require('postject') as Postject;
  await postject.inject(output, 'NODE_SEA_BLOB', readFileSync(blob), {
    sentinelFuse: SEA_SENTINEL_FUSE,
    machoSegmentName: platform.macho ? 'NODE_SEA' : undefined,
  });
  const codesign = platform.macho && isAvailable('codesign', ['--help']);
  if (codesign) run('codesign', ['--sign', '-', output]);
  return { needsCodesign: platform.macho && platform.arch === 'arm64' && !codesign };
}
