/**
 * What the comparison and profiling benches share: the 300 argument sets, one provider mirror
 * holding this project's providers and the Go anchor, workspaces on it, statistics, and the peak
 * RSS of the provider processes terraform starts.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { CHAT_CONFIGURATION_RESOURCE, PROVIDER_HOST, PROVIDER_NAMESPACE } from '../lib/domain';
import { DEFAULT_RESOURCE_GROUP_ID } from '../lib/emulator/options';
import {
  DEFAULT_BUN_VERSION,
  LOCK_FILE,
  REPOSITORY,
  bundleProvider,
  layOutFilesystemMirror,
  packageVersion,
  terraformPlatformName,
  type ReleaseArchive,
} from '../lib/release';
import { bunRuntime, compileExecutable, hostBun } from '../lib/release/bun-compile';
import { findPlatform } from '../lib/release/platforms';
import { PACKAGE_ROOT, TerraformWorkspace, installDevelopmentProvider, oosProviderConfig, releaseProvider } from '../lib/tooling';

/** Where the anchor sits relative to a checkout's parent folder (see ../shared/anchors/README.md). */
const ANCHOR_RELATIVE_PATH = join('shared', 'anchors', 'go-echo-provider', 'terraform-provider-echo_v0.1.0');
const ANCHOR_SOURCE = 'example.local/bench/echo';
const ECHO_VERSION = '0.1.0';
/** The kit's echo_thing provider, bundled from source like the real provider. */
export const KIT_ECHO_ENTRY = join(PACKAGE_ROOT, 'bench', 'echo-thing-provider-main.ts');
export const KIT_ECHO_BUNDLE = join(PACKAGE_ROOT, 'dist', 'bench', 'terraform-provider-echo-thing.js');
const KIT_ECHO_SOURCE = `${PROVIDER_HOST}/${PROVIDER_NAMESPACE}/echo`;
/** The grpc-js floor: the same echo_thing with no provider kit (bench/grpc-floor-provider.ts). */
export const FLOOR_ENTRY = join(PACKAGE_ROOT, 'bench', 'grpc-floor-provider-main.ts');
/** Named unlike any module tsc writes to dist/bench, which would overwrite the loader. */
export const FLOOR_BUNDLE = join(PACKAGE_ROOT, 'dist', 'bench', 'terraform-provider-echofloor.js');
const FLOOR_TYPE = 'echofloor';
const FLOOR_SOURCE = `${PROVIDER_HOST}/${PROVIDER_NAMESPACE}/${FLOOR_TYPE}`;
/** The schema floor: oos_chat_configuration's schema on the kit, no API calls (bench/schema-floor-provider.ts). */
export const SCHEMA_FLOOR_ENTRY = join(PACKAGE_ROOT, 'bench', 'schema-floor-provider-main.ts');
export const SCHEMA_FLOOR_BUNDLE = join(PACKAGE_ROOT, 'dist', 'bench', 'terraform-provider-echocc.js');
const SCHEMA_FLOOR_TYPE = 'echocc';
const SCHEMA_FLOOR_SOURCE = `${PROVIDER_HOST}/${PROVIDER_NAMESPACE}/${SCHEMA_FLOOR_TYPE}`;

/**
 * The Go anchor: BENCH_GO_ANCHOR if set, else `shared/anchors/...` beside the checkout or any
 * folder above it (a worktree sits one level deeper than the main checkout). Undefined when absent.
 */
