import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROVIDER_HOST, PROVIDER_NAMESPACE, PROVIDER_TYPE } from '../../domain';
import { PACKAGE_ROOT } from './package-root';

/** The provider's version: the package's, so a new release is a new mirror entry. */
export const PROVIDER_VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The bundled provider program the launcher runs (built by scripts/bundle-provider.js). */
export const PROVIDER_BUNDLE = join(PACKAGE_ROOT, 'dist', 'provider', 'terraform-provider-oos.js');

/** A bundled provider program, run by a launcher script with this Node.js (development builds, test providers). */
export interface BundledProviderPackage {
  /** The provider type, e.g. `oos` in oos-chatops.local/chatops/oos. */
  readonly type: string;
  readonly version: string;
  /** The JavaScript file the launcher runs with this Node.js. */
  readonly bundle: string;
}

/** A self-contained provider executable for this machine, e.g. the release's (lib/release). */
export interface ExecutableProviderPackage {
  readonly type: string;
  readonly version: string;
  /** Laid out as the plugin itself (hard-linked where possible). */
  readonly executable: string;
}

/** A provider to lay out in a mirror under this package's host and namespace. */
export type ProviderPackage = BundledProviderPackage | ExecutableProviderPackage;

/** This package's oos provider as the development bundle of `npm run build`. */
export const OOS_PROVIDER_PACKAGE: BundledProviderPackage = { type: PROVIDER_TYPE, version: PROVIDER_VERSION, bundle: PROVIDER_BUNDLE };

/** Terraform's name for this machine's platform, e.g. linux_amd64. */
export function terraformPlatform(): string {
  const arch = ({ x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' } as Record<string, string>)[process.arch] ?? process.arch;
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return `${os}_${arch}`;
}

/**
 * Lays out the provider in Terraform's unpacked mirror layout,
 * `<mirrorDir>/<host>/<namespace>/<type>/<version>/<os>_<arch>/terraform-provider-<type>_v<version>`, and
 * returns the launcher's path. Works for a `filesystem_mirror` directory and for the implied
 * `terraform.d/plugins` folder beside a configuration.
 */
export function installFilesystemMirror(mirrorDir: string, provider: ProviderPackage = OOS_PROVIDER_PACKAGE): string {
  const { type, version } = provider;
  const file = 'executable' in provider ? provider.executable : provider.bundle;
  if (!existsSync(file)) {
    throw new Error(`The provider ${'executable' in provider ? 'executable' : 'bundle'} ${file} does not exist: run "npm run build" first.`);
  }
  const targetDir = join(resolve(mirrorDir), PROVIDER_HOST, PROVIDER_NAMESPACE, type, version, terraformPlatform());
  mkdirSync(targetDir, { recursive: true });
  const launcher = join(targetDir, `terraform-provider-${type}_v${version}`);
  if ('executable' in provider) {
    // A link, not a copy: the executable is a whole Node runtime (~120 MB) and tests lay out many workspaces.
    rmSync(launcher, { force: true });
    try {
      linkSync(file, launcher);
    } catch {
      copyFileSync(file, launcher);
    }
    chmodSync(launcher, 0o755);
    return launcher;
  }
  const bundle = provider.bundle;
  // The node binary is named by absolute path: Terraform may start providers with a reduced PATH.
  const script = `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(resolve(bundle))} "$@"\n`;
  if (!existsSync(launcher) || readFileSync(launcher, 'utf8') !== script) writeFileSync(launcher, script);
  chmodSync(launcher, 0o755);
  return launcher;
}

/**
 * Writes a Terraform CLI configuration that installs this provider from `mirrorDir` and every
 * other provider as usual, so `terraform init` never asks a registry for it.
 */
export function writeTerraformCliConfig(configFile: string, mirrorDir: string): void {
  const mirror = JSON.stringify(resolve(mirrorDir));
  const pattern = JSON.stringify(`${PROVIDER_HOST}/*/*`);
  writeFileSync(
    configFile,
    [
      '# Written by oos-chatops: installs the oos provider from a local mirror, offline.',
      'disable_checkpoint = true',
      'provider_installation {',
      '  filesystem_mirror {',
      `    path    = ${mirror}`,
      `    include = [${pattern}]`,
      '  }',
      '  direct {',
      `    exclude = [${pattern}]`,
      '  }',
      '}',
      '',
    ].join('\n'),
  );
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A provider mirror and the CLI config that uses it, laid out under one folder. */
export interface LocalProviderSetup {
  readonly mirrorDir: string;
  readonly launcher: string;
  /** Point TF_CLI_CONFIG_FILE here. */
  readonly cliConfig: string;
}

/**
 * Lays out the provider in a mirror (`<dir>/providers` unless `mirrorDir` says otherwise) and writes
 * `<dir>/terraform.rc` using it: everything terraform needs to find the provider offline.
 */
export function setUpLocalProvider(dir: string, options: { mirrorDir?: string; provider?: ProviderPackage } = {}): LocalProviderSetup {
  const mirrorDir = resolve(options.mirrorDir ?? join(dir, 'providers'));
  const launcher = installFilesystemMirror(mirrorDir, options.provider);
  const cliConfig = join(resolve(dir), 'terraform.rc');
  writeTerraformCliConfig(cliConfig, mirrorDir);
  return { mirrorDir, launcher, cliConfig };
}
