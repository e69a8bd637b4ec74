/**
 * What the commands need to know from a synthesised stack (`cdk.tf.json`): its chat
 * configurations, the secrets they read, and its provider's region. One reader, so the resource
 * type and the JSON shape are spelt once for npm start, npm run emulator and the stack commands.
 */
import { readFileSync } from 'node:fs';
import { CHAT_CONFIGURATION_RESOURCE } from '../domain';

/** The parts of cdk.tf.json read here. */
interface StackJson {
  readonly provider?: { readonly oos?: readonly { readonly region?: string }[] };
  readonly resource?: { readonly [CHAT_CONFIGURATION_RESOURCE]?: Readonly<Record<string, { name: string; type: string; client_secret_parameter?: string }>> };
  readonly variable?: Readonly<Record<string, { ephemeral?: boolean; sensitive?: boolean }>>;
}

export interface SynthesizedConfig {
  /** Chat configuration name → platform type. */
  readonly configurations: Readonly<Record<string, string>>;
  /** Names of the OOS secret parameters the configurations read and the stack does not make, each once. */
  readonly secretParameters: readonly string[];
  /** Variables to pass as TF_VAR_<name> because they hold secrets: the ephemeral and the sensitive ones. */
  readonly secretVariables: readonly string[];
  /** The ephemeral variables (Secret.fromVariable makes them): never saved in a plan, so needed at plan and at apply. */
  readonly ephemeralVariables: readonly string[];
  /** The default oos provider block's region, when the stack sets one. */
  readonly region?: string;
}

/** Reads `configFile` (a stack's cdk.tf.json); the error names the file when synthesis wrote none. */
export function readSynthesizedConfig(configFile: string): SynthesizedConfig {
  let json: StackJson;
  try {
    json = JSON.parse(readFileSync(configFile, 'utf8')) as StackJson;
  } catch (error) {
    throw new Error(`cannot read the synthesised stack ${configFile}: ${(error as Error).message}. Does main.ts define this stack, and did synthesis run?`);
  }
  const resources = Object.values(json.resource?.[CHAT_CONFIGURATION_RESOURCE] ?? {});
  const variables = Object.entries(json.variable ?? {});
  return {
    configurations: Object.fromEntries(resources.map((resource) => [resource.name, resource.type])),
    // A reference (`${oos_secret_parameter.x.name}`) names a parameter the stack makes itself: nothing to seed.
    secretParameters: [...new Set(resources.flatMap((resource) => resource.client_secret_parameter ?? []))].filter((name) => !name.includes('${')),
    secretVariables: variables.filter(([, variable]) => variable.ephemeral || variable.sensitive).map(([name]) => name),
    ephemeralVariables: variables.filter(([, variable]) => variable.ephemeral === true).map(([name]) => name),
    region: json.provider?.oos?.[0]?.region,
  };
}
