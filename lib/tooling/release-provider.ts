import { PROVIDER_TYPE } from '../domain';
import type { ExecutableProviderPackage } from '../provider/packaging/local-mirror';
import { cachedReleaseExecutable } from '../release';

let built: ExecutableProviderPackage | undefined;

/**
 * The oos provider as users get it: the release executable for this machine, built from the
 * bundle of `npm run build` once per code state (cached in dist/release/cache, shared by every test
 * file and process) rather than the development bundle behind a launcher script.
 */
export function releaseProviderPackage(): ExecutableProviderPackage {
  if (!built) {
    const release = cachedReleaseExecutable();
    built = { type: PROVIDER_TYPE, version: release.version, executable: release.executable };
  }
  return built;
}
