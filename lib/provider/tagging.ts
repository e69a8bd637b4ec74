/**
 * Whether chat configurations can carry tags in OOS, decided before anything is created.
 *
 * The SDK's TagResources documents five ResourceType values (template, parameter, secretparameter,
 * stateconfiguration, application) and none for chat configurations (oos-api.md §4); only our
 * emulator is known to accept `chatconfiguration`. If the cloud refused it, every create with tags
 * would fail after Create, so in `auto` the provider asks OOS once per process and region, at plan
 * time, with a read-only ListTagResources for the configured ResourceType, and a plan that needs
 * tags fails before anything exists.
 */
import type { OosClient } from '../oos';
import { OosApiError } from '../oos/errors';
import { errorMessage } from './failures';

/** The provider's `tagging` setting. */
export const TAGGING_MODES = ['auto', 'on', 'off'] as const;
export type TaggingMode = (typeof TAGGING_MODES)[number];
export const DEFAULT_TAGGING_MODE: TaggingMode = 'auto';

/** A resource id no one uses: the probe lists its tags, which changes nothing whatever the answer. */
const PROBE_RESOURCE_ID = 'terraform-provider-oos-tag-probe';

/** What OOS said about the ResourceType: accepted, or refused with this error. */
export type TagSupport = { readonly taggable: true } | { readonly taggable: false; readonly refusal: string };

/** One probe per endpoint, region and ResourceType for the life of the process (Terraform starts a provider per plan). */
const probes = new Map<string, Promise<TagSupport>>();

export class TagCapability {
  constructor(
    readonly mode: TaggingMode,
    private readonly client: OosClient,
  ) {}

  /**
   * Whether tags go to OOS: always with `on`, never with `off`, as probed with `auto`.
   * `resourceType` defaults to the chat configurations' (`tag_resource_type`).
   */
  async support(resourceType = this.client.tagResourceType): Promise<TagSupport> {
    if (this.mode === 'on') return { taggable: true };
    if (this.mode === 'off') return { taggable: false, refusal: 'tagging = "off"' };
    const key = `${this.client.endpoint.protocol}://${this.client.endpoint.host}|${this.client.regionId}|${resourceType}`;
    let probe = probes.get(key);
    if (!probe) {
      probe = probeTagSupport(this.client, resourceType);
      probes.set(key, probe);
      // A failed probe (network, permissions) is not an answer: the next plan asks again.
      probe.catch(() => probes.delete(key));
    }
    return probe;
  }

  async taggable(resourceType?: string): Promise<boolean> {
    return (await this.support(resourceType)).taggable;
  }

  /** The plan error when a resource (by default a chat configuration) needs tags that OOS cannot hold in this region. */
  refusalDetail(refusal: string, resourceType = this.client.tagResourceType, things = 'chat configurations'): string {
    const region = this.client.regionId;
    const type = resourceType;
    return (
      `OOS in region ${region} does not accept tags on ${things} with ResourceType "${type}" ` +
      `(asked with ListTagResources: ${refusal}). The provider setting tagging = "auto" stops the plan here, before anything is created. ` +
      `Two ways out: set tagging = "off" in the provider block (tags then stay in Terraform's plan and state only and are never sent to OOS), ` +
      `or remove tags from this resource and default_tags from the provider block.` +
      (type === this.client.tagResourceType ? ` If OOS accepts another ResourceType for chat configurations, set tag_resource_type to it.` : '')
    );
  }
}

/** Forgets every probe; for tests that restart an emulator with another profile in one process. */
export function forgetTagProbes(): void {
  probes.clear();
}

async function probeTagSupport(client: OosClient, resourceType: string): Promise<TagSupport> {
  try {
    await client.listTagResources(resourceType, [PROBE_RESOURCE_ID], { timeoutMs: 60_000 });
    return { taggable: true };
  } catch (error) {
    if (error instanceof OosApiError && refusesResourceType(error)) {
      return { taggable: false, refusal: `${error.code} [RequestId: ${error.requestId || 'none'}]` };
    }
    throw new Error(
      `Asking OOS whether ResourceType "${resourceType}" can be tagged (tagging = "auto") failed: ${errorMessage(error)}. ` +
        `Set tagging = "on" or "off" in the provider block to skip the question.`,
    );
  }
}

/**
 * An answer that says the ResourceType itself is refused. The exact code real OOS uses is not
 * documented: an invalid-parameter answer to a request whose only questionable parameter is the
 * ResourceType counts, as does any code naming the ResourceType.
 */
function refusesResourceType(error: OosApiError): boolean {
  return (
    /resourcetype/i.test(error.code) ||
    error.code === 'InvalidParameter' ||
    (error.code.startsWith('InvalidParameter') && /resourcetype/i.test(error.serverMessage))
  );
}
