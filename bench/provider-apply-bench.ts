/**
 * Apply of 300 chat configurations against the emulator, next to the same apply with 300
 * `terraform_data` resources (Terraform's own floor), in one run. Prints both and their ratio.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorClientEnvironment, startEmulator } from '../lib/emulator';
import { installFilesystemMirror, writeTerraformCliConfig } from '../lib/provider/packaging/local-mirror';

const RESOURCE_COUNT = 300;

export interface ApplyBenchResult {
  /** 300 terraform_data resources whose input holds the same arguments as the chat configurations. */
  readonly terraformDataSeconds: number;
  /** 300 terraform_data resources with a two-field input: Terraform at its cheapest. */
  readonly minimalTerraformDataSeconds: number;
  readonly chatConfigurationSeconds: number;
  /** chatConfigurationSeconds / terraformDataSeconds: the target is at most 1.5. */
  readonly ratio: number;
}

function timedTerraform(dir: string, env: NodeJS.ProcessEnv, args: string[]): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn('terraform', args, { cwd: dir, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Number(process.hrtime.bigint() - started) / 1e9);
      else reject(new Error(`terraform ${args.join(' ')} failed:\n${output.slice(-4000)}`));
    });
  });
}

async function workspace(config: object, env: NodeJS.ProcessEnv): Promise<{ dir: string; env: NodeJS.ProcessEnv }> {
  const dir = mkdtempSync(join(tmpdir(), 'oos-apply-bench-'));
  const plugins = join(dir, 'terraform.d', 'plugins');
  installFilesystemMirror(plugins);
  writeTerraformCliConfig(join(dir, 'terraform.rc'), plugins);
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config));
  const fullEnv = { ...process.env, ...env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: join(dir, 'terraform.rc') };
  await timedTerraform(dir, fullEnv, ['init', '-input=false', '-no-color']);
  return { dir, env: fullEnv };
}

export async function runProviderApplyBench(count = RESOURCE_COUNT): Promise<ApplyBenchResult> {
  const emulator = await startEmulator();
  const chatArguments = (i: number) => ({
    name: `bot-${i}`,
    type: 'DingTalk',
    ram_role: 'AliyunOOSDefaultRole',
    template_id: 'tpl',
    client_id: `cid-${i}`,
    tags: { Team: 'bench' },
  });
  const terraformData = (input: (i: number) => object) => ({
    resource: { terraform_data: Object.fromEntries(Array.from({ length: count }, (_, i) => [`r${i}`, { input: input(i) }])) },
  });
  // The same apply in Terraform's own resource: the same 300 argument sets, no provider process.
  const floor = await workspace(terraformData(chatArguments), {});
  const minimalFloor = await workspace(
    terraformData((i) => ({ name: `bot-${i}`, type: 'DingTalk' })),
    {},
  );
  const chat = await workspace(
    {
      terraform: { required_providers: { oos: { source: 'oos-chatops.local/chatops/oos' } } },
      provider: { oos: [{}] },
      resource: {
        oos_chat_configuration: Object.fromEntries(Array.from({ length: count }, (_, i) => [`r${i}`, chatArguments(i)])),
      },
    },
    emulatorClientEnvironment(emulator.url),
  );
  try {
    const applyArgs = ['apply', '-auto-approve', '-input=false', '-no-color'];
    const minimalTerraformDataSeconds = await timedTerraform(minimalFloor.dir, minimalFloor.env, applyArgs);
    const terraformDataSeconds = await timedTerraform(floor.dir, floor.env, applyArgs);
    const chatConfigurationSeconds = await timedTerraform(chat.dir, chat.env, applyArgs);
    return { terraformDataSeconds, minimalTerraformDataSeconds, chatConfigurationSeconds, ratio: chatConfigurationSeconds / terraformDataSeconds };
  } finally {
    await emulator.close();
    rmSync(floor.dir, { recursive: true, force: true });
    rmSync(minimalFloor.dir, { recursive: true, force: true });
    rmSync(chat.dir, { recursive: true, force: true });
  }
}

export function describeApplyBench(result: ApplyBenchResult): string {
  return (
    `apply of ${RESOURCE_COUNT}: oos_chat_configuration ${result.chatConfigurationSeconds.toFixed(2)} s; ` +
    `terraform_data with the same arguments ${result.terraformDataSeconds.toFixed(2)} s (ratio ${result.ratio.toFixed(2)}, target <= 1.5); ` +
    `terraform_data with a two-field input ${result.minimalTerraformDataSeconds.toFixed(2)} s ` +
    `(ratio ${(result.chatConfigurationSeconds / result.minimalTerraformDataSeconds).toFixed(2)})`
  );
}

if (require.main === module) {
  runProviderApplyBench().then(
    (result) => {
      console.log(describeApplyBench(result));
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
