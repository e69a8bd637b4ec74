import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder holding this package's package.json. Found by walking up from this module, so it is
 * the same whether the code runs from the TypeScript sources (lib/…) or the build (dist/lib/…).
 */
export const PACKAGE_ROOT: string = findPackageRoot(__dirname);

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json in ${from} or any folder above it.`);
  }
}
