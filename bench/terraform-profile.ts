/**
 * Where terraform itself spends its CPU during apply, plan or destroy of `count` resources of a
 * variant (issue 18): `perf record` samples the terraform process, and each sampled address is
 * named by the Go function it falls in, read from the binary's own function table (.gopclntab,
 * which release builds keep even when stripped of symbols). Linux with `perf` only.
 *
 *   node dist/bench/terraform-profile.js [--variant oos] [--command apply] [--count 300] [--top 25]
 */
import { defineCommand, runCommand, UsageError } from '../lib/command-line';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../lib/emulator';
import { emulatorClientEnvironment, terraformBinary } from '../lib/tooling';
import { type VariantId, benchWorkspace, developmentBenchMirror, findGoAnchor, round } from './bench-support';

/** A Go binary's functions by entry address, from its .gopclntab (Go 1.18+ layout). */
export class GoFunctionTable {
  private readonly entries: number[] = [];
  private readonly names: string[] = [];

  constructor(binary: Buffer) {
    const section = elfSection(binary, '.gopclntab');
    const magic = binary.readUInt32LE(section);
    if (magic !== 0xfffffff0 && magic !== 0xfffffff1) throw new Error(`.gopclntab: unknown magic ${magic.toString(16)} (Go before 1.18?)`);
    // Header: magic, 2 pad bytes, min instruction size, pointer size, then 8 words.
    const word = (index: number) => Number(binary.readBigUInt64LE(section + 8 + 8 * index));
    const [functionCount, , textStart, nameTable, , , , functionTable] = [0, 1, 2, 3, 4, 5, 6, 7].map(word);
    for (let i = 0; i < functionCount; i++) {
      const pair = section + functionTable + 8 * i;
      const entryOffset = binary.readUInt32LE(pair);
      const record = section + functionTable + binary.readUInt32LE(pair + 4);
      const nameStart = section + nameTable + binary.readInt32LE(record + 4);
      this.entries.push(textStart + entryOffset);
      this.names.push(binary.toString('latin1', nameStart, binary.indexOf(0, nameStart)));
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** The entry address of the function named `name`, or undefined. */
  entryOf(name: string): number | undefined {
    const index = this.names.indexOf(name);
    return index < 0 ? undefined : this.entries[index];
  }

  /** The function `address` falls in, or undefined before the first one. */
  functionAt(address: number): string | undefined {
    let low = 0;
    let high = this.entries.length - 1;
    if (high < 0 || address < this.entries[0]) return undefined;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.entries[middle] <= address) low = middle;
      else high = middle - 1;
    }
    return this.names[low];
  }
}

/** File offset of an ELF64 little-endian section. */
function elfSection(binary: Buffer, name: string): number {
  if (binary.readUInt32BE(0) !== 0x7f454c46) throw new Error('not an ELF binary');
  const headers = Number(binary.readBigUInt64LE(0x28));
  const size = binary.readUInt16LE(0x3a);
  const count = binary.readUInt16LE(0x3c);
  const header = (index: number) => headers + size * index;
  const names = Number(binary.readBigUInt64LE(header(binary.readUInt16LE(0x3e)) + 0x18));
  for (let i = 0; i < count; i++) {
    const nameStart = names + binary.readUInt32LE(header(i));
    if (binary.toString('latin1', nameStart, binary.indexOf(0, nameStart)) === name) return Number(binary.readBigUInt64LE(header(i) + 0x18));
  }
  throw new Error(`no ${name} section`);
}

/** `runtime.mallocgc` → runtime; `github.com/hashicorp/terraform/internal/states/statefile.marshalPaths` → …/statefile. */
export function goPackageOf(functionName: string): string {
  const slash = functionName.lastIndexOf('/');
  const dot = functionName.indexOf('.', slash + 1);
  return dot < 0 ? functionName : functionName.slice(0, dot);
}

export interface SampleShare {
  readonly name: string;
  readonly samples: number;
  readonly percent: number;
}

