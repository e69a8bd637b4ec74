/**
 * What one RPC and one start cost a provider, outside Terraform: the calls a plan with refresh
 * makes per resource (ValidateResourceConfig, UpgradeResourceState, ReadResource,
 * PlanResourceChange), sent over go-plugin's mutual-TLS gRPC by 10 callers at once (Terraform's
 * parallelism), in alternating repetitions, to
 * - the Go anchor,
 * - the kit's `echo_thing` (the same schema and behaviour on this project's provider kit),
 * - the grpc-js floor (bench/grpc-floor-provider.ts: the same echo_thing on grpc-js, protobufjs
 *   and msgpack with no provider kit): what a Node provider on the required libraries pays anyway.
 * Reported per RPC: the provider's CPU time (user + system, from /proc, so Linux only) once warm
 * and over a fresh process's first 300 resources (Terraform's provider processes are short-lived:
 * most of their RPCs run before V8's optimising compiler has kicked in), and the protobuf bytes each
 * way; per start: spawn to handshake line.
 *
 *   node dist/bench/rpc-bench.js [--rounds 2000] [--reps 3]
 */
import { defineCommand, runCommand } from '../lib/command-line';
import { encode } from '@msgpack/msgpack';
import { testing } from '../lib/tfplugin';
import { bundleProvider } from '../lib/release';
import { FLOOR_BUNDLE, FLOOR_ENTRY, KIT_ECHO_BUNDLE, KIT_ECHO_ENTRY, findGoAnchor, peakRssMb, procStatFields, resourceArguments, round } from './bench-support';
import { measureStartup } from '../lib/release';

const CALLERS = 10;
const WARM_UP_ROUNDS = 200;
/** A fresh process's first resources: what each of Terraform's short-lived provider processes sees. */
const COLD_ROUNDS = 300;
const TYPE_NAME = 'echo_thing';
const STARTS = 20;

export interface RpcFigures {
  /** Median over the repetitions of the provider's CPU time per RPC once warm, in microseconds; absent off Linux. */
  readonly cpuMicrosecondsPerRpc?: number;
  readonly cpuMicrosecondsRuns: readonly number[];
  /** The same over a fresh process's first COLD_ROUNDS resources, before the JIT has warmed up. */
  readonly coldCpuMicrosecondsPerRpc?: number;
  /** Protobuf bytes of one resource's requests and answers, per RPC. */
  readonly requestBytesPerRpc: number;
  readonly responseBytesPerRpc: number;
  /** Median spawn-to-handshake over STARTS starts, in milliseconds. */
  readonly startMedianMs: number;
}

export interface RpcBenchResult {
  readonly rounds: number;
  readonly reps: number;
  readonly kitEcho: RpcFigures;
  readonly grpcFloor: RpcFigures;
  readonly goAnchor?: RpcFigures;
  /** kit CPU per RPC / Go CPU per RPC. */
  readonly ratio?: number;
  /** grpc-js floor CPU per RPC / Go CPU per RPC: the part of the ratio no provider code can remove. */
  readonly floorRatio?: number;
}

/** The requests Terraform sends for resource `i` during a plan with refresh, as msgpack/JSON values like its own. */
function planRequests(i: number): [testing.ProviderMethod, object][] {
  const args = resourceArguments(i);
  const state = { id: args.name, ...args, created_date: '2026-11-26T00:00:00Z' };
  const config = { msgpack: Buffer.from(encode({ ...args, id: null, created_date: null })) };
  const current = { msgpack: Buffer.from(encode(state)) };
  return [
    ['ValidateResourceConfig', { type_name: TYPE_NAME, config }],
    ['UpgradeResourceState', { type_name: TYPE_NAME, version: 0, raw_state: { json: Buffer.from(JSON.stringify(state)) } }],
    ['ReadResource', { type_name: TYPE_NAME, current_state: current }],
    ['PlanResourceChange', { type_name: TYPE_NAME, prior_state: current, proposed_new_state: current, config }],
  ];
}

function cpuMilliseconds(pid: number): number | undefined {
  const fields = procStatFields(pid);
  // utime and stime, in clock ticks of 10 ms on Linux.
  return fields ? (Number(fields[11]) + Number(fields[12])) * 10 : undefined;
}

async function drive(connection: testing.PluginConnection, rounds: number): Promise<void> {
  let next = 0;
  const caller = async () => {
    while (next < rounds) {
      for (const [method, request] of planRequests(next++)) await connection.provider6(method, request as testing.RequestOf<typeof method>);
    }
  };
  await Promise.all(Array.from({ length: CALLERS }, caller));
}

export interface RpcRun {
  /** CPU per RPC in microseconds; undefined off Linux. */
  readonly cpuMicrosecondsPerRpc?: number;
  /** The process's peak resident set (VmHWM) at the end, in MB; undefined off Linux. */
  readonly peakRssMb?: number;
}

