import type { OosClient } from '../oos';

/** What resources and data sources need once `provider "oos"` is configured. */
export interface ProviderContext {
  readonly client: OosClient;
  readonly defaultTags: { readonly [key: string]: string };
  readonly tagResourceType: string;
}

/** Resolves the configured context; throws a clear error if Terraform has not configured the provider yet. */
export type ContextSource = () => ProviderContext;
