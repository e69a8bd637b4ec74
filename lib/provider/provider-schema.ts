import { ModelOf, defineSchema } from '../tfplugin/model';
import { roleArnProblem, sessionExpirationProblem } from '../domain';
import { fromProblem, numberRule } from '../tfplugin/validators';
import { tagLimits } from './tag-limits';

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
      },
      default_tags: {
        type: ['map', 'string'],
        optional: true,
        description: 'Tags added to every chat configuration; resource tags win.',
        validators: [tagLimits],
      },
      tag_resource_type: { type: 'string', optional: true, description: 'ResourceType used with the OOS tag API. Default `chatconfiguration`.' },
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
