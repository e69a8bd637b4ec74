/**
 * Throughput of the emulator under V3-signed reads (GetChatConfiguration / ListChatConfigurations).
 * The emulator runs in this process; the load comes from a child process so that signing the
 * requests does not compete with verifying them for the same core. Bounded by count and time.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/emulator-bench.js
 */
import { defineCommand, runCommand } from '../lib/command-line';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { DEFAULT_EMULATOR_CREDENTIAL, type RunningEmulator, signV3Request, startEmulator } from '../lib/emulator';
import { OOS_API_VERSION } from '../lib/domain';
import { PACKAGE_ROOT } from '../lib/tooling';

const LOAD_GENERATOR_FLAG = '--load-generator';
const REGION_ID = 'cn-hangzhou';
const SEEDED_NAMES = ['bench-dingtalk', 'bench-wechat'];

export interface EmulatorBenchOptions {
  /** Requests to send at most; default 20,000. */
  maxRequests?: number;
  /** Stop sending after this long; default 10 s. */
  maxSeconds?: number;
  /** Requests in flight; default 32. */
  concurrency?: number;
}

interface LoadSettings {
  endpoint: string;
  port: number;
  maxRequests: number;
  maxSeconds: number;
  concurrency: number;
}

interface LoadResult {
  ok: number;
  failed: number;
  seconds: number;
}

function signedRequest(settings: LoadSettings, agent: http.Agent, index: number): Promise<number> {
  const isGet = index % 2 === 0;
  const query: Record<string, string> = isGet ? { RegionId: REGION_ID, Name: SEEDED_NAMES[index % SEEDED_NAMES.length] } : { RegionId: REGION_ID };
  const signed = signV3Request({
    method: 'POST',
    host: settings.endpoint,
    action: isGet ? 'GetChatConfiguration' : 'ListChatConfigurations',
    version: OOS_API_VERSION,
    credential: DEFAULT_EMULATOR_CREDENTIAL,
    query,
  });
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: settings.port, method: 'POST', path: signed.path, headers: signed.headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end();
  });
}

/** Sends signed requests with `concurrency` keep-alive connections until the count or time bound. */
async function generateLoad(settings: LoadSettings): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: settings.concurrency });
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(settings.maxSeconds * 1e9));
  let issued = 0;
  let ok = 0;
  let failed = 0;
  const worker = async (): Promise<void> => {
    while (issued < settings.maxRequests && process.hrtime.bigint() < deadline) {
      const index = issued++;
      try {
        if ((await signedRequest(settings, agent, index)) === 200) ok++;
        else failed++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: settings.concurrency }, worker));
  agent.destroy();
  return { ok, failed, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** The compiled script, which can be forked; undefined when running from TypeScript sources without a build. */
function loadGeneratorScript(): string | undefined {
  if (__filename.endsWith('.js')) return __filename;
  const compiled = path.join(PACKAGE_ROOT, 'dist', 'bench', 'emulator-bench.js');
  return fs.existsSync(compiled) ? compiled : undefined;
}

function runLoadInChild(script: string, settings: LoadSettings): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [LOAD_GENERATOR_FLAG, JSON.stringify(settings)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve(message as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
  });
}

async function seed(emulator: RunningEmulator): Promise<void> {
  const settings: LoadSettings = { endpoint: emulator.endpoint, port: emulator.port, maxRequests: 0, maxSeconds: 0, concurrency: 1 };
  for (const [index, name] of SEEDED_NAMES.entries()) {
    const signed = signV3Request({
      method: 'POST',
      host: settings.endpoint,
      action: 'CreateChatConfiguration',
      version: OOS_API_VERSION,
      credential: DEFAULT_EMULATOR_CREDENTIAL,
      query: { RegionId: REGION_ID, Name: name, Type: index === 0 ? 'DingTalk' : 'WeChat', Configuration: '{"ClientId":"c","ClientSecret":"s"}' },
    });
    await new Promise<void>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port: emulator.port, method: 'POST', path: signed.path, headers: signed.headers }, (response) => {
        response.resume();
        response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`seeding failed with HTTP ${response.statusCode}`))));
      });
      request.on('error', reject);
      request.end();
    });
  }
}

export async function runEmulatorBench(options: EmulatorBenchOptions = {}): Promise<{ requestsPerSecond: number }> {
  const emulator = await startEmulator();
  try {
    await seed(emulator);
    const settings: LoadSettings = {
      endpoint: emulator.endpoint,
      port: emulator.port,
      maxRequests: options.maxRequests ?? 20_000,
      maxSeconds: options.maxSeconds ?? 10,
      concurrency: options.concurrency ?? 32,
    };
    const script = loadGeneratorScript();
    const result = script !== undefined ? await runLoadInChild(script, settings) : await generateLoad(settings);
    if (result.failed > 0) throw new Error(`${result.failed} of ${result.ok + result.failed} benchmark requests failed`);
    return { requestsPerSecond: result.ok / result.seconds };
  } finally {
    await emulator.close();
  }
}

const EMULATOR_BENCH = defineCommand({
  name: 'emulator-bench',
  invocation: 'node dist/bench/emulator-bench.js',
  description: 'Measures the signed requests per second the emulator answers.',
  options: {},
});

if (require.main === module) {
  // A load generator the benchmark forks (internal protocol, not a command line): its settings come as JSON.
  if (process.argv[2] === LOAD_GENERATOR_FLAG) {
    generateLoad(JSON.parse(process.argv[3]) as LoadSettings).then(
      (result) => process.send?.(result, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  } else {
    void runCommand(EMULATOR_BENCH, async () => {
      const { requestsPerSecond } = await runEmulatorBench();
      console.log(`emulator: ${Math.round(requestsPerSecond)} signed requests/s`);
      return 0;
    });
  }
}
