/**
 * `tags` and `tags_all` as every taggable resource of this provider plans and reads them: the
 * provider's `default_tags` overlaid with the resource's own, checked against OOS's limits, and
 * sent to OOS only when the provider's `tagging` setting allows (tagging.ts).
 */
import { tagProblems } from '../domain';
import type { Unknowable } from '../tfplugin/model';
import { Diagnostic, DiagnosticsError, UNKNOWN, UnknownValue, errorDiagnostic, path, warningDiagnostic } from '../tfplugin/schema';
import { isWhollyKnownMap, mapOrNull, stringMap } from '../tfplugin/values';
import type { ProviderContext } from './context';

type TagMap = { [key: string]: string };

/** Which OOS resources a tag message is about, and the ResourceType the tag API knows them by. */
export interface TaggedKind {
  /** Plural, for messages: "chat configurations". */
  readonly things: string;
  /** Default: the chat configurations' `tag_resource_type`. */
  readonly resourceType?: string;
}

/** tags_all is the provider's default tags overlaid with the resource's own. */
export function plannedTagsAll(tags: Unknowable<TagMap | null>, ctx: ProviderContext): TagMap | null | UnknownValue {
  if (!isWhollyKnownMap(tags)) return UNKNOWN;
  const merged = { ...ctx.defaultTags, ...(stringMap(tags) ?? {}) };
  return Object.keys(merged).length === 0 ? null : merged;
}

/** tags_all breaks OOS's limits even when `tags` alone does not: the provider's default_tags count too. */
export function tagsAllProblems(tagsAll: Unknowable<TagMap | null>): Diagnostic[] {
  if (tagsAll === null || !isWhollyKnownMap(tagsAll)) return [];
  return tagProblems(stringMap(tagsAll) ?? {}).map((problem) =>
    errorDiagnostic('Invalid tags', `With the provider's default_tags, ${problem} Change tags here or default_tags in the provider block.`, path('tags')),
  );
}

/**
 * Tags that OOS cannot hold stop the plan in `auto` (before anything is created) and are a
 * warning with `off`; the answer comes from one probe per process and ResourceType (tagging.ts).
 */
export async function taggingProblems(tagsAll: Unknowable<TagMap | null>, ctx: ProviderContext, kind: TaggedKind): Promise<Diagnostic[]> {
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
  const summary = `Tags on ${kind.things} are not supported here`;
  throw new DiagnosticsError([errorDiagnostic(summary, ctx.tagging.refusalDetail(support.refusal, kind.resourceType, kind.things), path('tags'))]);
}

/**
 * Remote tags split like Terraform users expect: `tags_all` is everything; `tags` is what the
 * resource manages itself (its own keys, and any key that is not a provider default).
 */
export function tagsFromRemote(remoteTags: Readonly<TagMap>, ownTags: TagMap | null, ctx: ProviderContext): { tags: TagMap | null; tags_all: TagMap | null } {
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