/** CPU per RPC of one provider process over `rounds` resources, after `warmUp` resources, and its peak RSS. */
export async function measureRpcRun(program: string, rounds: number, warmUp: number): Promise<RpcRun> {
  const provider: testing.RunningProvider = await testing.startProvider(program);
  const connection = new testing.PluginConnection(provider);
  try {
    await connection.provider6('ConfigureProvider', { terraform_version: '1.11.4', config: { msgpack: Buffer.from(encode({})) } });
    await drive(connection, warmUp);
    const before = cpuMilliseconds(provider.child.pid as number);
    await drive(connection, rounds);
    const after = cpuMilliseconds(provider.child.pid as number);
    return {
      cpuMicrosecondsPerRpc: before === undefined || after === undefined ? undefined : round(((after - before) * 1000) / (rounds * 4), 1),
      peakRssMb: peakRssMb(provider.child.pid as number),
    };
  } finally {
    await testing.shutDown(provider, connection);
    connection.close();
  }
}

async function measureOnce(program: string, rounds: number, warmUp: number): Promise<number | undefined> {
  return (await measureRpcRun(program, rounds, warmUp)).cpuMicrosecondsPerRpc;
}

/** Message sizes of one resource's RPCs against `program`. */
async function messageBytes(program: string): Promise<{ request: number; response: number }> {
  const provider = await testing.startProvider(program);
  const connection = new testing.PluginConnection(provider);
  const definition = testing.serviceDefinition('tfplugin6.Provider');
  let request = 0;
  let response = 0;
  try {
    for (const [method, message] of planRequests(0)) {
      request += definition[method].requestSerialize(message).length;
      response += definition[method].responseSerialize(await connection.provider6(method, message as testing.RequestOf<typeof method>)).length;
    }
  } finally {
    await testing.shutDown(provider, connection);
    connection.close();
  }
  return { request: request / 4, response: response / 4 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function runRpcBench(rounds = 2000, reps = 3): Promise<RpcBenchResult> {
  const kit = await bundleProvider({ entry: KIT_ECHO_ENTRY, outfile: KIT_ECHO_BUNDLE });
  const floor = await bundleProvider({ entry: FLOOR_ENTRY, outfile: FLOOR_BUNDLE });
  const anchor = findGoAnchor();
  const programs = [kit, floor, ...(anchor ? [anchor] : [])];
  const runs = new Map<string, number[]>(programs.map((program) => [program, []]));
  const coldRuns = new Map<string, number[]>(programs.map((program) => [program, []]));
  for (let rep = 0; rep < reps; rep++) {
    for (const program of programs) {
      const cpu = await measureOnce(program, rounds, WARM_UP_ROUNDS);
      if (cpu !== undefined) runs.get(program)?.push(cpu);
      const cold = await measureOnce(program, COLD_ROUNDS, 0);
      if (cold !== undefined) coldRuns.get(program)?.push(cold);
    }
  }
  const figures = async (program: string): Promise<RpcFigures> => {
    const bytes = await messageBytes(program);
    const cpuRuns = runs.get(program) ?? [];
    const cold = coldRuns.get(program) ?? [];
    const [command, args] = testing.providerCommand(program);
    return {
      cpuMicrosecondsPerRpc: cpuRuns.length > 0 ? median(cpuRuns) : undefined,
      cpuMicrosecondsRuns: cpuRuns,
      coldCpuMicrosecondsPerRpc: cold.length > 0 ? median(cold) : undefined,
      requestBytesPerRpc: bytes.request,
      responseBytesPerRpc: bytes.response,
      startMedianMs: round((await measureStartup(command, STARTS, args)).medianMs, 1),
    };
  };
  const kitEcho = await figures(kit);
  const grpcFloor = await figures(floor);
  const goAnchor = anchor ? await figures(anchor) : undefined;
  const over = (figures: RpcFigures) =>
    figures.cpuMicrosecondsPerRpc && goAnchor?.cpuMicrosecondsPerRpc ? round(figures.cpuMicrosecondsPerRpc / goAnchor.cpuMicrosecondsPerRpc, 2) : undefined;
  return { rounds, reps, kitEcho, grpcFloor, goAnchor, ratio: over(kitEcho), floorRatio: over(grpcFloor) };
}

export function describeRpcBench(result: RpcBenchResult): string {
  const line = (label: string, f: RpcFigures, ratio?: number) =>
    `${label}: ${f.cpuMicrosecondsPerRpc ?? '?'} µs CPU per RPC warm [${f.cpuMicrosecondsRuns.join(', ')}]${ratio !== undefined ? ` (${ratio}× Go)` : ''}, ` +
    `${f.coldCpuMicrosecondsPerRpc ?? '?'} µs over a fresh process's first ${COLD_ROUNDS} resources, ` +
    `${f.requestBytesPerRpc} B in / ${f.responseBytesPerRpc} B out; start to handshake ${f.startMedianMs} ms`;
  return [
    line('kit echo_thing', result.kitEcho, result.ratio),
    line('grpc-js floor (no provider logic)', result.grpcFloor, result.floorRatio),
    result.goAnchor ? line('Go anchor', result.goAnchor) : 'Go anchor not found, not compared',
  ].join('\n');
}

const RPC_BENCH = defineCommand({
  name: 'rpc-bench',
  invocation: 'node dist/bench/rpc-bench.js',
  description: 'Times each RPC of a plan with refresh, outside Terraform.',
  options: {
    rounds: { type: 'number', integer: true, value: 'n', default: 2000, description: 'calls per RPC' },
    reps: { type: 'number', integer: true, value: 'n', default: 3, description: 'repetitions' },
  },
});

if (require.main === module) {
  void runCommand(RPC_BENCH, async ({ options }) => {
    console.log(describeRpcBench(await runRpcBench(options.rounds, options.reps)));
    return 0;
  });
}
