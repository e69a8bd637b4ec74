/**
 * `npm run bench`: every performance target of the project, measured in one run.
 *
 *   npm run bench -- [--count 300] [--reps 3] [--latency-ms 50] [--no-synth] [--no-micro] [--no-plan] [--out <dir>]
 *
 * `--latency-ms 0` leaves out the oos run against the slow emulator; `--no-micro` the emulator
 * throughput, provider start-up, per-RPC benches and the runtime comparison (bench/runtime-comparison.ts);
 * `--no-plan` the time to a reviewed plan on fresh clones. The full run (300 resources, ≥ 3 repetitions) writes
 * bench/results.json and bench/results.svg (shown in the README); other runs write to
 * dist/bench-results unless --out says where.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { type CommandLine, UsageError, defineCommand, runCommand } from '../lib/command-line';
import { PACKAGE_ROOT } from '../lib/tooling';
import { type VariantId, benchEnvironment, round } from './bench-support';
import { RATIO_TARGETS, ratioChartSvg } from './chart';
import { type CompareResult, PHASES, type Phase, runCompareBench } from './compare-bench';
import { runEmulatorBench } from './emulator-bench';
import { runExecutableStartupBench } from './executable-startup-bench';
import { type PlanBenchResult, runPlanBench } from './plan-bench';
import { runProviderStartupBench } from './provider-startup-bench';
import { describeRpcBench, runRpcBench } from './rpc-bench';
import { describeRuntimeComparison, runRuntimeComparison } from './runtime-comparison';
import { runSynthBench } from './synth-bench';

const RUN_ALL = defineCommand({
  name: 'bench',
  invocation: 'npm run bench --',
  description: 'Every performance target of the project, measured in one run.',
  options: {
    count: { type: 'number', integer: true, value: 'n', default: 300, description: 'chat configurations of the large stack' },
    reps: { type: 'number', integer: true, value: 'n', default: 3, description: 'repetitions of each timed phase (at least 1)' },
    'latency-ms': { type: 'number', integer: true, value: 'ms', default: 50, description: 'latency of the slow emulator run; 0 leaves that run out' },
    'no-synth': { type: 'boolean', description: 'leave out the synthesis bench' },
    'no-micro': { type: 'boolean', description: 'leave out emulator throughput, provider start-up, per-RPC benches and the runtime comparison' },
    'no-plan': { type: 'boolean', description: 'leave out the time to a reviewed plan on fresh clones' },
    out: { type: 'string', value: 'dir', description: 'where results go (default: bench/ for the full run, else dist/bench-results)' },
  },
});

/** The run's settings, from its command line. */
interface Options {
  readonly count: number;
  readonly reps: number;
  readonly latencyMs: number;
  readonly synth: boolean;
  readonly micro: boolean;
  readonly plan: boolean;
  readonly out?: string;
}

function runOptions({ options }: CommandLine<(typeof RUN_ALL)['options']>): Options {
  if (options.count < 0 || options['latency-ms'] < 0) throw new UsageError('--count and --latency-ms take a whole number of at least 0.');
  return {
    count: options.count,
    reps: Math.max(1, options.reps),
    latencyMs: options['latency-ms'],
    synth: !options['no-synth'],
    micro: !options['no-micro'],
    plan: !options['no-plan'],
    out: options.out,
  };
}

interface Check {
  readonly what: string;
  readonly value: number;
  readonly target: string;
  readonly met: boolean;
}

const ABSOLUTE_LATENCY_TARGETS: Record<Phase, number> = { plan: 2.0, apply: 4.5, destroy: 3.0 };

/** Issue 18's "done when", with the release executable Terraform installs: ratios to Go. */
const ISSUE_18 = {
  startRatio: 2.0,
  small: { apply: 1.6, plan: 1.6 } as Partial<Record<Phase, number>>,
  large: { apply: 1.5, plan: 2.0, destroy: 1.5 } as Partial<Record<Phase, number>>,
  latencySeconds: { apply: 4.5, plan: 2.0, destroy: 3.5 } as Record<Phase, number>,
};
/** The small stack of issue 18: the perf fixture's size. */
const SMALL_COUNT = 5;

