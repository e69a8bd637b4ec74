import { spawn } from 'node:child_process';
import { generateSelfSignedCertificate, pluginEnvironment } from '../tfplugin';
/** What a tfplugin6 provider prints first: core version 1, protocol 6, a unix socket, grpc, its certificate. */
export const HANDSHAKE_LINE = /^1\|6\|unix\|[^|]+\|grpc\|[A-Za-z0-9+/=]+$/;

/** The environment Terraform starts a provider with, and a fresh client certificate in it. */
export function providerEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...pluginEnvironment(generateSelfSignedCertificate().certPem, '6'), ...extra };
}

export interface HandshakeResult {
  /** From spawn to the first full line on stdout. */
  readonly elapsedMs: number;
  readonly line: string;
  /** What the provider wrote on stderr up to its exit. */
  readonly stderr: string;
}

/**
 * Starts a provider as Terraform does, waits for its handshake line, then stops it with SIGTERM
 * and resolves once it has exited (so whatever it writes at exit is written).
 */
export function startUntilHandshake(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { readonly timeoutMs?: number; readonly cwd?: string } = {},
): Promise<HandshakeResult> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let elapsedMs: number | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (elapsedMs === undefined && stdout.includes('\n')) {
        elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
        child.kill('SIGTERM');
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n')[0];
      if (elapsedMs === undefined || !HANDSHAKE_LINE.test(line)) {
        reject(
          new Error(`${command} gave no handshake (exit ${code ?? signal}): stdout ${JSON.stringify(stdout.slice(0, 200))}, stderr ${stderr.slice(0, 2000)}`),
        );
      } else {
        resolve({ elapsedMs, line, stderr });
      }
    });
  });
}

export interface StartupFigures {
  readonly runs: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly minMs: number;
}

/**
 * Start-to-handshake of an executable over `runs` starts, after two unmeasured ones that warm the
 * page cache.
 */
export async function measureStartup(executable: string, runs = 30, args: readonly string[] = [], extraEnv: NodeJS.ProcessEnv = {}): Promise<StartupFigures> {
  const env = providerEnvironment(extraEnv);
  for (let i = 0; i < 2; i++) await startUntilHandshake(executable, args, env);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await startUntilHandshake(executable, args, env)).elapsedMs);
  times.sort((a, b) => a - b);
  const at = (fraction: number): number => times[Math.min(times.length - 1, Math.ceil(fraction * times.length) - 1)];
  return { runs, medianMs: at(0.5), p90Ms: at(0.9), minMs: times[0] };
}
