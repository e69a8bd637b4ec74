import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The checkout's root: the nearest folder above this module holding package.json and lib/release,
 * so it is found from lib/ (ts-jest), dist/lib/ (tsc) and esbuild bundles under dist/ alike.
 */
export const REPOSITORY: string = findRepository(__dirname);

function findRepository(from: string): string {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'lib', 'release'))) return dir;
  }
  throw new Error(`release: no checkout (package.json beside lib/release) above ${from}`);
}
