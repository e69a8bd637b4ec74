import { DEFAULT_EMULATOR_CREDENTIAL, type EmulatorCredential } from './options';

/**
 * The environment a client (terraform with the oos provider, the OOS client, the aliyun CLI)
 * needs to reach an emulator at `url`: its endpoint, region and keys, with the credential chain's
 * network and profile steps turned off so nothing reaches past the emulator.
 */
export function emulatorClientEnvironment(url: string, options: { regionId?: string; credential?: EmulatorCredential } = {}): Record<string, string> {
  const credential = options.credential ?? DEFAULT_EMULATOR_CREDENTIAL;
  return {
    ALIBABA_CLOUD_OOS_ENDPOINT: url,
    ALIBABA_CLOUD_REGION_ID: options.regionId ?? 'cn-hangzhou',
    ALIBABA_CLOUD_ACCESS_KEY_ID: credential.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: credential.accessKeySecret,
    ...(credential.securityToken !== undefined ? { ALIBABA_CLOUD_SECURITY_TOKEN: credential.securityToken } : {}),
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
    ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
  };
}
