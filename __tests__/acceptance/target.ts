/**
 * Where the acceptance suite runs: the OOS the usual variables point at (CHATOPS_ACCEPTANCE=1, via
 * `npm run test:acceptance`), or, in `npm test`, an in-process emulator (the strict profile, and
 * the default one), so the suite cannot rot. Only the endpoint and the keys differ.
 */
import { randomBytes } from 'node:crypto';
import { type EmulatorProfile, type RunningEmulator, startEmulator } from '../../lib/emulator';

export type { EmulatorProfile };
import { OosClient } from '../../lib/oos';
import { emulatorClient, emulatorClientEnvironment } from '../../lib/tooling';

export interface AcceptanceTarget {
  /** `cloud`: whatever the usual variables reach; else an in-process emulator of that profile. */
  readonly kind: 'cloud' | `${EmulatorProfile}-emulator`;
  /** The environment terraform (and the provider) gets: region, endpoint, credentials. */
  readonly env: NodeJS.ProcessEnv;
  /** An out-of-band client on the same account and region, like a colleague with the console. */
  readonly client: OosClient;
  /** Names of this run start with it: `acc-<random>-`. */
  readonly prefix: string;
  readonly close: () => Promise<void>;
}

/** The variables a real run takes from the shell: region, endpoint, every credential source. */
function cloudEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key.startsWith('ALIBABA_CLOUD_')));
}

export async function acceptanceTarget(profile: EmulatorProfile, env: NodeJS.ProcessEnv = process.env): Promise<AcceptanceTarget> {
  const prefix = `acc-${randomBytes(4).toString('hex')}-`;
  if (env.CHATOPS_ACCEPTANCE === '1') {
    return { kind: 'cloud', env: cloudEnvironment(env), client: new OosClient({ userAgent: 'chatops-acceptance' }), prefix, close: async () => {} };
  }
  const emulator: RunningEmulator = await startEmulator({ profile });
  return {
    kind: `${profile}-emulator`,
    env: emulatorClientEnvironment(emulator.url),
    client: emulatorClient(emulator.url),
    prefix,
    close: () => emulator.close(),
  };
}
