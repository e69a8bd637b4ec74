/**
 * What a fresh provider process loads before Terraform can talk to it (issue 18): the provider
 * bundle, instrumented to report each module as it is evaluated, built into the release
 * executable (Bun) and into the Node single executable it replaced (started without its code
 * cache: a cold start), started as Terraform starts it, then asked for GetProviderSchema,
 * ConfigureProvider and one data source read. Per runtime, medians over the starts, from the process's own clock:
 * - runtime ready: process start to the bundle's first line,
 * - modules: evaluating the modules the entry needs (first line to serve()),
 * - handshake: process start to the handshake line;
 * and the npm packages evaluated before the handshake, by GetProviderSchema, by ConfigureProvider
 * and by the first OOS call.
 *
 *   node dist/bench/module-load.js [--starts 10]
 */
import { defineCommand, runCommand } from '../lib/command-line';
import { encode } from '@msgpack/msgpack';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerBundle } from '../lib/release';
import { DEFAULT_BUN_VERSION, findPlatform, terraformPlatformName } from '../lib/release/platforms';
import { REPOSITORY } from '../lib/release/repository';
import { testing } from '../lib/tfplugin';
import { benchExecutable, envWrapper, round } from './bench-support';
import { SEA_NODE_VERSION, buildSeaExecutable } from './node-sea/sea';

const REPORT = 'MODULE-LOAD';

/**
 * The bundle with a report at its first line, at the start of every module esbuild wrapped
 * (`"node_modules/x/y.js"(exports, module) {` for CommonJS, `"lib/x.ts"() {` for ES modules), and
 * before the entry's serve() call.
 */
export function instrumentBundle(source: string): string {
  const report = (what: string) => `process.stderr.write(${JSON.stringify(`${REPORT} ${what} `)} + (process.uptime() * 1000).toFixed(2) + "\\n");`;
  const instrumented = source
    .replace(/^ {2}"((?:node_modules|lib)\/[^"]+)"\((?:exports\d*(?:, module\d*)?)?\) \{$/gm, (line, path: string) => `${line}${report(`module ${path}`)}`)
    .replace(/\n(serve\(.*\);)\s*$/, (_line, call: string) => `\n${report('serve')}${call}\n`);
  if (!instrumented.includes(`${REPORT} serve`)) throw new Error('module-load: the bundle does not end with a serve(...) call; update instrumentBundle');
  // The handshake is the process's first write to stdout.
  const handshake = `{const write=process.stdout.write.bind(process.stdout);process.stdout.write=(...args)=>{process.stdout.write=write;${report('handshake')}return write(...args);};}`;
  return `${report('start')}${handshake}\n${instrumented}`;
}

interface Event {
  readonly what: string;
  readonly atMs: number;
}

function events(stderr: string): Event[] {
  return [...stderr.matchAll(new RegExp(`^${REPORT} (.+) ([\\d.]+)$`, 'gm'))].map((match) => ({ what: match[1], atMs: Number(match[2]) }));
}

/** npm package names among the modules evaluated in `list`. */
function packages(list: readonly Event[]): string[] {
  const names = list.flatMap((event) => /^module node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(event.what)?.[1] ?? []);
  return [...new Set(names)].sort();
}

export interface ModuleLoadFigures {
  readonly runtime: string;
  readonly runtimeReadyMs: number;
  readonly modulesMs: number;
  readonly handshakeMs: number;
  readonly packagesBeforeHandshake: readonly string[];
  readonly packagesAtGetProviderSchema: readonly string[];
  readonly packagesAtConfigureProvider: readonly string[];
  readonly packagesAtFirstCall: readonly string[];
}

/** The provider's configuration from the environment (no call is made): fake keys, an endpoint nobody answers. */
const CONFIGURE_ENV = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI-module-load',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'module-load-secret',
  ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou',
  ALIBABA_CLOUD_OOS_ENDPOINT: 'http://127.0.0.1:9',
  ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
  ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
};

