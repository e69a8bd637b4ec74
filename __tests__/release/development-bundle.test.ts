/**
 * A development bundle (lib/release/development-bundle.ts) is made aside and renamed into place.
 * Jest workers bundle the same fixture into the same folder while other workers start it; a file
 * rewritten in place was once read half-written, and the provider exited 0 having run nothing.
 */
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { bundleProvider } from '../../lib/release';
import { ECHO_PROVIDER_ENTRY } from '../tfplugin/fixtures/echo-bundle';

const work = mkdtempSync(join(tmpdir(), 'development-bundle-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FILES = ['terraform-provider-echo.js', 'terraform-provider-echo.bundle.js', 'terraform-provider-echo.bundle.cache'];

test('a new bundle replaces the old files instead of rewriting them, and leaves no staging folder', async () => {
  const directory = join(work, 'replace');
  mkdirSync(directory);
  const oldHandles = FILES.map((name) => {
    writeFileSync(join(directory, name), `old ${name}`);
    return openSync(join(directory, name), 'r');
  });

  const loader = await bundleProvider({ entry: ECHO_PROVIDER_ENTRY, outfile: join(directory, FILES[0]) });

  try {
    // A reader that opened a file before the build still reads the whole old file.
    FILES.forEach((name, index) => expect(readFileSync(oldHandles[index], 'utf8')).toBe(`old ${name}`));
  } finally {
    oldHandles.forEach((handle) => closeSync(handle));
  }
  expect(loader).toBe(join(directory, FILES[0]));
  expect(readFileSync(loader, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  expect(readFileSync(join(directory, FILES[1]), 'utf8')).toContain('startPluginServer');
  expect(readdirSync(directory).sort()).toEqual([...FILES].sort());
});

test('the code cache taken in the staging folder is accepted where the bundle ends up', async () => {
  const directory = join(work, 'cache');
  const loader = await bundleProvider({ entry: ECHO_PROVIDER_ENTRY, outfile: join(directory, FILES[0]) });
  const bundleFile = join(directory, FILES[1]);
  const script = new Script(Module.wrap(readFileSync(bundleFile, 'utf8')), { filename: bundleFile, cachedData: readFileSync(join(directory, FILES[2])) });
  expect(script.cachedDataRejected).toBe(false);
  expect(existsSync(loader)).toBe(true);
});

test('without a code cache, an old cache is removed rather than left beside a new bundle', async () => {
  const directory = join(work, 'no-cache');
  mkdirSync(directory);
  writeFileSync(join(directory, FILES[2]), 'a cache of some earlier bundle');
  await bundleProvider({ entry: ECHO_PROVIDER_ENTRY, outfile: join(directory, FILES[0]), codeCache: false });
  expect(readdirSync(directory).sort()).toEqual(FILES.slice(0, 2).sort());
});
