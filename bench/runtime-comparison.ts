/**
 * Which runtime the provider's release executable is built on, chosen by figures taken in one run
 * (issue 18): the same provider bundle as
 * - a Node.js single executable application (bench/node-sea: the release executable before, with
 *   V8's code cache in a cache folder after its first start),
 * - a Bun executable (`bun build --compile --bytecode`, lib/release: the release executable now),
 * - a Deno executable (`deno compile`), or when Deno cannot compile here, `deno run` of the bundle,
 * each with its runtime from the npm registry. Per runtime: start to handshake (interleaved with
 * the Go anchor, the ratio to it), CPU per RPC and peak RSS of the kit's echo_thing driven like a
 * plan with refresh (bench/rpc-bench.ts), executable size, which of the five platforms build on
 * this machine, and whether two builds in different folders give the same bytes.
 *
 *   node dist/bench/runtime-comparison.js [--starts 30] [--rounds 2000] [--reps 2]
 */
import { defineCommand, runCommand } from '../lib/command-line';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerBundle, providerEnvironment, startUntilHandshake } from '../lib/release';
import { bunRuntime, compileExecutable, hostBun } from '../lib/release/bun-compile';
import { sha256Hex } from '../lib/release/hashes';
import { fetchPackedBinary } from '../lib/release/npm-binary';
import { DEFAULT_BUN_VERSION, KNOWN_PLATFORMS, findPlatform, terraformPlatformName, type ReleasePlatform } from '../lib/release/platforms';
import { REPOSITORY } from '../lib/release/repository';
import { bundleProvider } from '../lib/release';
import { KIT_ECHO_BUNDLE, KIT_ECHO_ENTRY, envWrapper, findGoAnchor, round } from './bench-support';
import { SEA_NODE_VERSION, buildSeaExecutable } from './node-sea/sea';
import { measureRpcRun } from './rpc-bench';

/** The Deno release on the npm registry for linux x64 (`@deno/linux-x64-glibc`). */
const DENO_VERSION = '2.9.6';
const DENO_PACKAGES: Record<string, { packageName: string; target: string; binary: string }> = {
  linux_amd64: { packageName: '@deno/linux-x64-glibc', target: 'x86_64-unknown-linux-gnu', binary: 'package/deno' },
  linux_arm64: { packageName: '@deno/linux-arm64-glibc', target: 'aarch64-unknown-linux-gnu', binary: 'package/deno' },
  darwin_amd64: { packageName: '@deno/darwin-x64', target: 'x86_64-apple-darwin', binary: 'package/deno' },
  darwin_arm64: { packageName: '@deno/darwin-arm64', target: 'aarch64-apple-darwin', binary: 'package/deno' },
  windows_amd64: { packageName: '@deno/win32-x64', target: 'x86_64-pc-windows-msvc', binary: 'package/deno.exe' },
};

export type RuntimeId = 'node_sea' | 'bun' | 'deno';

export interface PlatformBuild {
  readonly built: boolean;
  readonly bytes?: number;
  /** A second build in another folder gave the same bytes. */
  readonly reproducible?: boolean;
  /** Which bytes differed, when not reproducible. */
  readonly differingBytes?: number;
  readonly error?: string;
}

export interface StartFigures {
  readonly runs: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly minMs: number;
}

export interface RuntimeFigures {
  readonly id: RuntimeId;
  readonly label: string;
  /** What was measured when no executable could be built (Deno: `deno run`). */
  readonly note?: string;
  readonly platforms: Readonly<Record<string, PlatformBuild>>;
  /** Start to handshake of the provider, when it could be run. */
  readonly start?: StartFigures;
  readonly startRatioToGo?: number;
  /** Kit echo_thing: CPU per RPC once warm (µs), median of the repetitions. */
  readonly cpuMicrosecondsPerRpc?: number;
  /** Kit echo_thing: the process's peak RSS after the warm RPCs (MB), highest of the repetitions. */
  readonly peakRssMb?: number;
  /** The host platform's provider executable. */
  readonly executableBytes?: number;
  /** Why it could not be run at all. */
  readonly failure?: string;
}

export interface RuntimeComparisonResult {
  readonly versions: { readonly node: string; readonly bun: string; readonly deno: string };
  readonly goAnchor?: StartFigures;
  readonly runtimes: readonly RuntimeFigures[];
}

interface Runner {
  readonly id: RuntimeId;
  readonly label: string;
  /** Builds `bundle` for `platform` at `output` (throws when it cannot); returns the program to start. */
  build(bundle: string, platform: ReleasePlatform, output: string): string;
  /** What the program needs in its environment (the Node SEA's cache folder). */
  readonly env: NodeJS.ProcessEnv;
}

