/**
 * Where the CPU of apply, plan with refresh and destroy of `count` resources goes, per variant
 * (issue 18): terraform itself, the provider processes it starts, and the emulator. On a 2-core
 * machine wall time follows the sum, so this says which part a provider change can still move.
 *
 * - providers: the kit's providers run as development bundles on Node with a preload that writes
 *   the process's CPU time at exit (the Bun release executable cannot take a preload; what is
 *   measured here is where Terraform's time goes, which does not depend on the provider's runtime);
 * - terraform: the CPU of this process's waited-for children (Linux /proc/self/stat: terraform
 *   and, through it, the providers) less the providers'. For the Go anchor the two are one figure;
 * - emulator: this process's own CPU (the emulator runs in it; the oos variant only).
 *
 *   node dist/bench/cpu-split.js [--count 300] [--variants go_anchor,kit_echo,schema_floor,oos]
 */
import { defineCommand, runCommand, UsageError } from '../lib/command-line';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../lib/emulator';
import { emulatorClientEnvironment } from '../lib/tooling';
import { type VariantId, benchWorkspace, developmentBenchMirror, findGoAnchor, round } from './bench-support';
import { PHASES, type Phase, runPhase } from './compare-bench';

export interface PhaseCpu {
  readonly wallSeconds: number;
  /** terraform's own CPU seconds; for the Go anchor, terraform's and the provider's together. */
  readonly terraformSeconds: number;
  /** CPU seconds of the provider processes (Node bundles only), and how many there were. */
  readonly providerSeconds: number;
  readonly providerProcesses: number;
  readonly emulatorSeconds: number;
}

const VARIANTS: readonly VariantId[] = ['go_anchor', 'kit_echo', 'schema_floor', 'oos'];

/** Written into the temp folder and preloaded into each Node provider: its pid and CPU ms at exit. */
const PRELOAD = `
process.on('exit', () => {
  const used = process.cpuUsage();
  require('node:fs').appendFileSync(process.env.BENCH_CPU_FILE, process.pid + ' ' + (used.user + used.system) / 1000 + '\\n');
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
`;

/** CPU ms of this process's waited-for children (utime + stime + their own children), from /proc. */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of stat(5) (cutime, cstime), in clock ticks of 10 ms on Linux.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function takeProviderCpu(file: string): { processes: number; ms: number } {
  if (!existsSync(file)) return { processes: 0, ms: 0 };
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  rmSync(file);
  return { processes: lines.length, ms: lines.reduce((sum, line) => sum + Number(line.split(' ')[1]), 0) };
}

export async function splitCpu(count: number, variants: readonly VariantId[]): Promise<Partial<Record<VariantId, Record<Phase, PhaseCpu>>>> {
  if (!existsSync('/proc/self/stat')) throw new UsageError('cpu-split reads /proc/self/stat: run it on Linux.');
  const work = mkdtempSync(join(tmpdir(), 'cpu-split-'));
  const preload = join(work, 'cpu-at-exit.js');
  const cpuFile = join(work, 'provider-cpu.txt');
  writeFileSync(preload, PRELOAD);
  const anchor = findGoAnchor();
  const emulator = await startEmulator();
  const mirror = await developmentBenchMirror(work, anchor);
  const results: Partial<Record<VariantId, Record<Phase, PhaseCpu>>> = {};
  try {
    for (const variant of variants) {
      if (variant === 'go_anchor' && !anchor) continue;
      const env = { ...(variant === 'oos' ? emulatorClientEnvironment(emulator.url) : {}), NODE_OPTIONS: `--require ${preload}`, BENCH_CPU_FILE: cpuFile };
      const workspace = await benchWorkspace(mirror, variant, count, env);
      takeProviderCpu(cpuFile);
      const phases = {} as Record<Phase, PhaseCpu>;
      for (const phase of PHASES) {
        const own = process.cpuUsage();
        const children = childrenCpuMs();
        const run = await runPhase(workspace, phase);
        const emulatorUs = process.cpuUsage(own);
        const providers = takeProviderCpu(cpuFile);
        phases[phase] = {
          wallSeconds: round(run.seconds, 2),
          terraformSeconds: round((childrenCpuMs() - children - providers.ms) / 1000, 2),
          providerSeconds: round(providers.ms / 1000, 2),
          providerProcesses: providers.processes,
          emulatorSeconds: variant === 'oos' ? round((emulatorUs.user + emulatorUs.system) / 1e6, 2) : 0,
        };
      }
      results[variant] = phases;
    }
    return results;
  } finally {
    await emulator.close();
    rmSync(mirror.root, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

const CPU_SPLIT = defineCommand({
  name: 'cpu-split',
  invocation: 'node dist/bench/cpu-split.js',
  description: 'CPU of terraform, the providers and the emulator during apply, plan and destroy, per variant.',
  options: {
    count: { type: 'number', integer: true, value: 'n', default: 300, description: 'how many resources' },
    variants: { type: 'string', value: 'list', default: VARIANTS.join(','), description: 'comma-separated variants' },
  },
});

if (require.main === module) {
  void runCommand(CPU_SPLIT, async ({ options }) => {
    const variants = options.variants.split(',').map((name) => name.trim()) as VariantId[];
    const unknown = variants.filter((name) => !VARIANTS.includes(name));
    if (unknown.length > 0) throw new UsageError(`--variants: unknown ${unknown.join(', ')}; choose among ${VARIANTS.join(', ')}.`);
    const results = await splitCpu(options.count, variants);
    console.log(`\n${options.count} resources, CPU seconds\n`);
    console.log('| variant | phase | wall | terraform | providers (processes) | emulator |\n| --- | --- | ---: | ---: | ---: | ---: |');
    for (const [variant, phases] of Object.entries(results)) {
      for (const phase of PHASES) {
        const p = (phases as Record<Phase, PhaseCpu>)[phase];
        const providers = variant === 'go_anchor' ? 'in terraform' : `${p.providerSeconds} (${p.providerProcesses})`;
        console.log(`| ${variant} | ${phase} | ${p.wallSeconds} | ${p.terraformSeconds} | ${providers} | ${p.emulatorSeconds} |`);
      }
    }
    return 0;
  });
}
