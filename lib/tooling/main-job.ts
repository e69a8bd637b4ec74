/**
 * The main job (`npm start`): deploys the `dev` environment to a local OOS emulator with the
 * real terraform binary and prints the webhook URLs of its chat configurations.
 *
 * Everything persistent lives under `.chatops/` (emulator data, Terraform state, dev's throwaway
 * secrets and the CLI config), so a second run finds nothing to change. The provider is the
 * release executable, laid into the stack's folder with the committed lock as for every command.
 */
import * as fs from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DEFAULT_EMULATOR_CREDENTIAL, startEmulator } from '../emulator';
import { OosClient, isNotFound } from '../oos';
import { SecretRedactor } from '../oos/redaction';
import type { ResourceChange } from '../pipeline';
import { devSecret, devSecretsFile } from './dev-secrets';
import { emulatorClient, emulatorClientEnvironment } from './emulator-client';
import { initStack, layOutReleaseProvider, stackWorkspace } from './synthesized-stack';
import { readSynthesizedConfig } from './synthesized-config';

/**
 * The app the main job deploys: main.ts's buildApp, passed in by the command (lib/ never imports
 * the app). `Stacks` is what `customize` receives.
 */
export type MainJobApp<Stacks> = (options: { outdir: string; localDir: string; customize?: (stacks: Stacks) => void }) => { app: { synth(): void } };

/** Options of runMainJob; tests point the folders at temp dirs. */
export interface MainJobOptions<Stacks> {
  /** Folder of persistent local data: emulator data, state, dev secrets. @default <cwd>/.chatops */
  readonly localDir?: string;
  /** Where the app is synthesised. @default <cwd>/cdktf.out */
  readonly outdir?: string;
  /** What terraform does: apply, plan only (returns the planned changes) or destroy. @default 'apply' */
  readonly mode?: 'apply' | 'plan' | 'destroy';
  /** Changes to the app before synthesis (see main.ts buildApp). @default none */
  readonly customize?: (stacks: Stacks) => void;
  /** Receives every progress line. @default writes to stdout */
  readonly log?: (line: string) => void;
  /** The terraform binary. @default TERRAFORM_BINARY, else `terraform` on PATH */
  readonly terraform?: string;
}

export interface MainJobResult {
  /** Webhook URL of every chat configuration, by name (after apply; empty after destroy). */
  readonly webhookUrls: Record<string, string>;
  /** The planned resource changes (mode 'plan' only). */
  readonly plannedChanges?: readonly ResourceChange[];
}

const STACK = 'dev';
const STEPS = 6;

/** The main job: see the header. */
export async function runMainJob<Stacks>(buildApp: MainJobApp<Stacks>, options: MainJobOptions<Stacks> = {}): Promise<MainJobResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const localDir = resolve(options.localDir ?? join(process.cwd(), '.chatops'));
  const outdir = resolve(options.outdir ?? join(process.cwd(), 'cdktf.out'));
  const mode = options.mode ?? 'apply';
  const secrets = new SecretRedactor();
  const step = (n: number, text: string) => log(`[${n}/${STEPS}] ${text}`);
  fs.mkdirSync(localDir, { recursive: true });

  step(1, 'starting the OOS emulator');
  const dataFile = join(localDir, 'emulator-data.json');
  const emulator = await startEmulator({ dataFile, credentials: [DEFAULT_EMULATOR_CREDENTIAL] });
  try {
    log(`      listening on ${emulator.url}, data in ${shown(dataFile)}`);

    step(2, `synthesising the cdktf app into ${shown(outdir)}, with the provider's release executable`);
    buildApp({ outdir, localDir, customize: options.customize }).app.synth();
    const { locked, archive } = await layOutReleaseProvider(outdir);
    if (!locked)
      log(`      WARNING: the provider built from this checkout (${archive.h1}) is not in .terraform.lock.hcl: terraform init will refuse it (npm run lock)`);
    const stackDir = join(outdir, 'stacks', STACK);
    const config = readSynthesizedConfig(join(stackDir, 'cdk.tf.json'));
    for (const [name, type] of Object.entries(config.configurations)) log(`      ${name} (${type})`);

    step(3, `seeding the secrets ${STACK} uses`);
    const client = emulatorClient(emulator.url, { regionId: config.region });
    const secretsFile = shown(devSecretsFile(localDir));
    const secret = (name: string) => {
      const value = devSecret(localDir, name);
      secrets.remember(value);
      return value;
    };
    for (const parameter of config.secretParameters) {
      const created = await ensureSecretParameter(client, parameter, () => secret(parameter));
      log(`      secret parameter ${parameter}: ${created ? `created with the value in ${secretsFile}` : 'already there'}`);
    }
    const variables: Record<string, string> = {};
    for (const variable of config.secretVariables) {
      variables[`TF_VAR_${variable}`] = secret(variable);
      log(`      ephemeral variable ${variable}: TF_VAR_${variable} from ${secretsFile}`);
    }

    secrets.remember(DEFAULT_EMULATOR_CREDENTIAL.accessKeySecret);
    const terraform = stackWorkspace(stackDir, localDir, {
      env: { ...emulatorClientEnvironment(emulator.url, { regionId: config.region }), ...variables },
      binary: options.terraform,
      onLine: (line) => log(`      terraform │ ${secrets.redact(line)}`),
    });

    step(4, 'the provider: the release executable in the stack folder, checked against the committed lock');
    log(`      ${archive.platform} ${archive.h1}`);
    step(5, 'terraform init');
    await initStack(terraform, (line) => log(`      ${line}`));

    if (mode === 'plan') {
      step(6, 'terraform plan');
      const planFile = join(stackDir, 'main-job.tfplan');
      await terraform.planExitCode([`-out=${planFile}`]);
      const plan = await terraform.showPlan(planFile);
      fs.rmSync(planFile, { force: true });
      return { webhookUrls: {}, plannedChanges: plan.resourceChanges };
    }
    if (mode === 'destroy') {
      step(6, 'terraform destroy');
      await terraform.expect(['destroy', '-auto-approve', '-input=false', '-no-color']);
      log(`The chat configurations of ${STACK} are destroyed.`);
      return { webhookUrls: {} };
    }

    step(6, 'terraform apply');
    await terraform.apply();
    const outputs = await terraform.outputs();
    const webhookUrls = (outputs.webhook_urls?.value ?? {}) as Record<string, string>;
    log('');
    log(`Chat configurations of ${STACK} (OOS emulator at ${emulator.url}):`);
    const width = Math.max(4, ...Object.keys(webhookUrls).map((n) => n.length));
    for (const [name, url] of Object.entries(webhookUrls)) {
      log(`  ${name.padEnd(width)}  ${(config.configurations[name] ?? '').padEnd(8)}  ${url}`);
    }
    return { webhookUrls };
  } finally {
    await emulator.close();
  }
}

/** Creates the parameter unless it exists (a second run must not bump its version); true if created. */
async function ensureSecretParameter(client: OosClient, name: string, value: () => string): Promise<boolean> {
  try {
    await client.getSecretParameter(name);
    return false;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  await client.createSecretParameter(name, value(), 'Seeded by npm start for the local OOS emulator');
  return true;
}

/** `file` relative to the working directory when it is inside it, for shorter log lines. */
function shown(file: string): string {
  const inside = relative(process.cwd(), file);
  return inside.startsWith('..') ? file : inside;
}
