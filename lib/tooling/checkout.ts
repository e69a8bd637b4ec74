import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPOSITORY as PACKAGE_ROOT } from '../release/repository';

/**
 * Copies this checkout as a fresh clone would have it, working-tree changes included (git's
 * tracked and untracked-but-not-ignored files, so no dist/, cdktf.out/, .chatops/ or state), into
 * `target`, with node_modules linked to this checkout's. Tests use it to prove what works "in
 * another folder on another machine".
 */
export function copyCheckout(target: string, source: string = PACKAGE_ROOT): string {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: source, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`copyCheckout: git ls-files failed in ${source}: ${listed.stderr || listed.error?.message}`);
  for (const file of new Set(listed.stdout.split('\0'))) {
    // Deleted but still tracked files are listed too; a node_modules link is the dependencies, linked below.
    if (!file || file === 'node_modules' || !existsSync(join(source, file)) || lstatSync(join(source, file)).isDirectory()) continue;
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(source, file), join(target, file));
  }
  symlinkSync(realpathSync(join(source, 'node_modules')), join(target, 'node_modules'));
  return target;
}
