/**
 * Facts about Alibaba Cloud that every layer agrees on: the OOS API version, what a region id
 * looks like, which hosts count as this machine, and how credential settings combine.
 */
import { isIP } from 'node:net';

/** The OOS OpenAPI version this project speaks (and the emulator serves). */
export const OOS_API_VERSION = '2019-06-01';

/** Environment variables that give the region, in order of precedence. */
export const REGION_ENV_VARS = ['ALIBABA_CLOUD_REGION_ID', 'ALIBABA_CLOUD_REGION'] as const;

/** Environment variable that overrides the OOS endpoint, e.g. a local emulator's URL. */
export const ENDPOINT_ENV_VAR = 'ALIBABA_CLOUD_OOS_ENDPOINT';

const REGION_PATTERN = /^[a-z]{2,}(-[a-z0-9]+)+$/;

/** What is wrong with a region id (undefined when it looks like cn-hangzhou or ap-southeast-1). */
export function regionProblem(region: string): string | undefined {
  if (REGION_PATTERN.test(region)) return undefined;
  return `"${region}" is not a region id: use one like cn-hangzhou or ap-southeast-1.`;
}

/**
 * True for localhost (and *.localhost), 127.0.0.0/8 and ::1, with or without IPv6 brackets:
 * the only hosts plain HTTP may go to, and the only ones the emulator listens on.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

/** Credential settings as the provider block spells them. */
export interface CredentialFields {
  readonly access_key?: string;
  readonly secret_key?: string;
  readonly security_token?: string;
  readonly profile?: string;
}

/** A problem with one setting: the field to fix and how. */
export interface SettingProblem {
  readonly field: string;
  readonly problem: string;
}

/** How explicit credential settings may combine; each problem names the setting to fix. */
export function credentialProblems(settings: CredentialFields): SettingProblem[] {
  const { access_key, secret_key, security_token, profile } = settings;
  const problems: SettingProblem[] = [];
  if (access_key && !secret_key) {
    problems.push({ field: 'secret_key', problem: 'access_key is set but secret_key is not: set both, or neither to use the default credential chain' });
  }
  if (secret_key && !access_key) {
    problems.push({ field: 'access_key', problem: 'secret_key is set but access_key is not: set both, or neither to use the default credential chain' });
  }
  if (security_token && !access_key) {
    problems.push({
      field: 'security_token',
      problem: 'security_token is set without access_key and secret_key: an STS token needs the temporary AccessKey pair it was issued with',
    });
  }
  if (profile !== undefined && access_key) problems.push({ field: 'profile', problem: 'both profile and access_key are set: use one of them' });
  if (profile !== undefined && profile.trim() === '') {
    problems.push({ field: 'profile', problem: 'profile is empty: set a profile name or remove the argument' });
  }
  return problems;
}

const ROLE_ARN_PATTERN = /^acs:ram::\d+:role\/[^/\s]+$/;
/** STS AssumeRole session lengths Alibaba Cloud accepts, in seconds. */
export const SESSION_EXPIRATION_SECONDS = { min: 900, max: 3600 } as const;

/** What is wrong with a RAM role ARN (undefined when it looks like acs:ram::<account>:role/<name>). */
export function roleArnProblem(arn: string): string | undefined {
  if (ROLE_ARN_PATTERN.test(arn)) return undefined;
  return `${JSON.stringify(arn)} is not a RAM role ARN: use acs:ram::<account-id>:role/<role-name>, e.g. acs:ram::1234567890123456:role/OOSAdmin.`;
}

export function sessionExpirationProblem(seconds: number): string | undefined {
  const { min, max } = SESSION_EXPIRATION_SECONDS;
  if (Number.isInteger(seconds) && seconds >= min && seconds <= max) return undefined;
  return `the session must last a whole number of seconds from ${min} to ${max}, got ${seconds}.`;
}

/** The environment variable that points clients at an OOS endpoint, e.g. the local emulator. */
export const OOS_ENDPOINT_ENV_VAR = 'ALIBABA_CLOUD_OOS_ENDPOINT';

/** How to start the emulator and point a deployment at it, for errors that refuse anything else. */
export const START_EMULATOR_HINT = `Start the local emulator with \`npm run emulator\` (or \`npm start\`) and export the ${OOS_ENDPOINT_ENV_VAR}=http://127.0.0.1:<port> line it prints`;

/**
 * What is wrong with the endpoint of an environment that must only reach the local emulator:
 * none at all (the default is real OOS), or a host that is not this machine.
 */
export function emulatorEndpointProblem(endpoint: string | undefined): string | undefined {
  const raw = endpoint?.trim();
  if (!raw)
    return `no endpoint is set (neither the endpoint argument nor ${OOS_ENDPOINT_ENV_VAR}), so it would reach real OOS at oos.<region>.aliyuncs.com. ${START_EMULATOR_HINT}.`;
  let hostname: string;
  try {
    hostname = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`).hostname;
  } catch {
    return `the endpoint ${JSON.stringify(raw)} is not a URL. ${START_EMULATOR_HINT}.`;
  }
  if (isLoopbackHost(hostname)) return undefined;
  return `the endpoint ${JSON.stringify(raw)} is not on this machine (only localhost, 127.0.0.0/8 or ::1 are allowed), so it may be real OOS. ${START_EMULATOR_HINT}.`;
}
