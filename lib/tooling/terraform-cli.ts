/**
 * Running the terraform binary: which binary, the environment it runs in, and its exit code.
 * npm start, the benchmarks and the e2e tests all run terraform through here.
 */
import { spawn } from 'node:child_process';

/** What one terraform command did. */
export interface TerraformResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock time from start to exit. */
  readonly seconds: number;
}

export interface TerraformRunOptions {
  readonly cwd: string;
  /** The whole environment of the command; see terraformCliEnvironment. */
  readonly env: NodeJS.ProcessEnv;
  /** @default terraformBinary() */
  readonly binary?: string;
  /**
   * Receives every output line (stdout and stderr) as it arrives. When set, a failure's error points
   * at these lines instead of repeating the output.
   */
  readonly onLine?: (line: string) => void;
}

/** The terraform to run: the one asked for, else TERRAFORM_BINARY (e.g. an OpenTofu `tofu`), else `terraform` on PATH. */
export function terraformBinary(explicit?: string): string {
  return explicit ?? process.env.TERRAFORM_BINARY ?? 'terraform';
}

/**
 * The environment terraform runs in: the caller's, without Alibaba Cloud credentials or TF_VAR_
 * values (a run meant for the emulator must never reach real OOS with someone's keys) and without a
 * plugin cache, offline and
 * non-interactive, with this project's CLI config; `extra` last.
 */
export function terraformCliEnvironment(cliConfig: string, extra: NodeJS.ProcessEnv = {}, inherited: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  // No plugin cache either (cdktf turns one on in ~/.terraform.d): the provider comes from the
  // working directory's own mirror, and a cache would only keep copies, or links into temp folders.
  const kept = Object.entries(inherited).filter(([key]) => !key.startsWith('ALIBABA_CLOUD_') && !key.startsWith('TF_VAR_') && key !== 'TF_PLUGIN_CACHE_DIR');
  return {
    ...Object.fromEntries(kept),
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    TF_CLI_CONFIG_FILE: cliConfig,
    ...extra,
  };
}

/**
 * Runs `terraform <args>` and resolves with its exit code and output whatever the code; rejects only
 * when the binary cannot be started.
 */
export function runTerraform(args: readonly string[], options: TerraformRunOptions): Promise<TerraformResult> {
  const binary = terraformBinary(options.binary);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (stream: NodeJS.ReadableStream) => {
      const output = { text: '', pending: '' };
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        output.text += chunk;
        if (!options.onLine) return;
        const lines = (output.pending + chunk).split('\n');
        output.pending = lines.pop() ?? '';
        lines.forEach((line) => options.onLine?.(line));
      });
      stream.on('end', () => output.pending && options.onLine?.(output.pending));
      return output;
    };
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    child.on('error', (err) => reject(new Error(`could not run ${binary} ${args[0]}: ${err.message} (is terraform >= 1.11 on PATH? set TERRAFORM_BINARY)`)));
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout: stdout.text, stderr: stderr.text, seconds: Number(process.hrtime.bigint() - started) / 1e9 }),
    );
  });
}

/** Runs terraform and rejects, with its output, when the exit code is not one of `okCodes`. */
export async function expectTerraform(args: readonly string[], options: TerraformRunOptions & { okCodes?: readonly number[] }): Promise<TerraformResult> {
  const okCodes = options.okCodes ?? [0];
  const result = await runTerraform(args, options);
  if (okCodes.includes(result.code)) return result;
  if (options.onLine) throw new Error(`terraform ${args[0]} failed with exit code ${result.code} in ${options.cwd}; see the terraform lines above`);
  throw new Error(
    `terraform ${args.join(' ')} exited ${result.code}, expected ${okCodes.join(' or ')}, in ${options.cwd}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
  );
}
