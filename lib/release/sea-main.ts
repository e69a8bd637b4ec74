/**
 * Entry of the provider's single executable (bundled on its own by lib/release/sea.ts): runs the
 * provider bundle kept as a SEA asset, compiled with V8's code cache of a warm start-up.
 *
 * Why not the bundle as the SEA main with `useCodeCache`: that cache is taken without running
 * anything, so every function the start-up calls is still compiled lazily; the warm cache covers
 * them (measured in docs/release.md). A cache V8 rejects is ignored and the bundle compiles normally.
 *
 * Run by plain `node` (not as a SEA) it reads the bundle from OOS_PROVIDER_BUNDLE and, when
 * OOS_PROVIDER_WRITE_CODE_CACHE names a file, writes the cache there at the handshake: that is
 * how the release build takes the warm cache, with the same Node runtime the executable is made of.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as sea from 'node:sea';
import { Script } from 'node:vm';
import { BUNDLE_ASSET, CODE_CACHE_ASSET } from './sea-assets';

function asset(key: string): ArrayBuffer | undefined {
  try {
    return sea.getRawAsset(key) as ArrayBuffer;
  } catch {
    return undefined;
  }
}

function main(): void {
  const inSea = sea.isSea();
  const bundleFile = process.env.OOS_PROVIDER_BUNDLE;
  if (!inSea && !bundleFile) throw new Error('sea-main: outside a single executable, OOS_PROVIDER_BUNDLE must name the provider bundle');
  const source = inSea ? new TextDecoder().decode(asset(BUNDLE_ASSET)) : readFileSync(bundleFile as string, 'utf8');
  const cache = inSea ? asset(CODE_CACHE_ASSET) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: 'terraform-provider-oos.js',
    cachedData: cache ? new Uint8Array(cache) : undefined,
  });
  if (process.env.OOS_PROVIDER_REPORT_CODE_CACHE) {
    process.stderr.write(`code cache: ${cache === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted'}\n`);
  }
  const cacheOut = inSea ? undefined : process.env.OOS_PROVIDER_WRITE_CODE_CACHE;
  if (cacheOut) {
    // Taken when the handshake line is written, not at exit: what has run by then is the same on
    // every build, so the cache (and the executable's hash in lock files) is reproducible.
    const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
    process.stdout.write = ((...args: unknown[]) => {
      if (!existsSync(cacheOut)) {
        writeFileSync(`${cacheOut}.${process.pid}`, script.createCachedData());
        renameSync(`${cacheOut}.${process.pid}`, cacheOut);
      }
      return write(...args);
    }) as typeof process.stdout.write;
  }
  // In a SEA `require` loads built-ins only, which is all a self-contained bundle asks for.
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, require, module, process.execPath, dirname(process.execPath));
}

main();
