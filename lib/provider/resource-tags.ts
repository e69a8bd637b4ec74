/**
 * `tags` and `tags_all` as every taggable resource of this provider plans and reads them: the
 * provider's `default_tags` overlaid with the resource's own, checked against OOS's limits, and
 * sent to OOS only when the provider's `tagging` setting allows (tagging.ts).
 */
import { tagProblems } from '../domain';
import {
  Diagnostic,
  Diagnostics,
  DiagnosticsError,
  UNKNOWN,
  UnknownValue,
  type Unknowable,
  errorDiagnostic,
  isWhollyKnownMap,
  mapOrNull,
  path,
  sameValue,
  stringMap,
  warningDiagnostic,
} from '../tfplugin';
import type { CallOptions } from '../oos';
import type { ProviderContext } from './context';
import { describeFailure } from './failures';

type TagMap = { [key: string]: string };

/** Which OOS resources a tag message is about, and the ResourceType the tag API knows them by. */
export interface TaggedKind {
  /** Singular, to start a message: "Chat configuration". */
  readonly thing: string;
  /** Plural, inside messages: "chat configurations". */
  readonly things: string;
  /** Default: the chat configurations' `tag_resource_type`. */
  readonly resourceType?: string;
}

/**
 * The planned `tags_all`, with what is wrong with it reported: OOS's limits broken once the
 * provider's default_tags are added, or tags that OOS cannot hold here (asked of OOS only when
 * the plan has no error yet).
 */
export async function planTagsAll(tags: Unknowable<TagMap | null>, ctx: ProviderContext, kind: TaggedKind, diagnostics: Diagnostics) {
  const tagsAll = plannedTagsAll(tags, ctx);
  diagnostics.add(...tagsAllProblems(tagsAll));
  if (!diagnostics.hasErrors) diagnostics.add(...(await taggingProblems(tagsAll, ctx, kind)));
  return tagsAll;
}

/** tags_all is the provider's default tags overlaid with the resource's own. */
function plannedTagsAll(tags: Unknowable<TagMap | null>, ctx: ProviderContext): TagMap | null | UnknownValue {
  if (!isWhollyKnownMap(tags)) return UNKNOWN;
  const merged = { ...ctx.defaultTags, ...(stringMap(tags) ?? {}) };
  return Object.keys(merged).length === 0 ? null : merged;
}

/** tags_all breaks OOS's limits even when `tags` alone does not: the provider's default_tags count too. */
function tagsAllProblems(tagsAll: Unknowable<TagMap | null>): Diagnostic[] {
  if (tagsAll === null || !isWhollyKnownMap(tagsAll)) return [];
  return tagProblems(stringMap(tagsAll) ?? {}).map((problem) =>
    errorDiagnostic('Invalid tags', `With the provider's default_tags, ${problem} Change tags here or default_tags in the provider block.`, path('tags')),
  );
}

/**
 * Tags that OOS cannot hold stop the plan in `auto` (before anything is created) and are a
 * warning with `off`; the answer comes from one probe per process and ResourceType (tagging.ts).
 */
async function taggingProblems(tagsAll: Unknowable<TagMap | null>, ctx: ProviderContext, kind: TaggedKind): Promise<Diagnostic[]> {
  if (tagsAll === null) return [];
  const support = await ctx.tagging.support(kind.resourceType);
  if (support.taggable) return [];
  if (ctx.tagging.mode === 'off') {
    return [
      warningDiagnostic(
        'Tags are not sent to OOS',
        'The provider setting tagging = "off" keeps tags and tags_all in Terraform\'s plan and state only: OOS, its console and its tag-based permissions do not see them.',
        path('tags'),
      ),
    ];
  }
  const summary = `${kind.thing} tags are not supported here`;
  throw new DiagnosticsError([errorDiagnostic(summary, ctx.tagging.refusalDetail(support.refusal, kind.resourceType, kind.things), path('tags'))]);
}

/** Whether tags of `kind` go to OOS (the provider's `tagging` setting, probed in `auto`). */
export function tagsGoToOos(ctx: ProviderContext, kind: TaggedKind): Promise<boolean> {
  return ctx.tagging.taggable(kind.resourceType);
}

/** Makes the tags of resource `id` in OOS go from `before` to `after` (nothing when equal or kept out of OOS). */
export async function updateTags(
  ctx: ProviderContext,
  kind: TaggedKind,
  id: string,
  before: TagMap | null,
  after: Unknowable<TagMap | null>,
  call: CallOptions,
) {
  if (sameValue(before, after) || !(await tagsGoToOos(ctx, kind))) return;
  const [desired, current] = [stringMap(after) ?? {}, before ?? {}];
  const resourceType = kind.resourceType ?? ctx.client.tagResourceType;
  await describeFailure(`Updating the tags of ${kind.thing.toLowerCase()} "${id}"`, ctx.client.setResourceTags(resourceType, id, desired, current, call));
}

/**
 * The tags after a read. When tags go to OOS, `readTags` gives what OOS holds, split like Terraform
 * users expect: `tags_all` is everything; `tags` is what the resource manages itself (its own keys,
 * and any key that is not a provider default). When they are kept out of OOS, the state's tags
 * (null on an import) are the only record of them and are kept.
 */
export async function refreshedTags(
  ctx: ProviderContext,
  kind: TaggedKind,
  state: { readonly tags: TagMap | null; readonly tags_all: TagMap | null } | null,
  readTags: () => Promise<Readonly<TagMap>> | Readonly<TagMap>,
): Promise<{ tags: TagMap | null; tags_all: TagMap | null }> {
  if (!(await tagsGoToOos(ctx, kind))) return { tags: state?.tags ?? null, tags_all: state?.tags_all ?? null };
  const remoteTags = await readTags();
  const ownTags = state?.tags ?? null;
  const ownKeys = new Set(Object.keys(ownTags ?? {}));
  const tags: TagMap = {};
  for (const [key, value] of Object.entries(remoteTags)) {
    if (ownKeys.has(key) || !(key in ctx.defaultTags)) tags[key] = value;
  }
  return {
    tags: mapOrNull(tags, ownTags !== null),
    tags_all: mapOrNull({ ...remoteTags }, false),
  };
}
