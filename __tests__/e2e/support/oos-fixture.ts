import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmulatorOptions, RunningEmulator, startEmulator } from '../../../lib/emulator';
import { OosClient } from '../../../lib/oos';
import { TerraformWorkspace, emulatorClient, emulatorClientEnvironment, oosProviderConfig } from '../../../lib/tooling';

/** An emulator with a data file, an out-of-band OOS client, and a Terraform workspace pointed at it. */
export interface OosFixture {
  readonly emulator: RunningEmulator;
  /** Talks to the emulator directly, like a colleague using the console. */
  readonly client: OosClient;
  readonly workspace: TerraformWorkspace;
  /** The emulator's persisted data (the "cloud side"), where stored secrets can be checked. */
  readonly cloudData: () => string;
  readonly dispose: () => Promise<void>;
}

/**
 * `env` is added to every terraform command, e.g. TF_VAR_ values of ephemeral variables;
 * `emulatorOptions` choose e.g. the strict profile.
 */
export async function startOosFixture(env: NodeJS.ProcessEnv = {}, emulatorOptions: Omit<EmulatorOptions, 'dataFile'> = {}): Promise<OosFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'oos-emulator-'));
  const dataFile = join(dataDir, 'oos.json');
  const emulator = await startEmulator({ ...emulatorOptions, dataFile });
  const workspace = await TerraformWorkspace.temporary({ env: { ...emulatorClientEnvironment(emulator.url), ...env } });
  return {
    emulator,
    client: emulatorClient(emulator.url),
    workspace,
    cloudData: () => readFileSync(dataFile, 'utf8'),
    dispose: async () => {
      workspace.dispose();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fixture whose workspace already declares the oos provider and has run `terraform init`. */
export async function startInitializedOosFixture(env: NodeJS.ProcessEnv = {}): Promise<OosFixture> {
  const fixture = await startOosFixture(env);
  fixture.workspace.writeConfig(oosProviderConfig());
  await fixture.workspace.init();
  return fixture;
}