export function findGoAnchor(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.BENCH_GO_ANCHOR) return existsSync(env.BENCH_GO_ANCHOR) ? resolve(env.BENCH_GO_ANCHOR) : undefined;
  for (let dir = resolve(PACKAGE_ROOT, '..'); ; dir = dirname(dir)) {
    const candidate = join(dir, ANCHOR_RELATIVE_PATH);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** A shell script that sets `env` and execs `command`, so the provider's pid stays the started one (for /proc figures). */
export function envWrapper(file: string, command: readonly string[], env: NodeJS.ProcessEnv): string {
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  const exports = Object.entries(env).map(([key, value]) => `export ${key}=${quote(value ?? '')}\n`);
  writeFileSync(file, `#!/bin/sh\n${exports.join('')}exec ${command.map(quote).join(' ')}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** The arguments of resource `i`: six strings and a three-key tags map, the same in every variant. */
export function resourceArguments(i: number): Record<string, unknown> {
  return {
    name: `bench-${i}`,
    type: 'DingTalk',
    ram_role: 'AliyunOOSDefaultRole',
    template_id: `tpl-${i}.schema`,
    client_id: `ding-client-${i}`,
    resource_group_id: DEFAULT_RESOURCE_GROUP_ID,
    tags: { Team: 'bench', Environment: 'dev', Owner: `owner-${i % 7}` },
  };
}

function resources(type: string, count: number, body: (i: number) => object): Record<string, unknown> {
  return { [type]: Object.fromEntries(Array.from({ length: count }, (_, i) => [`r${i}`, body(i)])) };
}

/** The bench stack's owner, as ChatOpsStack sets `<application>/<stack id>`. */
export const BENCH_OWNER = 'chatops/bench';

export type VariantId = 'terraform_data' | 'go_anchor' | 'grpc_floor' | 'kit_echo' | 'schema_floor' | 'oos' | 'oos_latency';

/** The .tf.json of one variant with `count` resources. */
export function variantConfig(variant: VariantId, count: number): object {
  switch (variant) {
    case 'terraform_data':
      return { resource: resources('terraform_data', count, (i) => ({ input: resourceArguments(i) })) };
    case 'go_anchor':
    case 'grpc_floor':
    case 'kit_echo': {
      const source = { go_anchor: ANCHOR_SOURCE, grpc_floor: FLOOR_SOURCE, kit_echo: KIT_ECHO_SOURCE }[variant];
      return {
        terraform: { required_providers: { echo: { source, version: ECHO_VERSION } } },
        provider: { echo: [{}] },
        resource: resources('echo_thing', count, resourceArguments),
      };
    }
    case 'schema_floor':
      return {
        terraform: { required_providers: { echocc: { source: SCHEMA_FLOOR_SOURCE, version: ECHO_VERSION } } },
        provider: { echocc: [{}] },
        resource: resources(`${SCHEMA_FLOOR_TYPE}_chat_configuration`, count, resourceArguments),
      };
    case 'oos':
    case 'oos_latency':
      // The provider block every ChatOpsStack synthesises: with an `owner`, creates are marked by
      // its digest and no creation journal is written (lib/provider/creation-marks.ts).
      return { ...oosProviderConfig({ owner: BENCH_OWNER }), resource: resources(CHAT_CONFIGURATION_RESOURCE, count, resourceArguments) };
  }
}

/** One mirror with the oos provider, the kit's echo provider and (when found) the Go anchor, and a CLI config using only it. */
export interface BenchMirror {
  readonly root: string;
  readonly cliConfig: string;
  readonly anchor?: string;
  /** The oos provider is the release archive, so its workspaces are checked against the committed lock. */
  readonly oosFromRelease: boolean;
}

/**
 * The oos provider of a bench: the release archive users install, checked against the committed lock
 * (the default), or a development bundle for profiling (bench/profile-plan.ts keeps module names in it).
 */
export type BenchOosProvider = { readonly archive: ReleaseArchive } | { readonly bundle: string };

/** This checkout's release archive for this machine, as `npm run plan` and the e2e tests install it. */
export async function releaseOosProvider(): Promise<BenchOosProvider> {
  return { archive: (await releaseProvider()).archive };
}

/**
 * The providers a bench mirror may hold besides the oos provider and the kit's echo_thing. Each is a
 * program: a JavaScript bundle (run by this Node through a launcher) or an executable (benchExecutable).
 */
export interface ExtraBenchProviders {
  /** bench/grpc-floor-provider.ts. */
  readonly grpcFloor?: string;
  /** bench/schema-floor-provider.ts. */
  readonly schemaFloor?: string;
}

/**
 * `bundle` compiled into an executable the way the release executable is (Bun, bytecode), for this
 * machine: the comparison then runs the kit's variants on the runtime users run the oos provider on.
 */
export function benchExecutable(bundle: string): string {
  const platform = findPlatform(terraformPlatformName());
  const cacheDir = join(REPOSITORY, 'dist', 'release', 'cache');
  return compileExecutable({
    platform,
    bun: hostBun(DEFAULT_BUN_VERSION, cacheDir),
    runtime: bunRuntime(platform, DEFAULT_BUN_VERSION, cacheDir),
    bundle,
    output: join(dirname(bundle), 'bun', basename(bundle).replace(/\.[cm]?js$/, '')),
  }).file;
}

/** Lays out `program` (see ExtraBenchProviders) as `source` in Terraform's unpacked mirror layout. */
function installBenchProvider(mirror: string, source: string, program: string): void {
  const [host, namespace, type] = source.split('/');
  if (/\.[cm]?js$/.test(program)) {
    installDevelopmentProvider(mirror, { type, version: ECHO_VERSION, bundle: program }, host, namespace);
    return;
  }
  const target = join(mirror, source, ECHO_VERSION, terraformPlatformName());
  mkdirSync(target, { recursive: true });
  copyFileSync(program, join(target, `terraform-provider-${type}_v${ECHO_VERSION}`));
  chmodSync(join(target, `terraform-provider-${type}_v${ECHO_VERSION}`), 0o755);
}

export function setUpBenchMirror(kitEcho: string, anchor: string | undefined, oos: BenchOosProvider, extra: ExtraBenchProviders = {}): BenchMirror {
  const root = mkdtempSync(join(tmpdir(), 'oos-bench-'));
  const mirror = join(root, 'mirror');
  if ('archive' in oos) layOutFilesystemMirror([oos.archive], mirror);
  else installDevelopmentProvider(mirror, { type: 'oos', version: packageVersion(), bundle: oos.bundle });
  installBenchProvider(mirror, KIT_ECHO_SOURCE, kitEcho);
  if (extra.grpcFloor) installBenchProvider(mirror, FLOOR_SOURCE, extra.grpcFloor);
  if (extra.schemaFloor) installBenchProvider(mirror, SCHEMA_FLOOR_SOURCE, extra.schemaFloor);
  if (anchor) installBenchProvider(mirror, ANCHOR_SOURCE, anchor);
  const cliConfig = join(root, 'terraform.rc');
  writeFileSync(cliConfig, `disable_checkpoint = true\nprovider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`);
  return { root, cliConfig, anchor, oosFromRelease: 'archive' in oos };
}

/**
 * A mirror of Node bundles built in `work` (the kit's echo_thing, the oos provider, the schema floor)
 * and the Go anchor when given: for the tools that measure providers as Node processes, which take
 * a preload or a profiler (bench/cpu-split.ts, bench/terraform-profile.ts).
 */
export async function developmentBenchMirror(work: string, anchor: string | undefined): Promise<BenchMirror> {
  return setUpBenchMirror(
    await bundleProvider({ entry: KIT_ECHO_ENTRY, outfile: join(work, 'echo', 'terraform-provider-echo.js') }),
    anchor,
    { bundle: await bundleProvider({ outfile: join(work, 'oos', 'terraform-provider-oos.js') }) },
    { schemaFloor: await bundleProvider({ entry: SCHEMA_FLOOR_ENTRY, outfile: join(work, 'echocc', 'terraform-provider-echocc.js') }) },
  );
}

/**
 * What the timed runs change in this machine's environment, and why. NODE_EXTRA_CA_CERTS makes
 * every Node process parse that CA file and build its root store at start, before any code runs
 * (~40 ms on a Debian bundle), and Terraform passes it to each of the 3-4 provider processes of a
 * command; Go reads its CA files only when it first makes a TLS connection. The bench compares
 * providers, not this setting, so it clears it and says so in results.json.
 */
export function benchEnvironment(env: NodeJS.ProcessEnv = process.env): { overrides: NodeJS.ProcessEnv; notes: string[] } {
  if (!env.NODE_EXTRA_CA_CERTS) return { overrides: {}, notes: [] };
  return {
    overrides: { NODE_EXTRA_CA_CERTS: '' },
    notes: [
      `NODE_EXTRA_CA_CERTS (${env.NODE_EXTRA_CA_CERTS}) is set on this machine and was cleared for the terraform runs: with it, each Node provider start costs ~40 ms more (bench/bench-support.ts).`,
    ],
  };
}

/** An initialised working directory for `variant` on the bench mirror. */
export async function benchWorkspace(mirror: BenchMirror, variant: VariantId, count: number, env: NodeJS.ProcessEnv = {}): Promise<TerraformWorkspace> {
  const dir = join(mirror.root, variant);
  mkdirSync(dir, { recursive: true });
  const workspace = new TerraformWorkspace(dir, mirror.cliConfig, { env: { ...benchEnvironment().overrides, ...env } });
  workspace.writeConfig(variantConfig(variant, count));
  // The release archive is checked against the committed lock, as in every stack; a development
  // bundle (profiling) has hashes of its own, which init records.
  if ((variant === 'oos' || variant === 'oos_latency') && mirror.oosFromRelease) copyFileSync(LOCK_FILE, join(dir, '.terraform.lock.hcl'));
  await workspace.init();
  return workspace;
}

// ---- statistics ------------------------------------------------------------------------------

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: readonly number[];
}

export function summarise(runs: readonly number[]): Summary {
  const sorted = [...runs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median: round(median), min: round(sorted[0]), max: round(sorted[sorted.length - 1]), runs: runs.map(round) };
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

// ---- provider memory -------------------------------------------------------------------------

/**
 * The fields of /proc/<pid>/stat after the command name ("pid (comm) state ppid ..."; comm may hold
 * spaces, so the fields start after the last ')'): [0] state, [1] ppid, [11] utime, [12] stime.
 * Undefined when the process is gone or this is not Linux.
 */
export function procStatFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function parentOf(pid: string): number | undefined {
  const fields = procStatFields(pid);
  return fields ? Number(fields[1]) : undefined;
}

/** A process's peak resident set (VmHWM) in MB; undefined when it is gone or this is not Linux. */
export function peakRssMb(pid: number): number | undefined {
  const kb = peakRssKb(pid);
  return kb > 0 ? round(kb / 1024, 1) : undefined;
}

function peakRssKb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Watches the grandchildren of this process (the providers terraform starts; the launcher execs
 * node, so the provider is terraform's direct child) and keeps the highest VmHWM seen. Linux only;
 * elsewhere it reports 0.
 */
export class ProviderMemoryWatch {
  private readonly peaks = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 50) {
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    if (!existsSync('/proc/self/stat')) return;
    const parents = new Map<number, number>();
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const parent = parentOf(pid);
      if (parent !== undefined) parents.set(Number(pid), parent);
    }
    for (const [pid, parent] of parents) {
      if (parents.get(parent) === process.pid) this.peaks.set(pid, Math.max(this.peaks.get(pid) ?? 0, peakRssKb(pid)));
    }
  }

  /** Stops watching; the highest peak of any provider process, in MB. */
  stop(): number {
    clearInterval(this.timer);
    return round(Math.max(0, ...this.peaks.values()) / 1024, 1);
  }
}
