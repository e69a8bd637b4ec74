/**
 * Entry of the provider's single executable (bundled on its own by bench/node-sea/sea.ts; the release executable before issue 18): runs the
 * provider bundle kept as a SEA asset, compiled with V8's code cache when this machine has one.
 *
 * The cache is made on the user's machine by the first start, after its handshake, and kept in
 * the user's cache folder: built into the executable it would have to be made reproducible, and
 * V8 only makes it so under a fixed --hash-seed, a flag that costs Node its own cache of the
 * built-in modules (+20 ms per start, measured). Made here, the first start pays ~40 ms once per
 * machine and version, every later one saves it. A cache V8 rejects is replaced.
 *
 *   OOS_PROVIDER_CACHE_DIR          where the cache goes (default: the user's cache folder); "off" disables it
 *   OOS_PROVIDER_REPORT_CODE_CACHE  set: says on stderr whether the cache was accepted
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import * as sea from 'node:sea';
import { Script } from 'node:vm';
import { BUNDLE_ASSET, BUNDLE_KEY_ASSET } from './sea-assets';

function cacheFile(): string | undefined {
  const configured = process.env.OOS_PROVIDER_CACHE_DIR;
  if (configured === 'off') return undefined;
  const base =
    configured ||
    (process.platform === 'win32'
      ? process.env.LOCALAPPDATA
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Caches')
        : process.env.XDG_CACHE_HOME) ||
    join(homedir(), '.cache');
  // The key names the bundle and the runtime: V8 takes a cache for one source and one Node version only.
  const key = new TextDecoder().decode(sea.getRawAsset(BUNDLE_KEY_ASSET) as ArrayBuffer);
  return join(base, 'terraform-provider-oos', `${key}-${process.version}.cache`);
}

function readCache(file: string | undefined): Buffer | undefined {
  try {
    return file ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache right after the handshake line is written (on Linux a pipe write is done by
 * then, so Terraform is not kept waiting), before the event loop runs again: a provider stopped
 * at once still leaves it behind. Failures only cost speed.
 */
function writeCacheAfterHandshake(file: string, script: Script): void {
  const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
  process.stdout.write = ((...args: unknown[]) => {
    process.stdout.write = write as typeof process.stdout.write;
    const written = write(...args);
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(`${file}.${process.pid}`, script.createCachedData(), { mode: 0o600 });
      renameSync(`${file}.${process.pid}`, file);
    } catch {
      // A read-only home: every start compiles, as without a cache.
    }
    return written;
  }) as typeof process.stdout.write;
}

function main(): void {
  if (!sea.isSea()) throw new Error('sea-main: this is the entry of the Node single executable built by bench/node-sea (the runtime comparison)');
  const source = new TextDecoder().decode(sea.getRawAsset(BUNDLE_ASSET) as ArrayBuffer);
  const file = cacheFile();
  const cache = readCache(file);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: 'terraform-provider-oos.js',
    cachedData: cache,
  });
  const accepted = cache !== undefined && !script.cachedDataRejected;
  if (process.env.OOS_PROVIDER_REPORT_CODE_CACHE) process.stderr.write(`code cache: ${cache === undefined ? 'absent' : accepted ? 'accepted' : 'rejected'}\n`);
  if (file && !accepted) writeCacheAfterHandshake(file, script);
  // In a SEA `require` loads built-ins only, which is all a self-contained bundle asks for.
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, require, module, process.execPath, dirname(process.execPath));
}

main();
