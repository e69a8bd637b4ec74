/**
 * What the project may leave in a user's home: the documented caches, nothing else (README,
 * "What stays on your machine"). Tests run terraform, cdktf and npm with an empty HOME and check it
 * with filesLeftInHome afterwards.
 */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The documented caches, as folders under HOME:
 * - `.cache/terraform-provider-oos`: the provider executable's code cache (lib/release/sea-main.ts);
 * - `.terraform.d/plugin-cache`: Terraform's plugin cache, which plain `npx cdktf` turns on unless
 *   CDKTF_DISABLE_PLUGIN_CACHE_ENV=1 (the npm scripts set it); Terraform keeps an unpacked copy of
 *   the provider there;
 * - `.cdktf`: the cdktf CLI's own settings (its anonymous telemetry id).
 */
export const DOCUMENTED_CACHES = [join('.cache', 'terraform-provider-oos'), join('.terraform.d', 'plugin-cache'), '.cdktf'] as const;

/**
 * Every path under `home` that is neither a documented cache nor a folder on the way to one, and
 * every symbolic link anywhere under it (a link out of HOME points into a folder that may be
 * deleted, as a test's or a clone's). Empty when the home is as the project may leave it.
 */
export function filesLeftInHome(home: string): string[] {
  if (!existsSync(home)) return [];
  const left: string[] = [];
  for (const entry of readdirSync(home, { recursive: true, encoding: 'utf8' })) {
    const path = join(home, entry);
    const name = relative(home, path);
    if (lstatSync(path).isSymbolicLink()) left.push(`${name} (a symbolic link)`);
    else if (!DOCUMENTED_CACHES.some((cache) => name === cache || name.startsWith(cache + '/') || cache.startsWith(name + '/'))) left.push(name);
  }
  return left.sort();
}
