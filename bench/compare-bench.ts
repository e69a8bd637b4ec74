/**
 * Issue 11's comparison: terraform_data, the Go anchor's `echo_thing`, the same served on grpc-js
 * with no provider kit (the floor of the required libraries), the kit's `echo_thing`, the kit
 * serving `oos_chat_configuration`'s schema with no API calls (the floor for that schema), and
 * `oos_chat_configuration` against the in-process emulator (and, apart, against the emulator with
 * 50 ms of latency), `count` resources each, run interleaved: every repetition applies (fresh
 * state), plans with refresh and destroys each variant in turn, in an order rotated per
 * repetition. Reported as medians with min/max, and as ratios to the Go anchor taken in this run.
 */
import { bundleProvider, providerBundle } from '../lib/release';
import { type RunningEmulator, startEmulator } from '../lib/emulator';
import { TerraformWorkspace, emulatorClientEnvironment } from '../lib/tooling';
import {
  FLOOR_BUNDLE,
  FLOOR_ENTRY,
  KIT_ECHO_BUNDLE,
  KIT_ECHO_ENTRY,
  ProviderMemoryWatch,
  SCHEMA_FLOOR_BUNDLE,
  SCHEMA_FLOOR_ENTRY,
  type Summary,
  benchExecutable,
  type VariantId,
  benchWorkspace,
  findGoAnchor,
  round,
  releaseOosProvider,
  setUpBenchMirror,
  summarise,
} from './bench-support';
import { rmSync } from 'node:fs';

export const PHASES = ['apply', 'plan', 'destroy'] as const;
export type Phase = (typeof PHASES)[number];

export const VARIANT_LABELS: Record<VariantId, string> = {
  terraform_data: 'terraform_data (same fields in input)',
  go_anchor: 'Go anchor echo_thing',
  grpc_floor: 'grpc-js floor echo_thing (no provider kit)',
  kit_echo: 'kit echo_thing (TypeScript, no API calls)',
  schema_floor: 'kit with oos_chat_configuration schema (no API calls)',
  oos: 'oos_chat_configuration, emulator',
  oos_latency: 'oos_chat_configuration, emulator latencyMs 50',
};

export interface CompareOptions {
  readonly count: number;
  readonly reps: number;
  /** Emulator latency of the oos_latency variant; 0 leaves the variant out. */
  readonly latencyMs: number;
  /** Only these variants (e.g. the Go anchor and oos for a small count); default all. */
  readonly only?: readonly VariantId[];
  readonly log: (line: string) => void;
}

export interface VariantResult {
  readonly label: string;
  readonly seconds: Record<Phase, Summary>;
  /** The highest VmHWM of any provider process during the applies; absent for terraform_data. */
  readonly providerPeakRssMb?: number;
  /** Whether every plan with refresh after an apply found no changes (a refresh that drifts would be a bug). */
  readonly planWasClean: boolean;
}

export interface CompareResult {
  readonly count: number;
  readonly reps: number;
  readonly latencyMs: number;
  /** The anchor binary used, or why none was. */
  readonly anchor: { readonly path: string } | { readonly skipped: string };
  readonly variants: Partial<Record<VariantId, VariantResult>>;
  /** Median of the variant / median of the Go anchor, per phase; empty without the anchor. */
  readonly ratiosToGo: Partial<Record<VariantId, Record<Phase, number>>>;
}

