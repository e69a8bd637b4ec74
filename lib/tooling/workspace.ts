/**
 * A Terraform working directory with this package's provider in its implied local mirror
 * (`terraform.d/plugins`), so `terraform init` never asks a registry for it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROVIDER_SOURCE, PROVIDER_TYPE } from '../domain';
import { type PlanView, parsePlan } from '../pipeline';
import { layOutProviderForWorkingDirectory } from '../release';
import { type BundledProviderPackage, installDevelopmentProvider } from './development-provider';
import { releaseProvider } from './release-provider';
import { type TerraformResult, expectTerraform, runTerraform, terraformCliEnvironment } from './terraform-cli';

export interface TerraformWorkspaceOptions {
  /** Added to terraform's environment (see terraformCliEnvironment), e.g. emulatorClientEnvironment(url) and TF_VAR_ values. */
  readonly env?: NodeJS.ProcessEnv;
  /** @default TERRAFORM_BINARY, else `terraform` on PATH */
  readonly binary?: string;
  /** Receives every output line of every command as it arrives. @default output is only collected */
  readonly onLine?: (line: string) => void;
}

/** Terraform's JSON view of the state (`terraform show -json`), the parts used here. */
export interface StateJson {
  values?: { root_module: { resources?: { address: string; type: string; mode: string; values: Record<string, unknown> }[] } };
}

/** Every command runs the real terraform binary (or TERRAFORM_BINARY) in `dir`. */
export class TerraformWorkspace {
  /**
   * A new temporary folder set up as users get the provider: the release archive of this checkout
   * in its `terraform.d/plugins` and the committed lock file, which `terraform init` checks it
   * against; dispose() removes the folder. `provider` puts a development provider (a test or
   * benchmark provider run from a bundle) there instead.
   */
  static async temporary(options: TerraformWorkspaceOptions & { provider?: BundledProviderPackage; prefix?: string } = {}): Promise<TerraformWorkspace> {
    const dir = mkdtempSync(join(tmpdir(), options.prefix ?? 'oos-tf-'));
    if (options.provider) installDevelopmentProvider(join(dir, 'terraform.d', 'plugins'), options.provider);
    else layOutProviderForWorkingDirectory(dir, (await releaseProvider()).archive);
    const cliConfig = join(dir, 'terraform.rc');
    writeFileSync(cliConfig, 'disable_checkpoint = true\n');
    return new TerraformWorkspace(dir, cliConfig, options, true);
  }

  /** The environment of every command (before per-command additions). */
  readonly env: NodeJS.ProcessEnv;

  /** `dir` holds the configuration, `cliConfig` is the Terraform CLI configuration every command gets (TF_CLI_CONFIG_FILE). */
  constructor(
    readonly dir: string,
    readonly cliConfig: string,
    private readonly options: TerraformWorkspaceOptions = {},
    private readonly temporary = false,
  ) {
    this.env = terraformCliEnvironment(cliConfig, options.env);
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

  /** Runs `terraform <args>`; never rejects on a non-zero exit, so tests can assert exit codes. */
  run(args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<TerraformResult> {
    return runTerraform(args, this.runOptions(extraEnv));
  }

  /** Runs terraform and rejects with its output when the exit code is not the expected one (or one of them). */
  expect(args: readonly string[], expected: number | readonly number[] = 0, extraEnv: NodeJS.ProcessEnv = {}): Promise<TerraformResult> {
    return expectTerraform(args, { ...this.runOptions(extraEnv), okCodes: typeof expected === 'number' ? [expected] : expected });
  }

  async init(extraArgs: readonly string[] = []): Promise<TerraformResult> {
    return this.expect(['init', '-input=false', '-no-color', ...extraArgs]);
  }

  async apply(extraArgs: readonly string[] = []): Promise<TerraformResult> {
    return this.expect(['apply', '-auto-approve', '-input=false', '-no-color', ...extraArgs]);
  }

  /** Plans into a file and returns the plan as lib/pipeline reads it (from `terraform show -json`). */
  async planView(extraArgs: readonly string[] = []): Promise<PlanView> {
    await this.expect(['plan', '-input=false', '-no-color', '-out=plan.tfplan', ...extraArgs]);
    return this.showPlan('plan.tfplan');
  }

  /** `terraform plan -detailed-exitcode`: 0 no changes, 2 changes; rejects on 1 (an error). */
  async planExitCode(extraArgs: readonly string[] = []): Promise<TerraformResult> {
    return this.expect(['plan', '-input=false', '-no-color', '-detailed-exitcode', ...extraArgs], [0, 2]);
  }

  /** `terraform show -json <planFile>`: a saved plan, as lib/pipeline reads it. */
  async showPlan(planFile: string): Promise<PlanView> {
    return parsePlan(await this.capture(['show', '-json', planFile]), planFile);
  }

  /** `terraform show -json`: the state. */
  async state(): Promise<StateJson> {
    return JSON.parse(await this.capture(['show', '-json'])) as StateJson;
  }

  /** The root module's outputs, by name. */
  async outputs(): Promise<Record<string, { value: unknown; sensitive?: boolean }>> {
    return JSON.parse(await this.capture(['output', '-json'])) as Record<string, { value: unknown; sensitive?: boolean }>;
  }

  /** Removes the folder if this workspace made it. */
  dispose(): void {
    if (this.temporary) rmSync(this.dir, { recursive: true, force: true });
  }

  /** The stdout of a command that prints JSON, which is data rather than lines to show. */
  private async capture(args: readonly string[]): Promise<string> {
    return (await expectTerraform(args, { ...this.runOptions({}), onLine: undefined })).stdout;
  }

  private runOptions(extraEnv: NodeJS.ProcessEnv) {
    return { cwd: this.dir, env: { ...this.env, ...extraEnv }, binary: this.options.binary, onLine: this.options.onLine };
  }
}

/** A `required_providers` entry and a provider block for the oos provider, as .tf.json. */
export function oosProviderConfig(settings: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    terraform: { required_providers: { [PROVIDER_TYPE]: { source: PROVIDER_SOURCE } } },
    provider: { [PROVIDER_TYPE]: [{ ...settings }] },
  };
}
