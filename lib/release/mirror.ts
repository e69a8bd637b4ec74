import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { PROVIDER_HOST, PROVIDER_NAMESPACE, PROVIDER_TYPE } from '../domain/provider-address';

/** One platform's release archive and the two hashes Terraform may record for it. */
export interface ReleaseArchive {
  /** Terraform platform, e.g. linux_amd64. */
  readonly platform: string;
  /** Path of `terraform-provider-oos_<version>_<os>_<arch>.zip`. */
  readonly file: string;
  /** `h1:` hash of the archive's contents. */
  readonly h1: string;
  /** `zh:` hash of the archive file. */
  readonly zh: string;
}

export interface ProviderAddress {
  readonly host: string;
  readonly namespace: string;
  readonly type: string;
}

export const PROVIDER_ADDRESS: ProviderAddress = { host: PROVIDER_HOST, namespace: PROVIDER_NAMESPACE, type: PROVIDER_TYPE };

function providerDir(root: string, address: ProviderAddress): string {
  return join(root, address.host, address.namespace, address.type);
}

/** A hard link where the file system allows it (the archives are ~45 MB each), a copy elsewhere. */
export function placeFile(source: string, target: string): void {
  rmSync(target, { force: true });
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

/**
 * Terraform's packed filesystem-mirror layout, `<mirrorDir>/<host>/<namespace>/<type>/<archive>.zip`:
 * usable as a `filesystem_mirror`, as `terraform.d/plugins` beside a configuration, and by
 * `terraform providers lock -fs-mirror=<mirrorDir>`. Returns the folder holding the archives.
 */
export function layOutFilesystemMirror(archives: readonly ReleaseArchive[], mirrorDir: string, address: ProviderAddress = PROVIDER_ADDRESS): string {
  const dir = providerDir(mirrorDir, address);
  mkdirSync(dir, { recursive: true });
  for (const archive of archives) placeFile(archive.file, join(dir, basename(archive.file)));
  return dir;
}

interface MirrorIndex {
  versions: Record<string, Record<string, never>>;
}

/**
 * The provider network mirror protocol's static layout under `<mirrorDir>/<host>/<namespace>/<type>/`:
 * `index.json` lists the versions (merged with those already there, so releases accumulate),
 * `<version>.json` gives each platform's archive URL (relative, beside it) and its hashes.
 * Served over HTTPS at `https://<server>/<prefix>/`, it is a `network_mirror { url = ... }`.
 */
export function layOutNetworkMirror(
  archives: readonly ReleaseArchive[],
  version: string,
  mirrorDir: string,
  address: ProviderAddress = PROVIDER_ADDRESS,
): string {
  const dir = providerDir(mirrorDir, address);
  mkdirSync(dir, { recursive: true });
  const indexFile = join(dir, 'index.json');
  const index: MirrorIndex = existsSync(indexFile) ? (JSON.parse(readFileSync(indexFile, 'utf8')) as MirrorIndex) : { versions: {} };
  index.versions[version] = {};
  const archivesByPlatform: Record<string, { url: string; hashes: string[] }> = {};
  for (const archive of [...archives].sort((a, b) => a.platform.localeCompare(b.platform))) {
    placeFile(archive.file, join(dir, basename(archive.file)));
    archivesByPlatform[archive.platform] = { url: basename(archive.file), hashes: [archive.h1, archive.zh] };
  }
  writeFileSync(indexFile, JSON.stringify(index, null, 2) + '\n');
  writeFileSync(join(dir, `${version}.json`), JSON.stringify({ archives: archivesByPlatform }, null, 2) + '\n');
  return dir;
}

/**
 * A Terraform CLI configuration that installs this project's provider from the filesystem mirror
 * at `mirrorDir` and every other provider as usual: for plain HCL users whose configurations sit
 * outside this project (a configuration beside `terraform.d/plugins` needs none).
 */
export function writeMirrorCliConfig(configFile: string, mirrorDir: string, address: ProviderAddress = PROVIDER_ADDRESS): void {
  const pattern = JSON.stringify(`${address.host}/*/*`);
  writeFileSync(
    configFile,
    [
      '# Written by oos-chatops: installs the oos provider from a local mirror, offline.',
      'disable_checkpoint = true',
      'provider_installation {',
      '  filesystem_mirror {',
      `    path    = ${JSON.stringify(resolve(mirrorDir))}`,
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