export async function runCompareBench(options: CompareOptions): Promise<CompareResult> {
  const { count, reps, latencyMs, log } = options;
  const anchorPath = findGoAnchor();
  if (!anchorPath) log('Go anchor not found (../shared/anchors/go-echo-provider/, or BENCH_GO_ANCHOR): skipping it; no ratios to Go.');
  // The kit's variants run as Bun executables, as the oos provider does: one runtime in every row.
  const compiled = async (entry: string, outfile: string) => benchExecutable(providerBundle(await bundleProvider({ entry, outfile, codeCache: false })));
  const mirror = setUpBenchMirror(await compiled(KIT_ECHO_ENTRY, KIT_ECHO_BUNDLE), anchorPath, await releaseOosProvider(), {
    grpcFloor: await compiled(FLOOR_ENTRY, FLOOR_BUNDLE),
    schemaFloor: await compiled(SCHEMA_FLOOR_ENTRY, SCHEMA_FLOOR_BUNDLE),
  });
  const emulators: RunningEmulator[] = [];
  const emulatorEnv = async (latency: number) => {
    const emulator = await startEmulator(latency > 0 ? { faults: { latencyMs: latency } } : {});
    emulators.push(emulator);
    return emulatorClientEnvironment(emulator.url);
  };
  const ids = (
    [
      'terraform_data',
      ...(anchorPath ? (['go_anchor'] as const) : []),
      'grpc_floor',
      'kit_echo',
      'schema_floor',
      'oos',
      ...(latencyMs > 0 ? (['oos_latency'] as const) : []),
    ] as VariantId[]
  ).filter((id) => !options.only || options.only.includes(id));
  const workspaces = new Map<VariantId, TerraformWorkspace>();
  try {
    for (const id of ids) {
      const env = id === 'oos' ? await emulatorEnv(0) : id === 'oos_latency' ? await emulatorEnv(latencyMs) : {};
      workspaces.set(id, await benchWorkspace(mirror, id, count, env));
    }
    const times = new Map(ids.map((id) => [id, { apply: [] as number[], plan: [] as number[], destroy: [] as number[] }]));
    const rss = new Map<VariantId, number>();
    const clean = new Map<VariantId, boolean>(ids.map((id) => [id, true]));
    for (let rep = 0; rep < reps; rep++) {
      // Rotated, so no variant always runs right after the same neighbour.
      const order = ids.map((_, i) => ids[(i + rep) % ids.length]);
      for (const phase of PHASES) {
        for (const id of order) {
          const workspace = workspaces.get(id) as TerraformWorkspace;
          const watch = phase === 'apply' && id !== 'terraform_data' ? new ProviderMemoryWatch() : undefined;
          const result = await runPhase(workspace, phase);
          if (watch) rss.set(id, Math.max(rss.get(id) ?? 0, watch.stop()));
          if (phase === 'plan' && result.code !== 0) clean.set(id, false);
          times.get(id)?.[phase].push(result.seconds);
          log(`rep ${rep + 1}/${reps} ${phase.padEnd(7)} ${id.padEnd(14)} ${result.seconds.toFixed(2)} s`);
        }
      }
    }
    const variants: Partial<Record<VariantId, VariantResult>> = {};
    for (const id of ids) {
      const t = times.get(id) as Record<Phase, number[]>;
      variants[id] = {
        label: VARIANT_LABELS[id],
        seconds: { apply: summarise(t.apply), plan: summarise(t.plan), destroy: summarise(t.destroy) },
        providerPeakRssMb: rss.get(id),
        planWasClean: clean.get(id) ?? false,
      };
    }
    const ratiosToGo: Partial<Record<VariantId, Record<Phase, number>>> = {};
    const go = variants.go_anchor;
    if (go) {
      for (const id of ids) {
        const v = variants[id] as VariantResult;
        ratiosToGo[id] = {
          apply: round(v.seconds.apply.median / go.seconds.apply.median, 2),
          plan: round(v.seconds.plan.median / go.seconds.plan.median, 2),
          destroy: round(v.seconds.destroy.median / go.seconds.destroy.median, 2),
        };
      }
    }
    return { count, reps, latencyMs, anchor: anchorPath ? { path: anchorPath } : { skipped: 'not found' }, variants, ratiosToGo };
  } finally {
    await Promise.all(emulators.map((emulator) => emulator.close()));
    rmSync(mirror.root, { recursive: true, force: true });
  }
}

/** One timed terraform command; the plan runs with -detailed-exitcode (0: no changes, 2: changes). */
export async function runPhase(workspace: TerraformWorkspace, phase: Phase) {
  switch (phase) {
    case 'apply':
      return workspace.apply();
    case 'plan':
      return workspace.planExitCode();
    case 'destroy':
      return workspace.expect(['destroy', '-auto-approve', '-input=false', '-no-color']);
  }
}
