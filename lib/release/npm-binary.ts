import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { run } from './run';

export interface PackedBinary {
  /** npm package name, e.g. `@oven/bun-darwin-aarch64`. */
  readonly packageName: string;
  readonly version: string;
  /** Path of the binary inside the package's tarball, e.g. `package/bin/bun`. */
  readonly binaryInPackage: string;
}

/**
 * A binary shipped in an npm package, taken with `npm pack` (so the registry's integrity check
 * applies and no install script runs) and kept in `cacheDir`: a second build reuses it offline.
 */
export function fetchPackedBinary(wanted: PackedBinary, cacheDir: string): string {
  const { packageName, version, binaryInPackage } = wanted;
  // npm pack names the tarball `<scope>-<name>-<version>.tgz`, without the @.
  const stem = `${packageName.replace(/^@/, '').replace('/', '-')}-${version}`;
  const binary = join(cacheDir, stem, basename(binaryInPackage));
  if (existsSync(binary)) return binary;
  mkdirSync(cacheDir, { recursive: true });
  const tarball = join(cacheDir, `${stem}.tgz`);
  if (!existsSync(tarball)) {
    // Packed aside and renamed: a build in another process never extracts half a tarball.
    const packing = mkdtempSync(join(cacheDir, '.pack-'));
    try {
      run('npm', ['pack', `${packageName}@${version}`, '--pack-destination', packing, '--loglevel=error']);
      if (!existsSync(join(packing, basename(tarball)))) {
        throw new Error(`npm pack ${packageName}@${version} wrote no ${basename(tarball)}; does that version exist? (npm view ${packageName} versions)`);
      }
      renameSync(join(packing, basename(tarball)), tarball);
    } finally {
      rmSync(packing, { recursive: true, force: true });
    }
  }
  // Extracted aside and renamed, so an interrupted build never leaves half a binary in the cache.
  const scratch = mkdtempSync(join(cacheDir, '.extract-'));
  try {
    run('tar', ['-xzf', tarball, '-C', scratch, binaryInPackage]);
    mkdirSync(join(binary, '..'), { recursive: true });
    renameSync(join(scratch, binaryInPackage), binary);
    chmodSync(binary, 0o755);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return binary;
}
