import { spawnSync } from 'node:child_process';

export interface RunOptions {
  readonly input?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

/** Runs a tool to completion; a failure names the tool, its exit and what it printed on stderr. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): string {
  const result = spawnSync(command, args, {
    input: options.input,
    env: options.env ?? process.env,
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // npm is a .cmd script on Windows, which only a shell starts.
    shell: process.platform === 'win32' && command === 'npm',
  });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(missing ? `${command} is not installed or not on PATH` : `${command}: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(`${command} ${args[0] ?? ''} failed (exit ${result.status ?? result.signal}): ${result.stderr.trim() || result.stdout.trim()}`);
  }
  return result.stdout;
}

/** Whether a tool answers on PATH (e.g. codesign, which only macOS has). */
export function isAvailable(command: string, probeArgs: readonly string[] = ['--version']): boolean {
  const result = spawnSync(command, probeArgs, { stdio: 'ignore' });
  return !result.error;
}
