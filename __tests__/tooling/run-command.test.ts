/**
 * scripts/run.js, the way every npm command runs: a TypeScript entry is bundled on first use, run
 * as `node` would run it, reused while none of its files changed, and rebuilt when one did.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../lib/tooling';

const FIXTURE = join(PACKAGE_ROOT, 'dist', 'test-fixtures', 'run-command');
const ENTRY = join(FIXTURE, 'entry.ts');
const BUNDLE = join(PACKAGE_ROOT, 'dist', 'cli', 'dist', 'test-fixtures', 'run-command', 'entry.js');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'scripts', 'run.js'), ENTRY, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  rmSync(FIXTURE, { recursive: true, force: true });
  rmSync(join(PACKAGE_ROOT, 'dist', 'cli', 'dist', 'test-fixtures'), { recursive: true, force: true });
  mkdirSync(FIXTURE, { recursive: true });
  writeFileSync(join(FIXTURE, 'greeting.ts'), `export const greeting = (name: string): string => \`hello \${name}\`;\n`);
  writeFileSync(
    join(FIXTURE, 'entry.ts'),
    `import { greeting } from './greeting';\nif (require.main === module) { console.log(greeting(process.argv[2])); process.exitCode = 3; }\n`,
  );
});
afterAll(() => rmSync(FIXTURE, { recursive: true, force: true }));

test('runs the entry with its arguments and exit code, as its main module', () => {
  expect(run('world')).toMatchObject({ status: 3, stdout: 'hello world\n' });
});

test('reuses the bundle while no file it is made of changed', () => {
  const built = statSync(BUNDLE).mtimeMs;
  expect(run('again')).toMatchObject({ status: 3, stdout: 'hello again\n' });
  expect(statSync(BUNDLE).mtimeMs).toBe(built);
});

test('rebuilds when an imported file changed', () => {
  writeFileSync(join(FIXTURE, 'greeting.ts'), `export const greeting = (name: string): string => \`good day \${name}\`;\n`);
  expect(run('world')).toMatchObject({ status: 3, stdout: 'good day world\n' });
  expect(readFileSync(BUNDLE, 'utf8')).toContain('good day');
});

test('npx oos-emulator starts exactly one emulator (no library module runs a main of its own when bundled)', () => {
  const result = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'oos-emulator.js'), '--port', '0'], {
    encoding: 'utf8',
    timeout: 8000,
    killSignal: 'SIGTERM',
  });
  expect(result.stdout.match(/OOS emulator listening on/g)).toHaveLength(1);
});
