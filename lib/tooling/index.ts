/**
 * Tooling around the library, shared by npm start, the benchmarks and the e2e tests: running
 * terraform, laying out a working directory with this package's provider, the environment
 * Terraform gives a provider, and clients pointed at the emulator.
 */
export { type TerraformResult, type TerraformRunOptions, expectTerraform, runTerraform, terraformBinary, terraformEnvironment } from './terraform-cli';
export { type PlanJson, type StateJson, TerraformWorkspace, type TerraformWorkspaceOptions, oosProviderConfig } from './workspace';
export { type EmulatorClientOptions, emulatorClient, emulatorClientEnvironment } from './emulator-client';
/** The environment Terraform (go-plugin) gives a provider it starts; one home in the kit. */
export { pluginEnvironment as providerLaunchEnvironment } from '../tfplugin/protocol/handshake';
export { PACKAGE_ROOT } from '../provider/packaging/package-root';
export {
  type BundledProviderPackage,
  type ExecutableProviderPackage,
  type LocalProviderSetup,
  OOS_PROVIDER_PACKAGE,
  type ProviderPackage,
  setUpLocalProvider,
} from '../provider/packaging/local-mirror';
export { releaseProviderPackage } from './release-provider';
export { copyCheckout } from './checkout';
