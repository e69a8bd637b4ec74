import { ModelOf, defineSchema, fromProblem, lengthBetween, numberRule, oneOf } from '../tfplugin';
import { regionProblem, roleArnProblem, sessionExpirationProblem } from '../domain';
import { tagLimits } from './tag-limits';
import { TAGGING_MODES } from './tagging';

/** The most retries `max_retries` accepts. */
const MAX_RETRIES_LIMIT = 20;

function maxRetriesProblem(value: number): string | undefined {
  if (Number.isInteger(value) && value >= 0 && value <= MAX_RETRIES_LIMIT) return undefined;
  return `max_retries must be a whole number from 0 to ${MAX_RETRIES_LIMIT}, got ${value}.`;
}

/** Schema of the `provider "oos"` block. */
export const providerSchema = defineSchema({
  version: 0,
  block: {
    description: 'Alibaba Cloud OOS chat configurations.',
    attributes: {
      region: {
        type: 'string',
        optional: true,
        description: 'Region id, e.g. `cn-hangzhou`. Default: ALIBABA_CLOUD_REGION_ID, then ALIBABA_CLOUD_REGION; required.',
        validators: [fromProblem('A region id such as `cn-hangzhou` or `ap-southeast-1`.', regionProblem)],
      },
      endpoint: {
        type: 'string',
        optional: true,
        description:
          'OOS endpoint override, e.g. `http://127.0.0.1:4566` for the emulator. Plain HTTP is allowed only to loopback. Default: `oos.<region>.aliyuncs.com`, or ALIBABA_CLOUD_OOS_ENDPOINT.',
      },
      access_key: {
        type: 'string',
        optional: true,
        description: 'AccessKey id. Default: the credential chain (environment, OIDC, CLI profile, credentials file, ECS RAM role).',
      },
      secret_key: { type: 'string', optional: true, sensitive: true, description: 'AccessKey secret; required with `access_key`.' },
      security_token: { type: 'string', optional: true, sensitive: true, description: 'STS token for temporary credentials.' },
      profile: { type: 'string', optional: true, description: 'Profile of the Alibaba Cloud CLI config or credentials file.' },
      max_retries: {
        type: 'number',
        optional: true,
        description:
          'At most this many retries of a throttled, unavailable or network-failed call. Default: no cap; calls retry until the operation times out (the resource `timeouts` block), slowing down together while OOS throttles.',
        validators: [numberRule(`A whole number from 0 to ${MAX_RETRIES_LIMIT}.`, maxRetriesProblem)],
      },
      default_tags: {
        type: ['map', 'string'],
        optional: true,
        description: 'Tags added to every chat configuration; resource tags win.',
        validators: [tagLimits],
      },
      tag_resource_type: {
        type: 'string',
        optional: true,
        description: 'ResourceType used with the OOS tag API. Default `chatconfiguration` (not among the types the SDK documents; see `tagging`).',
      },
      tagging: {
        type: 'string',
        optional: true,
        description:
          'Whether tags go to OOS: `auto` asks OOS once per region at plan time (ListTagResources with `tag_resource_type`) and fails a plan that needs tags OOS cannot hold, before anything is created; `on` sends them without asking; `off` keeps `tags` and `tags_all` in Terraform only (a plan warning says so). Default `auto`.',
        validators: [oneOf(...TAGGING_MODES)],
      },
      creation_token: {
        type: 'bool',
        optional: true,
        description:
          'Send a creation token inside the Configuration JSON (key `TerraformCreationToken`, hidden from plans, state and data sources), so a create whose answer was lost or whose apply was killed is recognised as this stack\'s on the next apply. `false` if OOS refuses unknown Configuration keys: such a create then fails with "already exists" and needs an import. Default `true`.',
      },
      owner: {
        type: 'string',
        optional: true,
        description:
          'Who creates through this provider block, the same on every runner of one stack, e.g. `<app>/<stack>` (ChatOpsStack sets it). With the name it forms the creation token, so an apply killed on one CI runner converges from a fresh folder on another; another owner (another stack) or a person never matches. Default: none; the token is then kept per working folder (`.terraform/oos-chat-configuration-creates`). 1 to 128 characters.',
        validators: [lengthBetween(1, 128)],
      },
      emulator_only: {
        type: 'bool',
        optional: true,
        description:
          'Refuse any endpoint that is not on this machine (loopback), the default endpoint included: for environments that must only ever reach the local emulator (`npm run emulator`). Default `false`.',
      },
    },
    blocks: {
      assume_role: {
        nesting: 'list',
        maxItems: 1,
        block: {
          description: 'Assume a RAM role (STS AssumeRole) with the credentials above.',
          attributes: {
            role_arn: {
              type: 'string',
              required: true,
              description: 'ARN of the role.',
              validators: [fromProblem('`acs:ram::<account-id>:role/<role-name>`.', roleArnProblem)],
            },
            session_name: { type: 'string', optional: true, description: 'Session name. Default `terraform-provider-oos`.' },
            session_expiration: {
              type: 'number',
              optional: true,
              description: 'Session length in seconds. Default 3600.',
              validators: [numberRule('900 to 3600 seconds.', sessionExpirationProblem)],
            },
          },
        },
      },
    },
  },
});

export type ProviderConfigModel = ModelOf<typeof providerSchema>;
