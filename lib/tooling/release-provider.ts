import { cachedReleaseExecutable, type CachedExecutable, freshProviderBundle } from '../release';

let built: Promise<CachedExecutable> | undefined;

/**
 * The oos provider as users get it: this checkout's release executable for this machine, built
 * from the current code once per code state (cached in dist/release/cache, shared by every test
 * file, process and command).
 */
export function releaseProvider(): Promise<CachedExecutable> {
  built ??= freshProviderBundle().then((bundle) => cachedReleaseExecutable({ bundle }));
  return built;
}
