/**
 * cdktf synth of 3 stacks × 300 chat configurations, in a fresh Node.js process each time (module
 * loading included, as `cdktf synth` pays it). Target: ≤ 3 s.
 *
 *   node dist/bench/synth-bench.js [--count N] [--runs N]
 */
import { defineCommand, runCommand } from '../lib/command-line';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Summary, summarise } from './bench-support';

const CHILD_FLAG = '--synth-child';
const STACKS = ['dev', 'staging', 'prod'];

export interface SynthResult {
  readonly stacks: number;
  readonly configurationsPerStack: number;
  /** Process start to exit. */
  readonly seconds: Summary;
}

/** Builds and synthesises the app; runs in the child process. */
function synthesise(outdir: string, count: number): void {
  const { App } = require('../lib/constructs/framework') as typeof import('../lib/constructs/framework');
  const { ChatOpsStack, Platform, Secret } = require('../lib/constructs') as typeof import('../lib/constructs');
  const app = new App({ outdir, skipValidation: false });
  for (const environment of STACKS) {
    const stack = new ChatOpsStack(app, environment, { environment, region: 'cn-hangzhou', backend: { kind: 'local' }, defaultTags: { CostCenter: 'bench' } });
    for (let i = 0; i < count; i++) {
      stack.addChatConfiguration(`bot-${i}`, {
        platform: Platform.dingTalk({ templateId: `tpl-${i}.schema`, clientId: `ding-client-${i}`, clientSecret: Secret.fromSecretParameter(`secret-${i}`) }),
        ramRole: 'AliyunOOSDefaultRole',
        tags: { Team: 'bench', Owner: `owner-${i % 7}` },
      });
    }
  }
  app.synth();
}

function timeOneSynth(count: number): Promise<number> {
  const outdir = mkdtempSync(join(tmpdir(), 'oos-synth-bench-'));
  const started = process.hrtime.bigint();
  return new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, CHILD_FLAG, outdir, String(count)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => {
      rmSync(outdir, { recursive: true, force: true });
      if (code === 0) resolve(Number(process.hrtime.bigint() - started) / 1e9);
      else reject(new Error(`synth exited with ${code}: ${stderr}`));
    });
  });
}

export async function runSynthBench(count = 300, runs = 3): Promise<SynthResult> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOneSynth(count));
  return { stacks: STACKS.length, configurationsPerStack: count, seconds: summarise(times) };
}

const SYNTH_BENCH = defineCommand({
  name: 'synth-bench',
  invocation: 'node dist/bench/synth-bench.js',
  description: 'Times synthesis of the app with many chat configurations per stack.',
  options: {
    count: { type: 'number', integer: true, value: 'n', default: 300, description: 'chat configurations per stack' },
    runs: { type: 'number', integer: true, value: 'n', default: 3, description: 'how many syntheses to time' },
  },
});

if (require.main === module) {
  // A child of the benchmark (internal protocol, not a command line): synthesises once and exits.
  const args = process.argv.slice(2);
  if (args[0] === CHILD_FLAG) {
    synthesise(args[1], Number(args[2]));
  } else {
    void runCommand(SYNTH_BENCH, async ({ options }) => {
      const result = await runSynthBench(options.count, options.runs);
      console.log(`synth ${result.stacks} × ${result.configurationsPerStack}: median ${result.seconds.median.toFixed(2)} s`);
      return 0;
    });
  }
}
