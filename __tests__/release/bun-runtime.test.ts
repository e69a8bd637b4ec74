/**
 * The Bun runtime an executable is built on comes through npm: the machine's own with `npm ci`
 * (an optional dependency per platform, pinned in package.json at the release's Bun version), any
 * other with `npm pack`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BUN_VERSION, KNOWN_PLATFORMS, REPOSITORY, terraformPlatformName } from '../../lib/release';
import { findPlatform } from '../../lib/release/platforms';
import { bunRuntime } from '../../lib/release/bun-compile';

test('package.json pins every platform’s Bun package, as an optional dependency, at the release’s Bun version', () => {
  const { optionalDependencies = {} } = JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> };
  expect(Object.fromEntries(KNOWN_PLATFORMS.map((platform) => [platform.bunPackage, optionalDependencies[platform.bunPackage]]))).toEqual(
    Object.fromEntries(KNOWN_PLATFORMS.map((platform) => [platform.bunPackage, DEFAULT_BUN_VERSION])),
  );
});

test('the machine’s own runtime is the one npm ci installed: nothing is packed into the cache', () => {
  const cache = mkdtempSync(join(tmpdir(), 'oos-bun-runtime-'));
  try {
    const runtime = bunRuntime(findPlatform(terraformPlatformName()), DEFAULT_BUN_VERSION, cache);
    expect(runtime.startsWith(join(REPOSITORY, 'node_modules', '@oven'))).toBe(true);
    expect(existsSync(runtime)).toBe(true);
    expect(readdirSync(cache)).toEqual([]);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
