/**
 * Provider start-up: from spawning the bundled provider (as Terraform does, with the magic cookie,
 * protocol versions and a client certificate) to its handshake line on stdout. Terraform starts
 * the provider about four times per apply, so this is paid repeatedly. Target: median <= 120 ms.
 *
 *   node dist/bench/provider-startup-bench.js [entry.js | entry.ts] [--runs N]
 *
 * Default: this checkout's release executable for this machine (what terraform installs). A .js
 * entry is run with this Node; a .ts entry (e.g. the echo test provider) is bundled to a temp file first.
 */
import { defineCommand, runCommand } from '../lib/command-line';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSelfSignedCertificate } from '../lib/tfplugin';
import { providerLaunchEnvironment, releaseProvider } from '../lib/tooling';
const RUNS = 30;
const WARM_UP_RUNS = 2;

export interface StartupBenchResult {
  readonly medianMs: number;
  readonly p90Ms: number;
}

const bundler = (): typeof import('../lib/release/development-bundle') => require('../lib/release/development-bundle');

/** What to start: by default the release executable users install; a bundle as given; a .ts entry bundled first. */
async function providerBundle(entry?: string): Promise<string> {
  if (!entry) return (await releaseProvider()).executable;
  const absolute = resolve(entry);
  if (!absolute.endsWith('.ts')) return absolute;
  return bundler().bundleProvider({ entry: absolute, outfile: join(mkdtempSync(join(tmpdir(), 'provider-startup-bench-')), 'provider.js') });
}

/** One start: milliseconds from spawn to the handshake line; the process is then stopped. */
function timeOneStart(bundle: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const [program, args] = bundle.endsWith('.js') ? [process.execPath, [bundle]] : [bundle, []];
    const child = spawn(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let elapsed: number | undefined;
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (elapsed === undefined && stdout.includes('\n')) {
        elapsed = Number(process.hrtime.bigint() - started) / 1e6;
        if (!/^1\|6\|unix\|[^|]+\|grpc\|[A-Za-z0-9+/]+\n/.test(stdout)) reject(new Error(`unexpected handshake line: ${stdout}`));
        child.kill('SIGTERM');
      }
    });
    child.on('exit', (code) =>
      elapsed === undefined ? reject(new Error(`provider exited with ${code} before the handshake: ${stderr}`)) : resolvePromise(elapsed),
    );
  });
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

export async function runProviderStartupBench(entry?: string, runs = RUNS): Promise<StartupBenchResult> {
  const bundle = await providerBundle(entry);
  const certificate = generateSelfSignedCertificate();
  const env = providerLaunchEnvironment(certificate.certPem);
  for (let i = 0; i < WARM_UP_RUNS; i++) await timeOneStart(bundle, env);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOneStart(bundle, env));
  times.sort((a, b) => a - b);
  return { medianMs: percentile(times, 0.5), p90Ms: percentile(times, 0.9) };
}

const PROVIDER_STARTUP_BENCH = defineCommand({
  name: 'provider-startup-bench',
  invocation: 'node dist/bench/provider-startup-bench.js',
  description: "Times the provider bundle's start to handshake.",
  positionals: [{ name: 'entry', optional: true, description: 'the provider entry point to bundle (default the oos provider)' }],
  options: { runs: { type: 'number', integer: true, value: 'n', default: RUNS, description: 'how many starts to time' } },
});

if (require.main === module) {
  void runCommand(PROVIDER_STARTUP_BENCH, async ({ options, positionals }) => {
    const result = await runProviderStartupBench(positionals[0], options.runs);
    console.log(`provider start to handshake: median ${result.medianMs.toFixed(1)} ms, p90 ${result.p90Ms.toFixed(1)} ms`);
    return 0;
  });
}
