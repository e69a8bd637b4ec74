import type { OosClient } from '../oos';
import type { CreationJournal } from './creation-journal';

/** What resources and data sources need once `provider "oos"` is configured. */
export interface ProviderContext {
  readonly client: OosClient;
  readonly defaultTags: { readonly [key: string]: string };
  readonly tagResourceType: string;
  /** Creates started from this working directory: the proof that a configuration found under a name is ours. */
  readonly journal: CreationJournal;
}

/** Resolves the configured context; throws a clear error if Terraform has not configured the provider yet. */
export type ContextSource = () => ProviderContext;
