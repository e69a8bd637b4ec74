import type { OosClient } from '../oos';
import type { CreationMarks } from './creation-marks';
import type { TagCapability } from './tagging';

/** What resources and data sources need once `provider "oos"` is configured. */
export interface ProviderContext {
  readonly client: OosClient;
  readonly defaultTags: { readonly [key: string]: string };
  readonly tagResourceType: string;
  /** Whether tags go to OOS (the `tagging` setting, probed at plan time in `auto`). */
  readonly tagging: TagCapability;
  /** How creates are marked: the proof that a configuration found under a name is ours (owner, journal or none). */
  readonly creations: CreationMarks;
  /** Whether creates carry a token (the `creation_token` setting). */
  readonly creationToken: boolean;
}

/** Resolves the configured context; throws a clear error if Terraform has not configured the provider yet. */
export type ContextSource = () => ProviderContext;
