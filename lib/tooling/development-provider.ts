/**
 * Providers that exist only for development: test and benchmark providers (the kit's echo_thing,
 * the grpc-js floor) run from a JavaScript bundle by a small launcher script. The oos provider is
 * never installed this way: every command, test and benchmark installs its release executable
 * (lib/release), checked against the committed lock.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROVIDER_HOST, PROVIDER_NAMESPACE } from '../domain';
import { terraformPlatformName } from '../release/platforms';

/** A provider program bundled into one JavaScript file, run by a launcher with this Node.js. */
export interface BundledProviderPackage {
  /** The provider type, e.g. `echo` in oos-chatops.local/chatops/echo. */
  readonly type: string;
  readonly version: string;
  /** The JavaScript file the launcher runs. */
  readonly bundle: string;
}

/**
 * Lays out the launcher of `provider` in Terraform's unpacked mirror layout under `mirrorDir` (e.g. a
 * configuration's `terraform.d/plugins`) and returns its path.
 */
export function installDevelopmentProvider(
  mirrorDir: string,
  provider: BundledProviderPackage,
  host: string = PROVIDER_HOST,
  namespace: string = PROVIDER_NAMESPACE,
): string {
  if (!existsSync(provider.bundle)) throw new Error(`The provider bundle ${provider.bundle} does not exist: build it first.`);
  const targetDir = join(resolve(mirrorDir), host, namespace, provider.type, provider.version, terraformPlatformName());
  mkdirSync(targetDir, { recursive: true });
  const launcher = join(targetDir, `terraform-provider-${provider.type}_v${provider.version}`);
  // The node binary is named by absolute path: Terraform may start providers with a reduced PATH.
  const script = `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(resolve(provider.bundle))} "$@"\n`;
  if (!existsSync(launcher) || readFileSync(launcher, 'utf8') !== script) writeFileSync(launcher, script);
  chmodSync(launcher, 0o755);
  return launcher;
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
