/**
 * Every test runs with HOME set to an empty folder of its own (and npm's cache named explicitly, as
 * it lives in the real home), so no test can change the user's home; global-teardown.ts then fails
 * the run if anything but the documented caches was left there.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function globalSetup(): void {
  const npmCache = spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).stdout.trim();
  process.env.CHATOPS_TEST_HOME = mkdtempSync(join(tmpdir(), 'oos-test-home-'));
  process.env.HOME = process.env.CHATOPS_TEST_HOME;
  if (npmCache) process.env.npm_config_cache = npmCache;
}
