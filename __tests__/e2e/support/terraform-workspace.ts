import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installFilesystemMirror, writeTerraformCliConfig } from '../../../lib/provider/packaging/local-mirror';

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A throwaway Terraform working directory wired to this package's provider (through the implied
 * `terraform.d/plugins` mirror) and to an OOS endpoint. Every command runs the real terraform binary.
 */
export class TerraformWorkspace {
  readonly dir: string;
  private readonly env: NodeJS.ProcessEnv;

  /** `oosEnvironment`: how the provider reaches OOS, e.g. emulatorClientEnvironment(url). */
  constructor(options: { oosEnvironment: NodeJS.ProcessEnv; extraEnv?: NodeJS.ProcessEnv }) {
    this.dir = mkdtempSync(join(tmpdir(), 'oos-tf-'));
    const pluginsDir = join(this.dir, 'terraform.d', 'plugins');
    installFilesystemMirror(pluginsDir);
    const cliConfig = join(this.dir, 'terraform.rc');
    writeTerraformCliConfig(cliConfig, pluginsDir);
    this.env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_CLI_CONFIG_FILE: cliConfig,
      ...options.oosEnvironment,
      ...options.extraEnv,
    };
  }

  /** Writes main.tf.json (the same JSON syntax cdktf synthesises). */
  writeConfig(config: object): void {
    writeFileSync(join(this.dir, 'main.tf.json'), JSON.stringify(config, null, 2));
  }

  writeFile(name: string, content: string): void {
    writeFileSync(join(this.dir, name), content);
  }

  readFile(name: string): string {
    return readFileSync(join(this.dir, name), 'utf8');
  }

  exists(name: string): boolean {
    return existsSync(join(this.dir, name));
  }

  /** Runs `terraform <args>`; never throws on a non-zero exit, so tests can assert exit codes. */
  run(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
    return new Promise((resolve, reject) => {
      const child = spawn('terraform', args, { cwd: this.dir, env: { ...this.env, ...extraEnv } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
  }

  /** Runs terraform and fails with its whole output when the exit code is not the expected one. */
  async expect(args: string[], expectedCode = 0, extraEnv: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
    const result = await this.run(args, extraEnv);
    if (result.code !== expectedCode) {
      throw new Error(
        `terraform ${args.join(' ')} exited ${result.code}, expected ${expectedCode}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
      );
    }
    return result;
  }

  async init(): Promise<void> {
    await this.expect(['init', '-input=false', '-no-color']);
  }

  async apply(extraArgs: string[] = []): Promise<CommandResult> {
    return this.expect(['apply', '-auto-approve', '-input=false', '-no-color', ...extraArgs]);
  }

  /** Plans into a file and returns Terraform's JSON view of it. */
  async planJson(extraArgs: string[] = []): Promise<PlanJson> {
    await this.expect(['plan', '-input=false', '-no-color', '-out=plan.tfplan', ...extraArgs], 0);
    const shown = await this.expect(['show', '-json', 'plan.tfplan']);
    return JSON.parse(shown.stdout) as PlanJson;
  }

  /** `terraform plan -detailed-exitcode`: 0 no changes, 2 changes. */
  async planExitCode(extraArgs: string[] = []): Promise<CommandResult> {
    const result = await this.run(['plan', '-input=false', '-no-color', '-detailed-exitcode', ...extraArgs]);
    if (result.code === 1) throw new Error(`terraform plan failed\n${result.stdout}\n${result.stderr}`);
    return result;
  }

  async state(): Promise<StateJson> {
    const shown = await this.expect(['show', '-json']);
    return JSON.parse(shown.stdout) as StateJson;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface PlanJson {
  resource_changes?: {
    address: string;
    type: string;
    change: { actions: string[]; before: Record<string, unknown> | null; after: Record<string, unknown> | null; after_unknown?: Record<string, unknown> };
  }[];
}

export interface StateJson {
  values?: { root_module: { resources?: { address: string; type: string; mode: string; values: Record<string, unknown> }[] } };
}

/** The actions Terraform planned for one resource address, e.g. ["update"] or ["delete","create"]. */
export function actionsFor(plan: PlanJson, address: string): string[] {
  const change = plan.resource_changes?.find((candidate) => candidate.address === address);
  return change ? change.change.actions : [];
}

/** The values of one resource (or data source) in `terraform show -json`. */
export function valuesOf(state: StateJson, address: string): Record<string, unknown> {
  const resource = state.values?.root_module.resources?.find((candidate) => candidate.address === address);
  if (!resource) throw new Error(`${address} is not in state`);
  return resource.values;
}

/** A provider block and required_providers for the oos provider, as .tf.json. */
export function providerConfig(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    terraform: { required_providers: { oos: { source: 'oos-chatops.local/chatops/oos' } } },
    provider: { oos: [{ ...extra }] },
  };
}
