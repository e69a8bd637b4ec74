import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ReleasePlatform } from './platforms';
import { run } from './run';

/**
 * The `node` binary of `platform` at `version`, taken from its npm package (`npm pack`, so the
 * registry's integrity check applies) and kept in `cacheDir`: a second build reuses it offline.
 */
export function fetchNodeRuntime(platform: ReleasePlatform, version: string, cacheDir: string): string {
  const binary = join(cacheDir, `${platform.nodePackage}-${version}`, `node${platform.executableSuffix}`);
  if (existsSync(binary)) return binary;
  mkdirSync(cacheDir, { recursive: true });
  const tarball = join(cacheDir, `${platform.nodePackage}-${version}.tgz`);
  if (!existsSync(tarball)) {
    run('npm', ['pack', `${platform.nodePackage}@${version}`, '--pack-destination', cacheDir, '--silent']);
    if (!existsSync(tarball)) {
      throw new Error(`npm pack ${platform.nodePackage}@${version} wrote no ${tarball}; does that version exist? (npm view ${platform.nodePackage} versions)`);
    }
  }
  // Extracted aside and renamed, so an interrupted build never leaves half a binary in the cache.
  const scratch = mkdtempSync(join(cacheDir, '.extract-'));
  try {
    run('tar', ['-xzf', tarball, '-C', scratch, platform.nodeBinaryInPackage]);
    mkdirSync(join(binary, '..'), { recursive: true });
    renameSync(join(scratch, platform.nodeBinaryInPackage), binary);
    chmodSync(binary, 0o755);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return binary;
}
