/**
 * The kit has one public entry: the lint rule in eslint.config.js refuses any import of a file
 * inside lib/tfplugin (its protocol above all) from outside it, and says to use the entry.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ESLint } from 'eslint';

const ROOT = join(__dirname, '../..');
const FIXTURE = readFileSync(join(__dirname, 'fixtures/deep-kit-import.txt'), 'utf8');

/** ESLint's CLI on the fixture (its API loads the config with a dynamic import, which jest's module system refuses). */
async function kitEntryErrors(filePath: string, source = FIXTURE): Promise<{ line: number; message: string }[]> {
  const cli = join(ROOT, 'node_modules/eslint/bin/eslint.js');
  let output: string;
  try {
    output = execFileSync(process.execPath, [cli, '--stdin', '--stdin-filename', filePath, '--format', 'json'], {
      cwd: ROOT,
      input: source,
      encoding: 'utf8',
    });
  } catch (error) {
    // ESLint exits 1 when it found problems; its report is still on stdout.
    output = (error as { stdout: string }).stdout;
  }
  const [result]: ESLint.LintResult[] = JSON.parse(output);
  return result.messages.filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports').map(({ line, message }) => ({ line, message }));
}

test('outside lib/tfplugin, importing its protocol or any file inside it fails lint with a pointer to the public entry', async () => {
  const errors = await kitEntryErrors('lib/release/deep-kit-import.ts');
  expect(errors.map((error) => error.line)).toEqual([2, 3]);
  expect(errors[0].message).toMatch(/'\.\.\/tfplugin\/protocol\/cty-codec'.*public entry \(lib\/tfplugin/);
}, 30_000);

test('the same holds for scripts, benchmarks and tests, which reach the kit as lib/tfplugin', async () => {
  const errors = await kitEntryErrors('bench/deep-kit-import.ts', FIXTURE.replaceAll("'../tfplugin", "'../lib/tfplugin"));
  expect(errors.map((error) => error.line)).toEqual([2, 3]);
}, 30_000);

test('inside lib/tfplugin, its own files import each other freely', async () => {
  expect(await kitEntryErrors('lib/tfplugin/deep-kit-import.ts')).toEqual([]);
}, 30_000);

describe("a provider's main, which may import serve alone (lib/tfplugin/serve.ts) to start light", () => {
  const MAIN =
    "import { serve } from '../tfplugin/serve';\nimport { encodeMsgpack } from '../tfplugin/protocol/cty-codec';\n\nexport { serve, encodeMsgpack };\n";

  test('lib/<area>/main.ts may import serve, and nothing else inside the kit', async () => {
    expect((await kitEntryErrors('lib/provider/main.ts', MAIN)).map((error) => error.line)).toEqual([2]);
  }, 30_000);

  test('any other module importing serve from inside the kit fails lint', async () => {
    expect((await kitEntryErrors('lib/provider/provider.ts', MAIN)).map((error) => error.line)).toEqual([1, 2]);
  }, 30_000);

  test("so do the bench's provider mains, as lib/tfplugin/serve", async () => {
    const bench = MAIN.replaceAll("'../tfplugin", "'../lib/tfplugin");
    expect((await kitEntryErrors('bench/echo-thing-provider-main.ts', bench)).map((error) => error.line)).toEqual([2]);
    expect((await kitEntryErrors('bench/bench-support.ts', bench)).map((error) => error.line)).toEqual([1, 2]);
  }, 30_000);
});
