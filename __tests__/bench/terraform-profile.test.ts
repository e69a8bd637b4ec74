/**
 * bench/terraform-profile.ts names terraform's sampled addresses by the Go function table of the
 * binary itself (.gopclntab): checked on the terraform this machine runs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { GoFunctionTable, goPackageOf, summariseSamples } from '../../bench/terraform-profile';
import { terraformBinary } from '../../lib/tooling';

const table = new GoFunctionTable(readFileSync(execFileSync('sh', ['-c', `command -v ${terraformBinary()}`], { encoding: 'utf8' }).trim()));

test('the function table of the terraform binary is read whole', () => {
  expect(table.size).toBeGreaterThan(10_000);
  for (const name of ['runtime.mallocgc', 'encoding/json.appendIndent', 'main.main']) expect(table.entryOf(name)).toBeDefined();
});

test('an address inside a function is named by it, the entry of the next one by the next', () => {
  const start = table.entryOf('encoding/json.appendIndent')!;
  expect(table.functionAt(start)).toBe('encoding/json.appendIndent');
  expect(table.functionAt(start + 16)).toBe('encoding/json.appendIndent');
  expect(table.functionAt(start - 1)).not.toBe('encoding/json.appendIndent');
  expect(table.functionAt(0)).toBeUndefined();
});

test('samples add up by function and by package', () => {
  const json = table.entryOf('encoding/json.appendIndent')!;
  const gc = table.entryOf('runtime.mallocgc')!;
  const { functions, packages } = summariseSamples([json, json + 4, gc], table, 5);
  expect(functions).toEqual([
    { name: 'encoding/json.appendIndent', samples: 2, percent: 66.7 },
    { name: 'runtime.mallocgc', samples: 1, percent: 33.3 },
  ]);
  expect(packages.map((row) => row.name)).toEqual(['encoding/json', 'runtime']);
});

test('package names keep their import path and drop the function', () => {
  expect(goPackageOf('github.com/hashicorp/terraform/internal/states/statefile.marshalPaths')).toBe('github.com/hashicorp/terraform/internal/states/statefile');
  expect(goPackageOf('runtime.(*mspan).heapBitsSmallForAddr')).toBe('runtime');
  expect(goPackageOf('aeshashbody')).toBe('aeshashbody');
});
