/**
 * Apply of 300 chat configurations against the emulator, next to the same apply with 300
 * `terraform_data` resources (Terraform's own floor), in one run. Prints both and their ratio.
 */
import { startEmulator } from '../lib/emulator';
import { TerraformWorkspace, emulatorClientEnvironment, oosProviderConfig } from '../lib/tooling';

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

/** A temporary workspace with `config`, initialised, ready for the timed apply. */
async function initialisedWorkspace(config: object, env: NodeJS.ProcessEnv = {}): Promise<TerraformWorkspace> {
  const workspace = TerraformWorkspace.temporary({ env, prefix: 'oos-apply-bench-' });
  workspace.writeConfig(config);
  await workspace.init();
  return workspace;
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
  const floor = await initialisedWorkspace(terraformData(chatArguments));
  const minimalFloor = await initialisedWorkspace(terraformData((i) => ({ name: `bot-${i}`, type: 'DingTalk' })));
  const chat = await initialisedWorkspace(
    {
      ...oosProviderConfig(),
      resource: {
        oos_chat_configuration: Object.fromEntries(Array.from({ length: count }, (_, i) => [`r${i}`, chatArguments(i)])),
      },
    },
    emulatorClientEnvironment(emulator.url),
  );
  try {
    const minimalTerraformDataSeconds = (await minimalFloor.apply()).seconds;
    const terraformDataSeconds = (await floor.apply()).seconds;
    const chatConfigurationSeconds = (await chat.apply()).seconds;
    return { terraformDataSeconds, minimalTerraformDataSeconds, chatConfigurationSeconds, ratio: chatConfigurationSeconds / terraformDataSeconds };
  } finally {
    await emulator.close();
    for (const workspace of [floor, minimalFloor, chat]) workspace.dispose();
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