function issue18Checks(compare: CompareResult, small: CompareResult | undefined, startRatio: number | undefined): Check[] {
  const out: Check[] = [];
  const ratioCheck = (what: string, value: number | undefined, target: number) => {
    if (value !== undefined) out.push({ what: `${what} (issue 18)`, value, target: `≤ ${target}×`, met: value <= target });
  };
  ratioCheck('release executable start → handshake / Go', startRatio === undefined ? undefined : round(startRatio, 2), ISSUE_18.startRatio);
  // Each target beside the floors under it: what Terraform costs with the least provider on the
  // required libraries (grpc-js floor) and with this schema and no API call (schema floor).
  const floors = [
    ['grpc_floor', 'grpc-js floor echo_thing'],
    ['schema_floor', 'schema floor (oos schema, no API calls)'],
  ] as const;
  for (const [phase, target] of Object.entries(ISSUE_18.small) as [Phase, number][]) {
    ratioCheck(`oos ${phase} / Go, ${SMALL_COUNT} configurations`, small?.ratiosToGo.oos?.[phase], target);
    for (const [id, label] of floors) ratioCheck(`${label} ${phase} / Go, ${SMALL_COUNT} configurations`, small?.ratiosToGo[id]?.[phase], target);
  }
  for (const [phase, target] of Object.entries(ISSUE_18.large) as [Phase, number][]) {
    ratioCheck(`oos ${phase} / Go, ${compare.count} configurations`, compare.ratiosToGo.oos?.[phase], target);
    for (const [id, label] of floors) ratioCheck(`${label} ${phase} / Go, ${compare.count} configurations`, compare.ratiosToGo[id]?.[phase], target);
  }
  const slow = compare.variants.oos_latency;
  if (slow) {
    for (const phase of PHASES) {
      const target = ISSUE_18.latencySeconds[phase];
      const latencyCheck = (what: string, value: number | undefined) => {
        if (value !== undefined) out.push({ what: `${what} (issue 18)`, value, target: `≤ ${target} s`, met: value <= target });
      };
      latencyCheck(`oos ${phase}, ${compare.latencyMs} ms latency, ${compare.count} configurations`, slow.seconds[phase].median);
      latencyCheck(
        `schema floor ${phase} (no API calls, so no latency), ${compare.count} configurations`,
        compare.variants.schema_floor?.seconds[phase].median,
      );
    }
  }
  return out;
}

function checks(compare: CompareResult, synthSeconds: number | undefined, plan: PlanBenchResult | undefined): Check[] {
  const out: Check[] = [];
  if (plan) {
    const warm = plan.warmPlanSeconds.median;
    out.push({ what: 'npm run plan -- dev, warm (s)', value: warm, target: '≤ 3.0 s', met: warm <= 3 });
    out.push({
      what: 'npm run plan -- dev, first on a fresh clone after npm ci (s)',
      value: round(plan.firstPlanSeconds, 2),
      target: '≤ 10 s',
      met: plan.firstPlanSeconds <= 10,
    });
  }
  for (const [id, targets] of Object.entries(RATIO_TARGETS) as [VariantId, Partial<Record<Phase, number>>][]) {
    for (const [phase, target] of Object.entries(targets) as [Phase, number][]) {
      const value = compare.ratiosToGo[id]?.[phase];
      if (value !== undefined) out.push({ what: `${id} ${phase} / Go`, value, target: `≤ ${target}×`, met: value <= target });
    }
  }
  const slow = compare.variants.oos_latency;
  if (slow) {
    for (const phase of PHASES) {
      const value = slow.seconds[phase].median;
      out.push({
        what: `oos ${phase}, ${compare.latencyMs} ms latency`,
        value,
        target: `≤ ${ABSOLUTE_LATENCY_TARGETS[phase]} s`,
        met: value <= ABSOLUTE_LATENCY_TARGETS[phase],
      });
    }
  }
  const rss = compare.variants.oos?.providerPeakRssMb;
  if (rss !== undefined) out.push({ what: 'oos provider peak RSS during apply (MB)', value: rss, target: '≤ 120 MB', met: rss <= 120 });
  if (synthSeconds !== undefined) out.push({ what: 'synth 3 stacks × 300 (s)', value: synthSeconds, target: '≤ 3 s', met: synthSeconds <= 3 });
  return out;
}

function table(compare: CompareResult): string {
  const lines = ['| | apply (fresh state) | plan with refresh | destroy | provider peak RSS |', '| --- | --- | --- | --- | --- |'];
  for (const [id, v] of Object.entries(compare.variants)) {
    if (!v) continue;
    const ratio = (phase: Phase) => {
      const r = compare.ratiosToGo[id as VariantId]?.[phase];
      return r !== undefined && id !== 'go_anchor' ? ` (${r.toFixed(2)}× Go)` : '';
    };
    const cell = (phase: Phase) => {
      const s = v.seconds[phase];
      return `${s.median.toFixed(2)} s${ratio(phase)} [${s.min.toFixed(2)}–${s.max.toFixed(2)}]`;
    };
    const rss = v.providerPeakRssMb !== undefined ? `${v.providerPeakRssMb} MB` : '—';
    lines.push(`| ${v.label}${v.planWasClean ? '' : ' (plan NOT clean)'} | ${cell('apply')} | ${cell('plan')} | ${cell('destroy')} | ${rss} |`);
  }
  return lines.join('\n');
}

