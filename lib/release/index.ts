/** The provider's release: single executables, archives, checksums, signature, manifest and mirrors. */
export { measureStartup, providerEnvironment, startUntilHandshake, type StartupFigures } from './handshake';
export { packageHash, zipHash } from './hashes';
export { layOutFilesystemMirror, layOutNetworkMirror, PROVIDER_ADDRESS, writeMirrorCliConfig, type ReleaseArchive } from './mirror';
export { layOutRegistry, type RegistryRelease } from './registry';
export { DEFAULT_BUN_VERSION, DEFAULT_PLATFORM_NAMES, KNOWN_PLATFORMS, terraformPlatformName } from './platforms';
export {
  archiveName,
  assertSemver,
  buildRelease,
  packageVersion,
  providerBundle,
  REGISTRY_MANIFEST,
  type ReleaseExecutable,
  type ReleaseFile,
  type ReleaseOptions,
  type ReleaseResult,
} from './release';
export { signingKeyFromEnvironment, SIGNING_KEY_ENV, SIGNING_PASSPHRASE_ENV, type SigningKey } from './signing';
export { cachedReleaseExecutable, REPOSITORY, type CachedExecutable } from './release';
export { LOCK_COMMAND, LOCK_FILE, lockedProvider, stackVersionConstraint, writeLockFile, type LockedProvider, type LockOptions } from './lock';
export { isLocked, layOutProviderForStacks, layOutProviderForWorkingDirectory, type StackProviderLayout } from './stacks';
export {
  bundleProgram,
  DEVELOPMENT_LOADER,
  freshProviderBundle,
  PROVIDER_ENTRY,
  RELEASE_BUNDLE,
  stripModulePathComments,
  writeDistDescriptors,
  type BundleOptions,
} from './provider-bundle';
export { bundleProvider, type DevelopmentBundleOptions } from './development-bundle';