/** The line of a tool's error that says why, with any address outside the npm registry left out. */
function firstLine(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '').split('\n');
  const why =
    lines.find((line) => /No matching version|notarget|error sending request|dns error/i.test(line)) ??
    lines.find((line) => /error|fail/i.test(line)) ??
    lines[0];
  return why
    .replace(/https?:\/\/[^\s)]+/g, (url) => (url.includes('denort') ? '<its denort runtime, which is not on the npm registry>' : '<url>'))
    .trim()
    .slice(0, 300);
}

function runners(work: string, cacheDir: string): Runner[] {
  const host = findPlatform(terraformPlatformName());
  const seaCache = join(work, 'node-sea-code-cache');
  const denoHome = join(work, 'deno-home');
  mkdirSync(denoHome, { recursive: true });
  const denoEnv = { DENO_DIR: join(denoHome, 'deno-dir'), HOME: denoHome, DENO_NO_UPDATE_CHECK: '1' };
  const deno = (platform: ReleasePlatform) => {
    const wanted = DENO_PACKAGES[platform.name];
    return { ...wanted, binary: fetchPackedBinary({ packageName: wanted.packageName, version: DENO_VERSION, binaryInPackage: wanted.binary }, cacheDir) };
  };
  return [
    {
      id: 'node_sea',
      label: `Node ${SEA_NODE_VERSION} SEA (code cache after the first start)`,
      env: { OOS_PROVIDER_CACHE_DIR: seaCache },
      build: (bundle, platform, output) => buildSeaExecutable({ bundle, platform, host, output, cacheDir }),
    },
    {
      id: 'bun',
      label: `Bun ${DEFAULT_BUN_VERSION} --compile --bytecode`,
      env: {},
      build: (bundle, platform, output) =>
        compileExecutable({
          platform,
          bun: hostBun(DEFAULT_BUN_VERSION, cacheDir),
          runtime: bunRuntime(platform, DEFAULT_BUN_VERSION, cacheDir),
          bundle,
          output,
        }).file,
    },
    {
      id: 'deno',
      label: `Deno ${DENO_VERSION} compile`,
      env: {},
      build: (bundle, platform, output) => {
        const hostDeno = deno(host).binary;
        const { target } = DENO_PACKAGES[platform.name];
        mkdirSync(join(output, '..'), { recursive: true });
        // Deno reads a .js file as an ES module; the bundle is CommonJS.
        const entry = join(output, '..', 'terraform-provider-oos.cjs');
        writeFileSync(entry, readFileSync(bundle));
        const result = spawnSync(hostDeno, ['compile', '-A', '--no-check', '--target', target, '--output', output, entry], {
          env: { ...process.env, ...denoEnv },
          encoding: 'utf8',
          timeout: 300_000,
        });
        if (result.status !== 0) throw new Error(`deno compile: ${result.stderr || result.stdout}`);
        return output;
      },
    },
  ];
}

/** Builds every platform twice, in folders of different depth; keeps only the host's executable. */
function buildPlatforms(
  runner: Runner,
  bundle: string,
  work: string,
  log: (line: string) => void,
): { platforms: Record<string, PlatformBuild>; host?: string } {
  const platforms: Record<string, PlatformBuild> = {};
  let host: string | undefined;
  for (const platform of KNOWN_PLATFORMS) {
    const name = `terraform-provider-oos${platform.executableSuffix}`;
    try {
      const first = runner.build(bundle, platform, join(work, runner.id, 'a', platform.name, name));
      const second = runner.build(bundle, platform, join(work, runner.id, 'b', 'deeper', platform.name, name));
      const [one, two] = [readFileSync(first), readFileSync(second)];
      let differing = 0;
      for (let i = 0; i < Math.min(one.length, two.length); i++) if (one[i] !== two[i]) differing++;
      differing += Math.abs(one.length - two.length);
      platforms[platform.name] = { built: true, bytes: one.length, reproducible: sha256Hex(one) === sha256Hex(two), differingBytes: differing };
      rmSync(second, { force: true });
      if (platform.name === terraformPlatformName()) host = first;
      else rmSync(first, { force: true });
    } catch (error) {
      platforms[platform.name] = { built: false, error: firstLine(error) };
    }
    log(
      `  ${runner.id} ${platform.name}: ${platforms[platform.name].built ? `${platforms[platform.name].bytes} bytes, reproducible ${platforms[platform.name].reproducible}` : platforms[platform.name].error}`,
    );
  }
  return { platforms, host };
}

function figures(times: readonly number[]): StartFigures {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
  return { runs: sorted.length, medianMs: round(at(0.5), 1), p90Ms: round(at(0.9), 1), minMs: round(sorted[0], 1) };
}

