/**
 * CPU profile of the provider during a plan with refresh (or `--command apply|destroy`): applies
 * `count` resources, then plans with NODE_OPTIONS=--cpu-prof (terraform passes its environment to the providers it starts, and
 * the launcher execs node), and prints the functions with the most self time over every provider
 * process of the plan, named by the bundle's module comments.
 *
 *   node dist/bench/profile-plan.js --help
 */
import { type CommandLine, defineCommand, runCommand } from '../lib/command-line';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { bundleProvider } from '../lib/release';
import { startEmulator } from '../lib/emulator';
import { PACKAGE_ROOT, emulatorClientEnvironment } from '../lib/tooling';
import { KIT_ECHO_ENTRY, SCHEMA_FLOOR_ENTRY, type VariantId, benchWorkspace, round, setUpBenchMirror } from './bench-support';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  readonly function: string;
  readonly module: string;
  readonly selfMs: number;
  readonly percent: number;
}

/** The module each line of an esbuild bundle belongs to, from its `// path/to/module.ts` comments. */
function moduleIndex(file: string): (line: number) => string {
  let lines: string[];
  try {
    lines = readFileSync(file, 'utf8').split('\n');
  } catch {
    return () => basename(file);
  }
  const starts: [number, string][] = [];
  lines.forEach((text, index) => {
    const match = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(text);
    if (match) starts.push([index, match[1].replace(/^.*node_modules\//, '')]);
  });
  return (line) => {
    let found = basename(file);
    for (const [start, name] of starts) {
      if (start > line) break;
      found = name;
    }
    return found;
  };
}

/** Self time per function over all profiles in `dir`, highest first. */
export function summariseProfiles(
  dir: string,
  top: number,
): { entries: ProfileEntry[]; packages: { area: string; selfMs: number; percent: number }[]; totalMs: number; idleMs: number; processes: number } {
  const selfUs = new Map<string, number>();
  const indexes = new Map<string, (line: number) => string>();
  let totalUs = 0;
  let idleUs = 0;
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  for (const name of files) {
    const profile = JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    profile.samples.forEach((id, i) => {
      const frame = byId.get(id) as CallFrame;
      const delta = profile.timeDeltas[i] ?? 0;
      if (frame.functionName === '(idle)') {
        idleUs += delta;
        return;
      }
      totalUs += delta;
      const path = frame.url.replace(/^file:\/\//, '');
      if (path.endsWith('.bundle.js') && !indexes.has(path)) indexes.set(path, moduleIndex(path));
      const module = indexes.get(path)?.(frame.lineNumber) ?? (path.startsWith('node:') ? path : path ? basename(path) : '');
      const key = `${frame.functionName || '(anonymous)'}\u0000${module}`;
      selfUs.set(key, (selfUs.get(key) ?? 0) + delta);
    });
  }
  const byPackage = new Map<string, number>();
  for (const [key, us] of selfUs) {
    const area = packageOf(key.split('\u0000')[1]);
    byPackage.set(area, (byPackage.get(area) ?? 0) + us);
  }
  const packages = [...byPackage.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([area, us]) => ({ area, selfMs: round(us / 1000, 1), percent: round((100 * us) / totalUs, 1) }));
  const entries = [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => {
      const [fn, module] = key.split('\u0000');
      return { function: fn, module, selfMs: round(us / 1000, 1), percent: round((100 * us) / totalUs, 1) };
    });
  return { entries, packages, totalMs: round(totalUs / 1000, 1), idleMs: round(idleUs / 1000, 1), processes: files.length };
}

/** The package or area a module belongs to: `@grpc/grpc-js`, `protobufjs`, `lib/tfplugin`, `node:internal/http2`… */
function packageOf(module: string): string {
  if (module.startsWith('node:internal/')) return module.split('/').slice(0, 2).join('/');
  if (module.startsWith('@')) return module.split('/').slice(0, 2).join('/');
  if (module.includes('/'))
    return module
      .split('/')
      .slice(0, module.startsWith('lib/') ? 2 : 1)
      .join('/');
  return module || '(V8: GC, program)';
}

/** Node refuses --cpu-prof in NODE_OPTIONS, so the bench's launchers pass it when this is set. */
const PROFILE_DIR_ENV = 'BENCH_CPU_PROF_DIR';

/** Rewrites every launcher in the mirror (before init records their hashes) to profile when PROFILE_DIR_ENV is set. */
function profilingLaunchers(root: string): void {
  const launchers = execFileSync('find', [join(root, 'mirror'), '-name', 'terraform-provider-*', '-type', 'f'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  for (const launcher of launchers) {
    const script = readFileSync(launcher, 'utf8');
    const profiled = script.replace(/^exec (\S+) /m, `exec $1 \${${PROFILE_DIR_ENV}:+--cpu-prof --cpu-prof-dir="$${PROFILE_DIR_ENV}"} `);
    writeFileSync(launcher, profiled);
  }
}

const PROFILE_PLAN = defineCommand({
  name: 'profile-plan',
  invocation: 'node dist/bench/profile-plan.js',
  description: 'CPU profile of the provider during a plan with refresh, an apply or a destroy: the functions with the most self time.',
  options: {
    variant: { type: 'string', choices: ['oos', 'kit_echo', 'schema_floor'], default: 'oos', description: 'the provider to profile' },
    command: { type: 'string', choices: ['plan', 'apply', 'destroy'], default: 'plan', description: 'the terraform command to profile' },
    count: { type: 'number', integer: true, value: 'n', default: 300, description: 'how many resources to apply, then plan' },
    top: { type: 'number', integer: true, value: 'n', default: 20, description: 'how many functions to print' },
    keep: { type: 'string', value: 'dir', description: 'keep the .cpuprofile files in this folder' },
  },
});

async function main({ options }: CommandLine<(typeof PROFILE_PLAN)['options']>): Promise<number> {
  const variant: VariantId = options.variant;
  const { count, top } = options;
  const keep = options.keep ?? '';
  // Bundled apart with esbuild's module comments kept: the published bundles drop them, and
  // without them every function of the bundle would be reported as "the bundle".
  const profilingDir = join(PACKAGE_ROOT, 'dist', 'bench', 'profiling');
  const kitEcho = await bundleProvider({ entry: KIT_ECHO_ENTRY, outfile: join(profilingDir, 'terraform-provider-echo-thing.js'), keepModuleComments: true });
  const oos = await bundleProvider({ outfile: join(profilingDir, 'terraform-provider-oos.js'), keepModuleComments: true });
  const schemaFloor = await bundleProvider({
    entry: SCHEMA_FLOOR_ENTRY,
    outfile: join(profilingDir, 'terraform-provider-echocc.js'),
    keepModuleComments: true,
  });
  const mirror = setUpBenchMirror(kitEcho, undefined, { bundle: oos }, { schemaFloor });
  profilingLaunchers(mirror.root);
  const emulator = await startEmulator();
  const profiles = keep || mkdtempSync(join(tmpdir(), 'oos-cpu-prof-'));
  try {
    const workspace = await benchWorkspace(mirror, variant, count, variant === 'oos' ? emulatorClientEnvironment(emulator.url) : {});
    const profiled = { [PROFILE_DIR_ENV]: profiles };
    const apply = ['apply', '-auto-approve', '-input=false', '-no-color'];
    const destroy = ['destroy', '-auto-approve', '-input=false', '-no-color'];
    const run =
      options.command === 'apply'
        ? await workspace.expect(apply, [0], profiled)
        : (await workspace.expect(apply),
          options.command === 'plan'
            ? await workspace.expect(['plan', '-input=false', '-no-color', '-detailed-exitcode'], [0, 2], profiled)
            : await workspace.expect(destroy, [0], profiled));
    const summary = summariseProfiles(profiles, top);
    console.log(
      `${variant}: ${options.command} of ${count} in ${run.seconds.toFixed(2)} s (exit ${run.code}); ${summary.processes} provider processes, ` +
        `${summary.totalMs} ms on CPU, ${summary.idleMs} ms idle`,
    );
    console.log('\n| self ms | % | package or area |\n| ---: | ---: | --- |');
    for (const area of summary.packages) console.log(`| ${area.selfMs} | ${area.percent} | ${area.area} |`);
    console.log('\n| self ms | % | function | module |\n| ---: | ---: | --- | --- |');
    for (const entry of summary.entries) console.log(`| ${entry.selfMs} | ${entry.percent} | \`${entry.function}\` | ${entry.module} |`);
    if (options.command !== 'destroy') await workspace.expect(destroy);
    return 0;
  } finally {
    await emulator.close();
    rmSync(mirror.root, { recursive: true, force: true });
    if (!keep) rmSync(profiles, { recursive: true, force: true });
  }
}

if (require.main === module) void runCommand(PROFILE_PLAN, main);
