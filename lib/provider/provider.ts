import type { OosClient, OosClientConfig } from '../oos';
import { chatConfigurationResource } from './resources/chat-configuration';
import { chatConfigurationDataSource } from './data-sources/chat-configuration';
import { chatConfigurationsDataSource } from './data-sources/chat-configurations';
import { providerSchema } from './provider-schema';
import { Diagnostic, ObjectValue, ProviderDefinition, errorDiagnostic, isUnknown, path } from './schema';
import { stringMap } from './values';
import { DEFAULT_TAG_RESOURCE_TYPE, credentialProblems, regionProblem } from '../domain';

/** What resources and data sources need once `provider "oos"` is configured. */
export interface ProviderContext {
  readonly client: OosClient;
  readonly defaultTags: { readonly [key: string]: string };
  readonly tagResourceType: string;
}

/** Resolves the configured context; throws a clear error if Terraform has not configured the provider yet. */
export type ContextSource = () => ProviderContext;

export function createProvider(): ProviderDefinition {
  let context: ProviderContext | undefined;
  const currentContext: ContextSource = () => {
    if (!context) throw new Error('The oos provider is not configured yet: Terraform must call ConfigureProvider first.');
    return context;
  };

  return {
    schema: providerSchema,
    resources: [chatConfigurationResource(currentContext)],
    dataSources: [chatConfigurationDataSource(currentContext), chatConfigurationsDataSource(currentContext)],
    validateConfig: validateProviderConfig,
    async configure(config, terraformVersion) {
      const diagnostics = validateProviderConfig(config);
      if (diagnostics.some((d) => d.severity === 'error')) return diagnostics;
      // Loaded here rather than at the top: Terraform starts this process for schema-only calls too.
      const { OosClient } = require('../oos') as typeof import('../oos');
      try {
        const tagResourceType = (config.tag_resource_type as string | null) ?? DEFAULT_TAG_RESOURCE_TYPE;
        const client = new OosClient({ ...clientConfig(config, terraformVersion), tagResourceType });
        context = { client, defaultTags: stringMap(config.default_tags) ?? {}, tagResourceType };
        return diagnostics;
      } catch (error) {
        return [...diagnostics, errorDiagnostic('Invalid oos provider configuration', (error as Error).message)];
      }
    },
    stop() {
      // Terraform is cancelling (Ctrl-C): let calls in flight end instead of retrying for minutes.
      context?.client.stop();
    },
  };
}

function clientConfig(config: ObjectValue, terraformVersion: string): OosClientConfig {
  const assumeRole = (config.assume_role as ObjectValue[] | null)?.[0];
  const accessKeyId = (config.access_key as string | null) ?? undefined;
  const maxRetries = config.max_retries as number | null;
  return {
    regionId: (config.region as string | null) ?? undefined,
    endpoint: (config.endpoint as string | null) ?? undefined,
    credentials: {
      accessKeyId,
      accessKeySecret: (config.secret_key as string | null) ?? undefined,
      securityToken: (config.security_token as string | null) ?? undefined,
      profile: (config.profile as string | null) ?? undefined,
      assumeRole: assumeRole
        ? {
            roleArn: assumeRole.role_arn as string,
            sessionName: (assumeRole.session_name as string | null) ?? 'terraform-provider-oos',
            durationSeconds: (assumeRole.session_expiration as number | null) ?? undefined,
          }
        : undefined,
    },
    retry: maxRetries === null ? undefined : { maxRetries },
    userAgent: `terraform/${terraformVersion} terraform-provider-oos`,
  };
}

function validateProviderConfig(config: ObjectValue): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // An unknown value may still turn out to be set: only judge the settings already known.
  const credentialFields = ['access_key', 'secret_key', 'security_token', 'profile'] as const;
  if (credentialFields.every((field) => !isUnknown(config[field]))) {
    const text = (field: (typeof credentialFields)[number]) => (typeof config[field] === 'string' ? (config[field] as string) : undefined);
    const settings = { access_key: text('access_key'), secret_key: text('secret_key'), security_token: text('security_token'), profile: text('profile') };
    for (const { field, problem } of credentialProblems(settings)) {
      diagnostics.push(errorDiagnostic(`Invalid ${field}`, `${problem}.`, path(field)));
    }
  }
  const maxRetries = config.max_retries;
  if (typeof maxRetries === 'number' && (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 20)) {
    diagnostics.push(errorDiagnostic('Invalid max_retries', `max_retries must be a whole number from 0 to 20, got ${maxRetries}.`, path('max_retries')));
  }
  const region = config.region;
  const problem = typeof region === 'string' ? regionProblem(region) : undefined;
  if (problem) diagnostics.push(errorDiagnostic('Invalid region', problem, path('region')));
  return diagnostics;
}
