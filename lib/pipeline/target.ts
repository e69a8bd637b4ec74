/**
 * What a plan's stack talks to, read from the plan itself (the provider block's literal settings)
 * and the environment that filled in the rest: region, endpoint and, when a role is assumed, the
 * account. A reviewer sees which OOS the change lands in before approving it.
 */
import { ENDPOINT_ENV_VAR, PROVIDER_SOURCE, PROVIDER_TYPE, REGION_ENV_VARS } from '../domain';
import { code } from './markdown';
import type { PlanView } from './plan';

/** One setting and where its value came from. */
export interface TargetSetting {
  readonly value: string;
  /** `configuration`, an environment variable's name, or `default`. */
  readonly source: string;
}

export interface PlanTarget {
  readonly region?: TargetSetting;
  readonly endpoint: TargetSetting;
  /** From assume_role.role_arn (`acs:ram::<account>:role/<name>`); otherwise the credentials decide. */
  readonly account?: TargetSetting & { readonly role: string };
  /** A named credentials profile, when the provider block sets one. */
  readonly profile?: string;
}

const ROLE_ARN = /^acs:ram::(\d+):role\/(.+)$/;

/** The target of the oos provider block of `plan`; `env` is the environment terraform ran with. */
export function planTarget(plan: PlanView, env: NodeJS.ProcessEnv = process.env): PlanTarget {
  const provider = [...plan.providers.values()].find((candidate) => candidate.fullName === PROVIDER_SOURCE || candidate.name === PROVIDER_TYPE);
  const literal = (key: string) => {
    const value = provider?.constants.get(key);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const fromEnv = (names: readonly string[]) => names.map((name) => ({ name, value: env[name]?.trim() })).find((entry) => entry.value);
  const regionVariable = fromEnv(REGION_ENV_VARS);
  const region = literal('region')
    ? { value: literal('region') as string, source: 'configuration' }
    : regionVariable && { value: regionVariable.value as string, source: regionVariable.name };
  const endpointVariable = fromEnv([ENDPOINT_ENV_VAR]);
  const endpoint = literal('endpoint')
    ? { value: literal('endpoint') as string, source: 'configuration' }
    : endpointVariable
      ? { value: endpointVariable.value as string, source: endpointVariable.name }
      : { value: region ? `oos.${region.value}.aliyuncs.com` : 'oos.<region>.aliyuncs.com', source: 'default' };
  const arn = ROLE_ARN.exec(literal('assume_role.role_arn') ?? '');
  return {
    region,
    endpoint,
    account: arn ? { value: arn[1], role: arn[2], source: 'configuration' } : undefined,
    profile: literal('profile'),
  };
}

/** One Markdown line: "region `cn-hangzhou`, endpoint `…` (ALIBABA_CLOUD_OOS_ENDPOINT), account `…` (role `…`)". */
export function describeTarget(target: PlanTarget): string {
  const from = (setting: TargetSetting) => (setting.source === 'configuration' ? '' : ` (${setting.source})`);
  const parts = [
    target.region ? `region ${code(target.region.value)}${from(target.region)}` : 'region not set',
    `endpoint ${code(target.endpoint.value)}${from(target.endpoint)}`,
    target.account
      ? `account ${code(target.account.value)} (role ${code(target.account.role)})`
      : `the account of ${target.profile ? `profile ${code(target.profile)}` : "the runner's credentials"}`,
  ];
  return parts.join(', ');
}
