import type { OosClientConfig, SettingNames } from '../oos';
import { DEFAULT_TAG_RESOURCE_TYPE, credentialProblems } from '../domain';
import { Diagnostics, PlanModelOf, ProviderDefinition, defineProvider, isUnknown, path } from '../tfplugin';
import type { ContextSource, ProviderContext } from './context';
import { CreationJournal } from './creation-journal';
import { NoCreationMarks, OwnerMarks } from './creation-marks';
import { requireLoopbackEndpoint } from './emulator-only';
import { DEFAULT_TAGGING_MODE, TAGGING_MODES, TagCapability } from './tagging';
import { chatConfigurationDataSource } from './data-sources/chat-configuration';
import { chatConfigurationsDataSource } from './data-sources/chat-configurations';
import { errorMessage } from './failures';
import { ProviderConfigModel, providerSchema } from './provider-schema';
import { chatConfigurationResource } from './resources/chat-configuration';
import { secretParameterResource } from './resources/secret-parameter';

export function createProvider(): ProviderDefinition {
  let context: ProviderContext | undefined;
  const currentContext: ContextSource = () => {
    if (!context) throw new Error('The oos provider is not configured yet: Terraform must call ConfigureProvider first.');
    return context;
  };

  return defineProvider({
    schema: providerSchema,
    resources: [chatConfigurationResource(currentContext), secretParameterResource(currentContext)],
    dataSources: [chatConfigurationDataSource(currentContext), chatConfigurationsDataSource(currentContext)],
    validate: validateCredentials,
    configure({ config, terraformVersion }, diagnostics) {
      // Loaded here rather than at the top: Terraform starts this process for schema-only calls too.
      const { OosClient }: typeof import('../oos') = require('../oos');
      try {
        const tagResourceType = config.tag_resource_type ?? DEFAULT_TAG_RESOURCE_TYPE;
        if (config.emulator_only === true) requireLoopbackEndpoint(config.endpoint ?? undefined);
        const client = new OosClient({ ...clientConfig(config, terraformVersion), tagResourceType });
        const creationToken = config.creation_token ?? true;
        const creations = !creationToken
          ? new NoCreationMarks()
          : typeof config.owner === 'string'
            ? new OwnerMarks(config.owner)
            : CreationJournal.forWorkingDirectory();
        const tagging = new TagCapability(TAGGING_MODES.find((mode) => mode === config.tagging) ?? DEFAULT_TAGGING_MODE, client);
        context = { client, defaultTags: config.default_tags ?? {}, tagResourceType, tagging, creations, creationToken };
      } catch (error) {
        diagnostics.error('Invalid oos provider configuration', errorMessage(error));
      }
    },
    stop() {
      // Terraform is cancelling (Ctrl-C): let calls in flight end instead of retrying for minutes.
      context?.client.stop();
    },
  });
}

function clientConfig(config: ProviderConfigModel, terraformVersion: string): OosClientConfig {
  const assumeRole = config.assume_role?.[0];
  const maxRetries = config.max_retries;
  return {
    regionId: config.region ?? undefined,
    endpoint: config.endpoint ?? undefined,
    credentials: {
      accessKeyId: config.access_key ?? undefined,
      accessKeySecret: config.secret_key ?? undefined,
      securityToken: config.security_token ?? undefined,
      profile: config.profile ?? undefined,
      assumeRole: assumeRole
        ? {
            roleArn: assumeRole.role_arn,
            sessionName: assumeRole.session_name ?? 'terraform-provider-oos',
            durationSeconds: assumeRole.session_expiration ?? undefined,
          }
        : undefined,
    },
    retry: maxRetries === null ? undefined : { maxRetries },
    userAgent: `terraform/${terraformVersion} terraform-provider-oos`,
    settingNames: PROVIDER_SETTING_NAMES,
  };
}

/** The provider block's names for the client's settings; users set no request timeout here. */
const PROVIDER_SETTING_NAMES: SettingNames = { accessKeyId: 'access_key', accessKeySecret: 'secret_key', securityToken: 'security_token' };

/** The credential settings go together (access_key with secret_key, a token with both): a rule between settings. */
function validateCredentials(config: PlanModelOf<typeof providerSchema>, diagnostics: Diagnostics): void {
  // An unknown value may still turn out to be set: only judge the settings already known.
  const { access_key, secret_key, security_token, profile } = config;
  const settings = [access_key, secret_key, security_token, profile];
  if (settings.some(isUnknown)) return;
  const text = (value: (typeof settings)[number]) => (typeof value === 'string' ? value : undefined);
  const known = { access_key: text(access_key), secret_key: text(secret_key), security_token: text(security_token), profile: text(profile) };
  for (const { field, problem } of credentialProblems(known)) diagnostics.error(`Invalid ${field}`, `${problem}.`, path(field));
}