function terraformVersion(): string {
  try {
    return (
      JSON.parse(
        execFileSync(process.env.TERRAFORM_BINARY ?? 'terraform', ['version', '-json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
      ) as { terraform_version: string }
    ).terraform_version;
  } catch {
    return 'unknown';
  }
}

async function main(commandLine: CommandLine<(typeof RUN_ALL)['options']>): Promise<number> {
  const options = runOptions(commandLine);
  const loadBefore = loadavg().map((l) => round(l, 2));
  const started = Date.now();
  const micro = options.micro
    ? {
        emulator: await runEmulatorBench(),
        startup: await runProviderStartupBench(),
        executableStartup: await runExecutableStartupBench(),
        rpc: await runRpcBench(),
        runtimes: await runRuntimeComparison({ log: (line) => console.log(line) }),
      }
    : undefined;
  if (micro) {
    console.log(`emulator: ${Math.round(micro.emulator.requestsPerSecond)} signed requests/s (target >= 2000)`);
    console.log(`provider start to handshake: median ${micro.startup.medianMs.toFixed(1)} ms, p90 ${micro.startup.p90Ms.toFixed(1)} ms (target median <= 120)`);
    const { executable, goAnchor, ratio } = micro.executableStartup;
    console.log(
      `release executable start to handshake: median ${executable.medianMs.toFixed(1)} ms, p90 ${executable.p90Ms.toFixed(1)} ms; ` +
        (goAnchor ? `Go anchor median ${goAnchor.medianMs.toFixed(1)} ms, ratio ${ratio!.toFixed(2)}` : 'Go anchor not found, not compared'),
    );
    console.log(`per RPC of a plan with refresh (outside Terraform):\n${describeRpcBench(micro.rpc)}`);
    console.log(`the release executable's runtime:\n${describeRuntimeComparison(micro.runtimes)}`);
  }
  const compare = await runCompareBench({ count: options.count, reps: options.reps, latencyMs: options.latencyMs, log: (line) => console.log(line) });
  // A small stack: there the provider's start-up, not its RPCs, decides (issue 18). More repetitions, as each run is short.
  const small = await runCompareBench({
    count: SMALL_COUNT,
    reps: Math.max(options.reps, 5),
    latencyMs: 0,
    only: ['go_anchor', 'grpc_floor', 'schema_floor', 'oos'],
    log: (line) => console.log(line),
  });
  const synth = options.synth ? await runSynthBench(300, options.reps) : undefined;
  const plan = options.plan ? await runPlanBench({ log: (line) => console.log(line) }) : undefined;
  const loadAfter = loadavg().map((l) => round(l, 2));

  console.log('');
  console.log(table(compare));
  console.log(`\n${SMALL_COUNT} configurations:\n${table(small)}`);
  if (synth)
    console.log(
      `\nsynth ${synth.stacks} stacks × ${synth.configurationsPerStack}: median ${synth.seconds.median.toFixed(2)} s [${synth.seconds.min.toFixed(2)}–${synth.seconds.max.toFixed(2)}]`,
    );
  const results = [...checks(compare, synth?.seconds.median, plan), ...issue18Checks(compare, small, micro?.executableStartup.ratio)];
  console.log('\n| target | value | met |\n| --- | --- | --- |');
  for (const check of results) console.log(`| ${check.what} ${check.target} | ${check.value} | ${check.met ? 'yes' : 'NO'} |`);
  const machine = {
    cpus: cpus().length,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
    node: process.version,
    terraform: terraformVersion(),
    environmentNotes: benchEnvironment().notes,
  };
  for (const note of machine.environmentNotes) console.log(`note: ${note}`);
  console.log(
    `\nmachine: ${machine.cpus} cores, load average ${loadBefore.join(' ')} before, ${loadAfter.join(' ')} after; ${Math.round((Date.now() - started) / 1000)} s in all`,
  );

  const published = options.count === 300 && options.reps >= 3;
  const outDir = options.out ?? (published ? join(PACKAGE_ROOT, 'bench') : join(PACKAGE_ROOT, 'dist', 'bench-results'));
  mkdirSync(outDir, { recursive: true });
  const caption = `${machine.cpus} cores, load ${loadBefore[0]}→${loadAfter[0]}, ${new Date().toISOString().slice(0, 10)}`;
  writeFileSync(
    join(outDir, 'results.json'),
    JSON.stringify({ generatedAt: new Date().toISOString(), machine, micro, compare, small, synth, plan, checks: results }, null, 2) + '\n',
  );
  if (compare.anchor && 'path' in compare.anchor) writeFileSync(join(outDir, 'results.svg'), ratioChartSvg(compare, caption));
  console.log(`wrote ${join(outDir, 'results.json')}${'path' in compare.anchor ? ' and results.svg' : ' (no chart: the Go anchor was skipped)'}`);
  return 0;
}

void runCommand(RUN_ALL, main);
