/**
 * lib/oos stays split by concern and knows nothing of Terraform (issue 19): no file over 300
 * lines, and none of Terraform's words or duration strings, which belong to lib/provider.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const OOS_DIR = join(__dirname, '../../lib/oos');
const MAX_LINES = 300;

/** Terraform's words, and its duration strings such as `5m` or "1h30m". */
const TERRAFORM_VOCABULARY: ReadonlyArray<readonly [string, RegExp]> = [
  ['timeouts', /\btimeouts\b/i],
  ['terraform', /terraform/i],
  ['resource block', /resource block/i],
  ['plan', /\bplan(s|ned|ning)?\b/i],
  ['state', /\bstate\b/i],
  ['a duration string', /['"`]\d+(\.\d+)?(ms|s|m|h)(\d+(ms|s|m|h))*['"`]/],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const files = sourceFiles(OOS_DIR).map((file) => [relative(OOS_DIR, file), readFileSync(file, 'utf8')] as const);

test('lib/oos has source files to check', () => {
  expect(files.length).toBeGreaterThan(5);
});

test.each(files)('lib/oos/%s is at most 300 lines', (_name, text) => {
  expect(text.split('\n').length - (text.endsWith('\n') ? 1 : 0)).toBeLessThanOrEqual(MAX_LINES);
});

test.each(files)('lib/oos/%s uses no Terraform vocabulary', (_name, text) => {
  const found = text
    .split('\n')
    .flatMap((line, i) => TERRAFORM_VOCABULARY.filter(([, pattern]) => pattern.test(line)).map(([word]) => `line ${i + 1}: ${word}`));
  expect(found).toEqual([]);
});

test('the scan recognises what it forbids', () => {
  const hits = (line: string) => TERRAFORM_VOCABULARY.filter(([, pattern]) => pattern.test(line)).map(([word]) => word);
  expect(hits("the resource's timeouts block")).toEqual(['timeouts']);
  expect(hits("const d = '5m';")).toEqual(['a duration string']);
  expect(hits('kept in Terraform state at plan time')).toEqual(['terraform', 'plan', 'state']);
  expect(hits('a request timeout of 30000 ms')).toEqual([]);
});