/** Samples per function and per package, highest first. */
export function summariseSamples(addresses: readonly number[], table: GoFunctionTable, top: number): { functions: SampleShare[]; packages: SampleShare[] } {
  const byFunction = new Map<string, number>();
  for (const address of addresses) {
    const name = table.functionAt(address) ?? '(outside the Go text)';
    byFunction.set(name, (byFunction.get(name) ?? 0) + 1);
  }
  const byPackage = new Map<string, number>();
  for (const [name, samples] of byFunction) byPackage.set(goPackageOf(name), (byPackage.get(goPackageOf(name)) ?? 0) + samples);
  const ranked = (counts: Map<string, number>) =>
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, samples]) => ({ name, samples, percent: round((100 * samples) / addresses.length, 1) }));
  return { functions: ranked(byFunction), packages: ranked(byPackage) };
}

const VARIANTS = ['go_anchor', 'kit_echo', 'schema_floor', 'oos'] as const;

const TERRAFORM_PROFILE = defineCommand({
  name: 'terraform-profile',
  invocation: 'node dist/bench/terraform-profile.js',
  description: "Where terraform's own CPU goes during one command on `count` resources (perf, Linux).",
  options: {
    variant: { type: 'string', choices: VARIANTS, default: 'oos', description: 'the resources to run on' },
    command: { type: 'string', choices: ['apply', 'plan', 'destroy'], default: 'apply', description: 'the terraform command to profile' },
    count: { type: 'number', integer: true, value: 'n', default: 300, description: 'how many resources' },
    top: { type: 'number', integer: true, value: 'n', default: 25, description: 'how many functions and packages to print' },
  },
});

if (require.main === module) {
  void runCommand(TERRAFORM_PROFILE, async ({ options }) => {
    if (spawnSync('perf', ['--version']).status !== 0) throw new UsageError('terraform-profile needs Linux perf (e.g. apt-get install linux-perf).');
    const variant: VariantId = options.variant;
    const work = mkdtempSync(join(tmpdir(), 'terraform-profile-'));
    const emulator = await startEmulator();
    const mirror = await developmentBenchMirror(work, findGoAnchor());
    try {
      const workspace = await benchWorkspace(mirror, variant, options.count, variant === 'oos' ? emulatorClientEnvironment(emulator.url) : {});
      if (options.command !== 'apply') await workspace.apply();
      const args = {
        apply: ['apply', '-auto-approve', '-input=false', '-no-color'],
        plan: ['plan', '-input=false', '-no-color'],
        destroy: ['destroy', '-auto-approve', '-input=false', '-no-color'],
      }[options.command];
      const data = join(work, 'perf.data');
      const binary = execFileSync('sh', ['-c', `command -v ${terraformBinary()}`], { encoding: 'utf8' }).trim();
      // --no-buildid-cache: perf would otherwise copy every binary it sampled into ~/.debug.
      const run = spawnSync('perf', ['record', '--no-buildid-cache', '-F', '999', '-o', data, '--', binary, ...args], {
        cwd: workspace.dir,
        env: workspace.env,
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`perf record failed: ${run.stderr}`);
      const script = execFileSync('perf', ['script', '-i', data, '--comm', 'terraform', '-F', 'ip'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      // Kernel addresses (system calls) are left out: the question is which Go code runs.
      const addresses = script
        .split('\n')
        .map((line) => line.trim())
        .filter((ip) => ip && !ip.startsWith('ffff'))
        .map((ip) => parseInt(ip, 16));
      const { functions, packages } = summariseSamples(addresses, new GoFunctionTable(readFileSync(binary)), options.top);
      console.log(`terraform ${options.command}, ${options.count} ${variant} resources: ${addresses.length} samples of terraform's user-space CPU at 999 Hz\n`);
      console.log('| samples | % | package |\n| ---: | ---: | --- |');
      for (const row of packages) console.log(`| ${row.samples} | ${row.percent} | ${row.name} |`);
      console.log('\n| samples | % | function |\n| ---: | ---: | --- |');
      for (const row of functions) console.log(`| ${row.samples} | ${row.percent} | \`${row.name}\` |`);
      return 0;
    } finally {
      await emulator.close();
      rmSync(mirror.root, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    }
  });
}
