/**
 * The main job (`npm start`): deploys the `dev` environment to a local OOS emulator with the
 * real terraform binary and prints the webhook URLs of its chat configurations.
 *
 * Everything persistent lives under `.chatops/` (emulator data, Terraform state, dev's throwaway
 * secrets and the CLI config), so a second run finds nothing to change. The provider is the
 * release executable, laid into the stack's folder with the committed lock as for every command.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_EMULATOR_CREDENTIAL, startEmulator } from '../lib/emulator';
import { OosClient, isNotFound } from '../lib/oos';
import { SecretRedactor } from '../lib/oos/redaction';
import { devSecret, devSecretsFile, emulatorClient, emulatorClientEnvironment, initStack, layOutReleaseProvider, stackWorkspace } from '../lib/tooling';
import { BuildOptions, buildApp } from '../main';

/** Options of runMainJob; tests point the folders at temp dirs. */
export interface MainJobOptions {
  /** Folder of persistent local data: emulator data, state, dev secrets. @default <cwd>/.chatops */
  readonly localDir?: string;
  /** Where the app is synthesised. @default <cwd>/cdktf.out */
  readonly outdir?: string;
  /** What terraform does: apply, plan only (returns the planned changes) or destroy. @default 'apply' */
  readonly mode?: 'apply' | 'plan' | 'destroy';
  /** Changes to the app before synthesis (see main.ts buildApp). @default none */
  readonly customize?: BuildOptions['customize'];
  /** Receives every progress line. @default writes to stdout */
  readonly log?: (line: string) => void;
  /** The terraform binary. @default TERRAFORM_BINARY, else `terraform` on PATH */
  readonly terraform?: string;
}

/** One entry of `resource_changes` in `terraform show -json <plan>`. */
export interface PlannedChange {
  readonly address: string;
  readonly actions: string[];
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
}

export interface MainJobResult {
  /** Webhook URL of every chat configuration, by name (after apply; empty after destroy). */
  readonly webhookUrls: Record<string, string>;
  /** The planned resource changes (mode 'plan' only). */
  readonly plannedChanges?: PlannedChange[];
}

const STACK = 'dev';
const STEPS = 6;

export async function runMainJob(options: MainJobOptions = {}): Promise<MainJobResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const localDir = path.resolve(options.localDir ?? path.join(process.cwd(), '.chatops'));
  const outdir = path.resolve(options.outdir ?? path.join(process.cwd(), 'cdktf.out'));
  const mode = options.mode ?? 'apply';
  const secrets = new SecretRedactor();
  const step = (n: number, text: string) => log(`[${n}/${STEPS}] ${text}`);
  fs.mkdirSync(localDir, { recursive: true });

  step(1, 'starting the OOS emulator');
  const dataFile = path.join(localDir, 'emulator-data.json');
  const emulator = await startEmulator({ dataFile, credentials: [DEFAULT_EMULATOR_CREDENTIAL] });
  try {
    log(`      listening on ${emulator.url}, data in ${relative(dataFile)}`);

    step(2, `synthesising the cdktf app into ${relative(outdir)}, with the provider's release executable`);
    const { app, stacks } = buildApp({ outdir, localDir, customize: options.customize });
    app.synth();
    const { locked, archive } = await layOutReleaseProvider(outdir);
    if (!locked)
      log(`      WARNING: the provider built from this checkout (${archive.h1}) is not in .terraform.lock.hcl: terraform init will refuse it (npm run lock)`);
    const stackDir = path.join(outdir, 'stacks', STACK);
    const config = readStackConfig(stackDir);
    const region = stacks[STACK].provider.regionInput ?? 'cn-hangzhou';
    for (const [name, type] of Object.entries(config.configurations)) log(`      ${name} (${type})`);

    step(3, `seeding the secrets ${STACK} uses`);
    const client = emulatorClient(emulator.url, { regionId: region });
    const secretsFile = relative(devSecretsFile(localDir));
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
      env: { ...emulatorClientEnvironment(emulator.url, { regionId: region }), ...variables },
      binary: options.terraform,
      onLine: (line) => log(`      terraform │ ${secrets.redact(line)}`),
    });

    step(4, 'the provider: the release executable in the stack folder, checked against the committed lock');
    log(`      ${archive.platform} ${archive.h1}`);
    step(5, 'terraform init');
    await initStack(terraform, (line) => log(`      ${line}`));

    if (mode === 'plan') {
      step(6, 'terraform plan');
      const planFile = path.join(stackDir, 'main-job.tfplan');
      await terraform.planExitCode([`-out=${planFile}`]);
      const plan = await terraform.showJson(planFile);
      fs.rmSync(planFile, { force: true });
      const plannedChanges = (plan.resource_changes ?? []).map((c) => ({
        address: c.address,
        actions: c.change.actions,
        before: c.change.before,
        after: c.change.after,
      }));
      return { webhookUrls: {}, plannedChanges };
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

/** What the main job needs to know from a synthesised stack. */
interface StackConfig {
  /** Chat configuration name → platform type. */
  readonly configurations: Record<string, string>;
  /** Names of OOS secret parameters the configurations read. */
  readonly secretParameters: string[];
  /** Names of ephemeral or sensitive variables to pass as TF_VAR_<name>. */
  readonly secretVariables: string[];
}

function readStackConfig(stackDir: string): StackConfig {
  const file = path.join(stackDir, 'cdk.tf.json');
  if (!fs.existsSync(file)) throw new Error(`synthesis wrote no ${file}: does main.ts define the "${STACK}" stack?`);
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    resource?: { oos_chat_configuration?: Record<string, { name: string; type: string; client_secret_parameter?: string }> };
    variable?: Record<string, { ephemeral?: boolean; sensitive?: boolean }>;
  };
  const resources = Object.values(json.resource?.oos_chat_configuration ?? {});
  return {
    configurations: Object.fromEntries(resources.map((r) => [r.name, r.type])),
    secretParameters: [...new Set(resources.map((r) => r.client_secret_parameter).filter((p): p is string => typeof p === 'string'))],
    secretVariables: Object.entries(json.variable ?? {})
      .filter(([, v]) => v.ephemeral || v.sensitive)
      .map(([name]) => name),
  };
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

function relative(p: string): string {
  const r = path.relative(process.cwd(), p);
  return r.startsWith('..') ? p : r;
}

if (require.main === module) {
  runMainJob().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`\nnpm start failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