export async function runRuntimeComparison(
  options: { starts?: number; rounds?: number; reps?: number; log?: (line: string) => void } = {},
): Promise<RuntimeComparisonResult> {
  const log = options.log ?? (() => undefined);
  const starts = options.starts ?? 30;
  const work = mkdtempSync(join(tmpdir(), 'runtime-comparison-'));
  const cacheDir = join(REPOSITORY, 'dist/release/cache');
  try {
    const provider = providerBundle();
    const echo = providerBundle(await bundleProvider({ entry: KIT_ECHO_ENTRY, outfile: KIT_ECHO_BUNDLE }));
    const programs = new Map<RuntimeId, { provider: string; echo: string; runner: Runner }>();
    const results = new Map<RuntimeId, { -readonly [K in keyof RuntimeFigures]: RuntimeFigures[K] }>();
    const host = findPlatform(terraformPlatformName());
    for (const runner of runners(work, cacheDir)) {
      log(`runtime comparison: building ${runner.label} for every platform (twice, in two folders)`);
      const { platforms, host: executable } = buildPlatforms(runner, provider, work, log);
      const result: { -readonly [K in keyof RuntimeFigures]: RuntimeFigures[K] } = { id: runner.id, label: runner.label, platforms };
      results.set(runner.id, result);
      if (executable) {
        result.executableBytes = statSync(executable).size;
        const echoExecutable = runner.build(echo, host, join(work, runner.id, 'echo', 'terraform-provider-echo'));
        programs.set(runner.id, { provider: executable, echo: echoExecutable, runner });
      } else if (runner.id === 'deno') {
        // No executable: the runtime itself, running the bundle, tells whether grpc-js serves over its http2.
        const denoBinary = fetchPackedBinary(
          { packageName: DENO_PACKAGES[host.name].packageName, version: DENO_VERSION, binaryInPackage: DENO_PACKAGES[host.name].binary },
          cacheDir,
        );
        const denoHome = join(work, 'deno-home');
        const runEnv = { DENO_DIR: join(denoHome, 'deno-dir'), HOME: denoHome, DENO_NO_UPDATE_CHECK: '1', PATH: process.env.PATH ?? '' };
        const script = (bundle: string, name: string) => {
          const entry = join(work, 'deno', `${name}.cjs`);
          mkdirSync(join(work, 'deno'), { recursive: true });
          writeFileSync(entry, readFileSync(bundle));
          return envWrapper(join(work, 'deno', name), [denoBinary, 'run', '-A', '--no-check', entry], runEnv);
        };
        result.label = `Deno ${DENO_VERSION} (deno run: no executable, see note)`;
        result.note = `deno compile cannot build here: ${platforms[host.name].error}; measured: \`deno run\` of the bundle`;
        programs.set(runner.id, { provider: script(provider, 'provider'), echo: script(echo, 'echo'), runner });
      }
    }

    // Start to handshake, interleaved: each round starts every program a few times, the Go anchor too.
    const anchor = findGoAnchor();
    const entries = [...programs.entries()].map(([id, p]) => ({ id, program: p.provider, env: providerEnvironment(p.runner.env) }));
    if (anchor) entries.push({ id: 'go' as RuntimeId, program: anchor, env: providerEnvironment() });
    const times = new Map<string, number[]>(entries.map((entry) => [entry.id, []]));
    const failures = new Map<string, string>();
    for (const entry of entries) {
      try {
        // Unmeasured: the page cache, and the Node SEA's code cache, are warm afterwards.
        for (let i = 0; i < 2; i++) await startUntilHandshake(entry.program, [], entry.env);
      } catch (error) {
        failures.set(entry.id, firstLine(error));
      }
    }
    const rounds = 5;
    for (let r = 0; r < rounds; r++) {
      for (const entry of entries.filter((candidate) => !failures.has(candidate.id))) {
        for (let i = 0; i < Math.ceil(starts / rounds); i++) times.get(entry.id)?.push((await startUntilHandshake(entry.program, [], entry.env)).elapsedMs);
      }
    }
    const goAnchor = anchor && !failures.has('go') ? figures(times.get('go') ?? []) : undefined;
    for (const [id, result] of results) {
      const failure = failures.get(id);
      if (failure) result.failure = failure;
      else if (programs.has(id)) {
        result.start = figures(times.get(id) ?? []);
        if (goAnchor) result.startRatioToGo = round(result.start.medianMs / goAnchor.medianMs, 2);
      }
    }

    // CPU per RPC and peak RSS of the kit's echo_thing, alternating the runtimes.
    const cpu = new Map<RuntimeId, number[]>();
    const rss = new Map<RuntimeId, number[]>();
    for (let rep = 0; rep < (options.reps ?? 2); rep++) {
      for (const [id, { echo: program, runner }] of programs) {
        if (failures.has(id)) continue;
        const target = runner.id === 'node_sea' ? envWrapper(join(work, `echo-${id}.sh`), [program], runner.env) : program;
        try {
          const run = await measureRpcRun(target, options.rounds ?? 2000, 200);
          if (run.cpuMicrosecondsPerRpc !== undefined) cpu.set(id, [...(cpu.get(id) ?? []), run.cpuMicrosecondsPerRpc]);
          if (run.peakRssMb !== undefined) rss.set(id, [...(rss.get(id) ?? []), run.peakRssMb]);
        } catch (error) {
          results.get(id)!.failure = `RPCs: ${firstLine(error)}`;
        }
      }
    }
    for (const [id, result] of results) {
      const runs = [...(cpu.get(id) ?? [])].sort((a, b) => a - b);
      if (runs.length > 0) result.cpuMicrosecondsPerRpc = runs[Math.floor(runs.length / 2)];
      if (rss.get(id)?.length) result.peakRssMb = Math.max(...(rss.get(id) ?? []));
    }
    return { versions: { node: SEA_NODE_VERSION, bun: DEFAULT_BUN_VERSION, deno: DENO_VERSION }, goAnchor, runtimes: [...results.values()] };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The comparison as a markdown table (docs/benchmarks.md has one). */
export function describeRuntimeComparison(result: RuntimeComparisonResult): string {
  const mb = (bytes?: number) => (bytes === undefined ? '—' : `${Math.round(bytes / 1e6)} MB`);
  const lines = [
    '| runtime | start → handshake (median, ratio to Go) | CPU per RPC | peak RSS | executable | platforms built here | reproducible (two folders) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const runtime of result.runtimes) {
    const built = Object.entries(runtime.platforms).filter(([, build]) => build.built);
    const start = runtime.start ? `${runtime.start.medianMs} ms${runtime.startRatioToGo ? ` (${runtime.startRatioToGo}×)` : ''}` : (runtime.failure ?? '—');
    const reproducible =
      built.length === 0
        ? '—'
        : built.every(([, build]) => build.reproducible)
          ? 'yes'
          : built.map(([name, build]) => `${name}: ${build.reproducible ? 'yes' : `no (${build.differingBytes} bytes differ)`}`).join(', ');
    lines.push(
      `| ${runtime.label} | ${start} | ${runtime.cpuMicrosecondsPerRpc ?? '—'} µs | ${runtime.peakRssMb ?? '—'} MB | ${mb(runtime.executableBytes)} | ${built.length}/5${
        built.length < 5
          ? ` (not: ${Object.entries(runtime.platforms)
              .filter(([, build]) => !build.built)
              .map(([name]) => name)
              .join(', ')})`
          : ''
      } | ${reproducible} |`,
    );
  }
  if (result.goAnchor) lines.push(`| Go anchor | ${result.goAnchor.medianMs} ms | | | | | |`);
  const notes = result.runtimes.flatMap((runtime) => {
    // One line per distinct reason, naming the platforms it stopped.
    const reasons = new Map<string, string[]>();
    for (const [name, build] of Object.entries(runtime.platforms))
      if (!build.built) reasons.set(build.error ?? '?', [...(reasons.get(build.error ?? '?') ?? []), name]);
    return [
      ...(runtime.note ? [`- ${runtime.id}: measured \`deno run\` of the bundle, as it cannot compile here`] : []),
      ...[...reasons].map(([reason, names]) => `- ${runtime.id} ${names.join(', ')}: ${reason}`),
    ];
  });
  return [...lines, ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}

const RUNTIME_COMPARISON = defineCommand({
  name: 'runtime-comparison',
  invocation: 'node dist/bench/runtime-comparison.js',
  description: "Compares the release executable's runtimes: start-up and per-RPC time.",
  options: {
    starts: { type: 'number', integer: true, value: 'n', default: 30, description: 'starts to time per runtime' },
    rounds: { type: 'number', integer: true, value: 'n', default: 2000, description: 'calls per RPC' },
    reps: { type: 'number', integer: true, value: 'n', default: 2, description: 'repetitions' },
  },
});

if (require.main === module) {
  void runCommand(RUNTIME_COMPARISON, async ({ options }) => {
    const result = await runRuntimeComparison({ ...options, log: (line) => console.error(line) });
    console.log(describeRuntimeComparison(result));
    console.log(JSON.stringify(result, null, 2));
    return 0;
  });
}
