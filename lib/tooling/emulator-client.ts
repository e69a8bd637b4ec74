/** Pointing clients (terraform with the oos provider, the OOS client, the aliyun CLI) at a running emulator. */
import { DEFAULT_EMULATOR_CREDENTIAL, type EmulatorCredential } from '../emulator';
import { OosClient } from '../oos';

/** Which region and keys a client of the emulator uses. */
export interface EmulatorClientOptions {
  /** @default cn-hangzhou */
  readonly regionId?: string;
  /** @default DEFAULT_EMULATOR_CREDENTIAL */
  readonly credential?: EmulatorCredential;
}

const DEFAULT_REGION_ID = 'cn-hangzhou';

/**
 * The environment a client needs to reach an emulator at `url`: its endpoint, region and keys,
 * with the credential chain's network and profile steps turned off so nothing reaches past the emulator.
 */
export function emulatorClientEnvironment(url: string, options: EmulatorClientOptions = {}): Record<string, string> {
  const credential = options.credential ?? DEFAULT_EMULATOR_CREDENTIAL;
  return {
    ALIBABA_CLOUD_OOS_ENDPOINT: url,
    ALIBABA_CLOUD_REGION_ID: options.regionId ?? DEFAULT_REGION_ID,
    ALIBABA_CLOUD_ACCESS_KEY_ID: credential.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: credential.accessKeySecret,
    ...(credential.securityToken !== undefined ? { ALIBABA_CLOUD_SECURITY_TOKEN: credential.securityToken } : {}),
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
    ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
  };
}

/** An OOS client talking to the emulator at `url` with explicit keys, like a colleague using the console. */
export function emulatorClient(url: string, options: EmulatorClientOptions = {}): OosClient {
  const { accessKeyId, accessKeySecret, securityToken } = options.credential ?? DEFAULT_EMULATOR_CREDENTIAL;
  return new OosClient({ regionId: options.regionId ?? DEFAULT_REGION_ID, endpoint: url, credentials: { accessKeyId, accessKeySecret, securityToken } });
}
