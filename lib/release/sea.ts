import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { sha256Hex } from './hashes';
import { removeCodeSignature } from './macho';
import { removeAuthenticodeSignature } from './pe';
import type { ReleasePlatform } from './platforms';
import { isAvailable, run } from './run';
import { BUNDLE_ASSET, BUNDLE_KEY_ASSET } from './sea-assets';

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
export async function injectSeaBlob(runtime: string, blob: string, output: string, platform: ReleasePlatform): Promise<{ needsCodesign: boolean }> {
  // Node's own signature would not survive the injection: removed first (see macho.ts, pe.ts).
  if (platform.macho) writeFileSync(output, removeCodeSignature(readFileSync(runtime)), { mode: 0o755 });
  else if (platform.os === 'windows') writeFileSync(output, removeAuthenticodeSignature(readFileSync(runtime)), { mode: 0o755 });
  else copyFileSync(runtime, output);
  // postject ships no type declarations.
  const postject = require('postject') as Postject;
  // LIEF (inside postject) warns about every ELF note section it cannot name; that says nothing about the result.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => (/Can't find string offset for section name/.test(String(args[0])) ? undefined : warn(...args));
  try {
    await postject.inject(output, 'NODE_SEA_BLOB', readFileSync(blob), {
      sentinelFuse: SEA_SENTINEL_FUSE,
      machoSegmentName: platform.macho ? 'NODE_SEA' : undefined,
    });
  } finally {
    console.warn = warn;
  }
  const codesign = platform.macho && isAvailable('codesign', ['--help']);
  if (codesign) run('codesign', ['--sign', '-', output]);
  return { needsCodesign: platform.macho && platform.arch === 'arm64' && !codesign };
}
