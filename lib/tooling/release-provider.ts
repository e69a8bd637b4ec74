import { cachedReleaseExecutable, type CachedExecutable, freshProviderBundle } from '../release';

let built: Promise<CachedExecutable> | undefined;

/**
 * Where release builds are cached when not in the checkout's dist/release/cache: a CI job points it
 * at a folder it caches between runs (keyed by the lock file's hash), so a fresh runner reuses the
 * executable its last run built from the same code. A build is keyed by everything it is made of.
 */
export const RELEASE_CACHE_VARIABLE = 'CHATOPS_RELEASE_CACHE';

/**
 * The oos provider as users get it: this checkout's release executable for this machine, built
 * from the current code once per code state (cached in dist/release/cache, shared by every test
 * file, process and command).
 */
export function releaseProvider(): Promise<CachedExecutable> {
  built ??= freshProviderBundle().then((bundle) => cachedReleaseExecutable({ bundle, cacheDir: process.env[RELEASE_CACHE_VARIABLE] || undefined }));
  return built;
}
