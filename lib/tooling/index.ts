/**
 * Tooling around the library, shared by npm start, the benchmarks and the e2e tests: running
 * terraform, laying out a working directory with this package's provider, the environment
 * Terraform gives a provider, and clients pointed at the emulator.
 */
export { type TerraformResult, type TerraformRunOptions, expectTerraform, runTerraform, terraformBinary, terraformCliEnvironment } from './terraform-cli';
export { type StateJson, TerraformWorkspace, type TerraformWorkspaceOptions, oosProviderConfig } from './workspace';
export { type EmulatorClientOptions, emulatorClient, emulatorClientEnvironment } from './emulator-client';
/** The environment Terraform (go-plugin) gives a provider it starts; one home in the kit. */
export { pluginEnvironment as providerLaunchEnvironment } from '../tfplugin';
/** The checkout's root folder (where package.json is); one definition, in lib/release. */
export { REPOSITORY as PACKAGE_ROOT } from '../release/repository';
export { type BundledProviderPackage, installDevelopmentProvider } from './development-provider';
export { RELEASE_CACHE_VARIABLE, releaseProvider } from './release-provider';
export { copyCheckout } from './checkout';
export { SYNTH_DIR, initStack, layOutReleaseProvider, localDirOf, projectCliConfig, stackWorkspace, synthesizeStack } from './synthesized-stack';
export { devSecret, devSecretsFile } from './dev-secrets';
export { SYNTHESIS_ENVIRONMENT_PREFIXES, SynthesisCache } from './synthesis-cache';
export { type CloneCommandResult, cloneProject, npmCacheFolder, npmEnvironment, runInClone, snapshotCommit } from './project-clone';
export { acceptanceProblem } from './acceptance';
export { type PreparedStack, logProgress, prepareStack, requireEphemeralVariables, runEnvironment, synthesizeCheckedStack } from './prepared-stack';
export { type SynthesizedConfig, readSynthesizedConfig } from './synthesized-config';
