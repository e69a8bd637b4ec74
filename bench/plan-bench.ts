/**
 * Time to a reviewed plan, as a user or a CI runner gets it: `npm run plan -- dev` (dev's 2 bots,
 * against the emulator) in a fresh `git clone` right after its `npm ci` (the first plan builds
 * everything: commands, provider bundle, release executable, synth, init), then again with
 * nothing changed (warm), then after an edit of main.ts. Targets (issue 15): warm <= 3.0 s, first
 * <= 10 s.
 *
 *   node dist/bench/plan-bench.js [--warm-runs 5]
 */
import { defineCommand, runCommand } from '../lib/command-line';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../lib/emulator';
import { RELEASE_CACHE_VARIABLE, cloneProject, emulatorClient, emulatorClientEnvironment, npmCacheFolder, npmEnvironment, runInClone } from '../lib/tooling';
import { type Summary, summarise } from './bench-support';

export interface PlanBenchResult {
  /** `npm ci` in the fresh clone (not part of the plan's time). */
  readonly npmCiSeconds: number;
  /** The first `npm run plan -- dev` after `npm ci`. */
  readonly firstPlanSeconds: number;
  /** `npm run plan -- dev` again, nothing changed. */
  readonly warmPlanSeconds: Summary;
  /** `npm run plan -- dev` after a one-line edit of main.ts (a tag). */
  readonly editedPlanSeconds: number;
  /**
   * A CI plan job on a fresh runner whose caches are warm (npm's, and the provider executable's
   * restored into CHATOPS_RELEASE_CACHE, as examples/ci/github-actions does): `npm ci` plus the plan.
   */
  readonly cachedRunner: { readonly npmCiSeconds: number; readonly planSeconds: number };
}

const PLAN = ['run', '--silent', 'plan', '--', 'dev'];

export async function runPlanBench(options: { warmRuns?: number; log?: (line: string) => void } = {}): Promise<PlanBenchResult> {
  const log = options.log ?? (() => undefined);
  const work = mkdtempSync(join(tmpdir(), 'oos-plan-bench-'));
  const emulator = await startEmulator();
  try {
    const clone = cloneProject(join(work, 'chatops'));
    await emulatorClient(emulator.url).createSecretParameter('chatops-dev-ops-dingtalk-secret', 'plan-bench-secret', 'plan bench');
    const env = npmEnvironment(
      {
        PATH: process.env.PATH,
        HOME: join(work, 'home'),
        CHECKPOINT_DISABLE: '1',
        ...emulatorClientEnvironment(emulator.url),
        TF_VAR_dev_alerts_wechat_secret: 'plan-bench-wechat',
      },
      npmCacheFolder(),
    );
    const npmIn = async (dir: string, args: readonly string[], expected: readonly number[], extra: NodeJS.ProcessEnv = {}) => {
      const result = await runInClone('npm', args, dir, { ...env, ...extra });
      if (!expected.includes(result.code)) throw new Error(`npm ${args.join(' ')} exited ${result.code} in ${dir}:\n${result.output.slice(-3000)}`);
      return result.seconds;
    };
    const npm = (args: readonly string[], expected: readonly number[]) => npmIn(clone, args, expected);
    const npmCiSeconds = await npm(['ci'], [0]);
    log(`plan bench: npm ci ${npmCiSeconds.toFixed(1)} s`);
    const firstPlanSeconds = await npm(PLAN, [2]);
    log(`plan bench: first npm run plan -- dev ${firstPlanSeconds.toFixed(2)} s`);
    const warm: number[] = [];
    for (let i = 0; i < (options.warmRuns ?? 5); i++) warm.push(await npm(PLAN, [2]));
    log(`plan bench: warm ${warm.map((s) => s.toFixed(2)).join(', ')} s`);
    const main = join(clone, 'main.ts');
    writeFileSync(main, readFileSync(main, 'utf8').replace(`tags: { Team: 'sre' }`, `tags: { Team: 'sre', Bench: 'edited' }`));
    const editedPlanSeconds = await npm(PLAN, [2]);
    log(`plan bench: after an edit of main.ts ${editedPlanSeconds.toFixed(2)} s`);
    // A second runner: the first one's release cache stands for the CI cache restored by the lock file's hash.
    const runner = cloneProject(join(work, 'runner-2'));
    const cache = { [RELEASE_CACHE_VARIABLE]: join(clone, 'dist', 'release', 'cache') };
    const cachedRunner = { npmCiSeconds: await npmIn(runner, ['ci'], [0], cache), planSeconds: await npmIn(runner, PLAN, [2], cache) };
    log(`plan bench: fresh runner with warm caches: npm ci ${cachedRunner.npmCiSeconds.toFixed(1)} s, plan ${cachedRunner.planSeconds.toFixed(2)} s`);
    return { npmCiSeconds, firstPlanSeconds, warmPlanSeconds: summarise(warm), editedPlanSeconds, cachedRunner };
  } finally {
    await emulator.close();
    rmSync(work, { recursive: true, force: true });
  }
}

const PLAN_BENCH = defineCommand({
  name: 'plan-bench',
  invocation: 'node dist/bench/plan-bench.js',
  description: 'Times the way from a commit to a reviewed plan on fresh clones.',
  options: { 'warm-runs': { type: 'number', integer: true, value: 'n', default: 5, description: 'how many warm plans to time' } },
});

if (require.main === module) {
  void runCommand(PLAN_BENCH, async ({ options }) => {
    console.log(JSON.stringify(await runPlanBench({ warmRuns: options['warm-runs'], log: (line) => console.log(line) }), null, 2));
    return 0;
  });
}