async function measure(runtime: string, program: string, starts: number): Promise<ModuleLoadFigures> {
  const runs: { ready: number; modules: number; handshake: number; before: string[]; schema: string[]; configure: string[]; call: string[] }[] = [];
  for (let i = 0; i < starts; i++) {
    const provider = await testing.startProvider(program);
    const connection = new testing.PluginConnection(provider);
    try {
      const atHandshake = events(provider.stderr());
      await connection.provider6('GetProviderSchema', {});
      const atSchema = events(provider.stderr());
      await connection.provider6('ConfigureProvider', { terraform_version: '1.11.4', config: { msgpack: Buffer.from(encode({ max_retries: 0 })) } });
      const atConfigure = events(provider.stderr());
      // The first OOS call (answered by nobody: the endpoint is a closed port, and no retries are allowed).
      await connection.provider6('ReadDataSource', { type_name: 'oos_chat_configurations', config: { msgpack: Buffer.from(encode({})) } });
      const atCall = events(provider.stderr());
      const at = (what: string) => atHandshake.find((event) => event.what === what)?.atMs ?? NaN;
      const before = packages(atHandshake);
      const schema = packages(atSchema).filter((name) => !before.includes(name));
      runs.push({
        ready: at('start'),
        modules: at('serve') - at('start'),
        handshake: at('handshake'),
        before,
        schema,
        configure: packages(atConfigure).filter((name) => !before.includes(name) && !schema.includes(name)),
        call: packages(atCall).filter((name) => !packages(atConfigure).includes(name)),
      });
    } finally {
      await testing.shutDown(provider, connection);
      connection.close();
    }
  }
  const median = (values: number[]) => round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)], 1);
  return {
    runtime,
    runtimeReadyMs: median(runs.map((run) => run.ready)),
    modulesMs: median(runs.map((run) => run.modules)),
    handshakeMs: median(runs.map((run) => run.handshake)),
    packagesBeforeHandshake: runs[0].before,
    packagesAtGetProviderSchema: runs[0].schema,
    packagesAtConfigureProvider: runs[0].configure,
    packagesAtFirstCall: runs[0].call,
  };
}

export async function runModuleLoad(starts = 10): Promise<ModuleLoadFigures[]> {
  const work = mkdtempSync(join(tmpdir(), 'module-load-'));
  const cacheDir = join(REPOSITORY, 'dist/release/cache');
  const host = findPlatform(terraformPlatformName());
  try {
    const bundle = join(work, 'terraform-provider-oos.bundle.js');
    writeFileSync(bundle, instrumentBundle(readFileSync(providerBundle(), 'utf8')));
    const bun = benchExecutable(bundle);
    mkdirSync(join(work, 'sea'), { recursive: true });
    const sea = buildSeaExecutable({ bundle, platform: host, host, output: join(work, 'sea', 'provider'), cacheDir });
    // Started through a script that sets the configuration's environment (the testing helper's own
    // environment carries its client certificate); the Node executable without its code cache: a cold start.
    const bunStarter = envWrapper(join(work, 'bun', 'start.sh'), [bun], CONFIGURE_ENV);
    const seaStarter = envWrapper(join(work, 'sea', 'start.sh'), [sea], { ...CONFIGURE_ENV, OOS_PROVIDER_CACHE_DIR: 'off' });
    return [
      await measure(`Bun ${DEFAULT_BUN_VERSION} executable (release, after)`, bunStarter, starts),
      await measure(`Node ${SEA_NODE_VERSION} SEA, no code cache (before)`, seaStarter, starts),
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function describeModuleLoad(figures: readonly ModuleLoadFigures[]): string {
  const lines = ['| runtime | runtime ready | module evaluation | handshake (process uptime) |', '| --- | --- | --- | --- |'];
  for (const f of figures) lines.push(`| ${f.runtime} | ${f.runtimeReadyMs} ms | ${f.modulesMs} ms | ${f.handshakeMs} ms |`);
  const [first] = figures;
  lines.push(
    '',
    `npm packages evaluated before the handshake: ${first.packagesBeforeHandshake.join(', ')}`,
    `added by GetProviderSchema: ${first.packagesAtGetProviderSchema.join(', ') || 'none'}`,
    `added by ConfigureProvider: ${first.packagesAtConfigureProvider.join(', ') || 'none'}`,
    `added by the first OOS call (ReadDataSource): ${first.packagesAtFirstCall.join(', ') || 'none'}`,
  );
  return lines.join('\n');
}

const MODULE_LOAD = defineCommand({
  name: 'module-load',
  invocation: 'node dist/bench/module-load.js',
  description: "Times loading the provider's modules at start-up.",
  options: { starts: { type: 'number', integer: true, value: 'n', default: 10, description: 'how many starts to time' } },
});

if (require.main === module) {
  void runCommand(MODULE_LOAD, async ({ options }) => {
    console.log(describeModuleLoad(await runModuleLoad(options.starts)));
    return 0;
  });
}
