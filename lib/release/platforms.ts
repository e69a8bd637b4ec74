/**
 * The platforms a release is built for, and where each one's runtime comes from: Bun's
 * per-platform packages on the npm registry (the only registry the builds reach).
 */
export interface ReleasePlatform {
  /** Terraform's name, `<os>_<arch>`, as in archive names and `-platform=` flags. */
  readonly name: string;
  readonly os: 'linux' | 'darwin' | 'windows';
  readonly arch: 'amd64' | 'arm64';
  /** npm package that ships this platform's `bun` binary (no install script: the binary is in the tarball). */
  readonly bunPackage: string;
  /** Path of the binary inside the package's tarball. */
  readonly bunBinaryInPackage: string;
  /** `bun build --compile --target=` for this platform. */
  readonly bunTarget: string;
  /** Mach-O executables carry a code signature that must match their bytes (arm64 macOS runs nothing else). */
  readonly macho: boolean;
  /** `.exe` on Windows, where Terraform looks for the plugin by that extension. */
  readonly executableSuffix: string;
}

function platform(os: ReleasePlatform['os'], arch: ReleasePlatform['arch']): ReleasePlatform {
  // Bun's package names say aarch64, its compile targets arm64.
  const packageArch = arch === 'amd64' ? 'x64' : 'aarch64';
  const targetArch = arch === 'amd64' ? 'x64' : 'arm64';
  const windows = os === 'windows';
  return {
    name: `${os}_${arch}`,
    os,
    arch,
    bunPackage: `@oven/bun-${os}-${packageArch}`,
    bunBinaryInPackage: windows ? 'package/bin/bun.exe' : 'package/bin/bun',
    bunTarget: `bun-${os}-${targetArch}`,
    macho: os === 'darwin',
    executableSuffix: windows ? '.exe' : '',
  };
}

/** Every platform the release script knows. */
export const KNOWN_PLATFORMS: readonly ReleasePlatform[] = [
  platform('linux', 'amd64'),
  platform('linux', 'arm64'),
  platform('darwin', 'amd64'),
  platform('darwin', 'arm64'),
  platform('windows', 'amd64'),
];

/** All of them: Bun publishes every platform's runtime on the npm registry, Apple Silicon included. */
export const DEFAULT_PLATFORM_NAMES: readonly string[] = KNOWN_PLATFORMS.map((known) => known.name);

/**
 * The Bun runtime every executable is built on and with (bench/runtime-comparison.ts chose Bun over
 * a Node single executable and Deno; docs/benchmarks.md has the figures).
 */
export const DEFAULT_BUN_VERSION = '1.4.5';

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
