/**
 * OOS's tag API (TagResources, UntagResources, ListTagResources) over the emulated resources.
 * Chat configurations are tagged under a configurable ResourceType (the real API documents none
 * for them) when the profile accepts it, secret parameters under `secretparameter`; both are
 * referred to by name. The other documented types are accepted but hold no resources here.
 */
import { type ActionContext, type ActionTable, regionOf } from './actions';
import { OosError, entityNotExists, invalidParameter, missingParameter } from './errors';
import type { RegionState } from './store';

export const SECRET_PARAMETER_RESOURCE_TYPE = 'secretparameter';
export const MAX_TAGS_PER_RESOURCE = 20;
const MAX_RESOURCE_IDS = 50;
const MAX_TAG_KEY_LENGTH = 128;
const MAX_TAG_VALUE_LENGTH = 128;
const LIST_PAGE_SIZE = 50;
/** Prefixes reserved for system tags. */
const RESERVED_TAG_KEY_PREFIXES = ['aliyun', 'acs:'];

interface TaggableResourceType {
  readonly resourceType: string;
  /** The entity named in EntityNotExists.<entity>. */
  readonly entity: string;
  exists(region: RegionState, resourceId: string): boolean;
}

/** The entity named in EntityNotExists for documented types the emulator holds no resources of. */
const UNMODELLED_ENTITIES: Readonly<Record<string, string>> = {
  template: 'Template',
  parameter: 'Parameter',
  stateconfiguration: 'StateConfiguration',
  application: 'Application',
};

function taggableResourceType(context: ActionContext, resourceType: string): TaggableResourceType {
  const accepted = context.settings.tagResourceTypes;
  if (!accepted.has(resourceType)) {
    throw invalidParameter('ResourceType', `must be one of ${[...accepted].map((type) => `"${type}"`).join(', ')}.`);
  }
  if (resourceType === context.settings.tagResourceType) {
    return { resourceType, entity: 'ChatConfiguration', exists: (region, id) => region.chatConfigurations.has(id) };
  }
  if (resourceType === SECRET_PARAMETER_RESOURCE_TYPE) {
    return { resourceType, entity: 'Parameter', exists: (region, id) => region.secretParameters.has(id) };
  }
  // Documented, but the emulator models none of these resources: none exists, so none is tagged.
  return { resourceType, entity: UNMODELLED_ENTITIES[resourceType] ?? 'Resource', exists: () => false };
}

/** Checks keys and values of a Tags map (shared by TagResources and CreateSecretParameter). */
export function validateTags(tags: ReadonlyMap<string, string>): void {
  for (const [key, value] of tags) {
    if (key.length === 0 || key.length > MAX_TAG_KEY_LENGTH) throw invalidParameter('TagKey', `keys must be 1 to ${MAX_TAG_KEY_LENGTH} characters.`);
    const lowerKey = key.toLowerCase();
    if (RESERVED_TAG_KEY_PREFIXES.some((prefix) => lowerKey.startsWith(prefix))) {
      throw invalidParameter('TagKey', `keys must not start with ${RESERVED_TAG_KEY_PREFIXES.map((p) => `"${p}"`).join(' or ')}.`);
    }
    if (value.length > MAX_TAG_VALUE_LENGTH) throw invalidParameter('TagValue', `values must be at most ${MAX_TAG_VALUE_LENGTH} characters.`);
  }
}

/** Merges `tags` into a resource's tags, refusing to go over the per-resource limit. Call inside a mutation. */
export function applyTags(region: RegionState, resourceType: string, resourceId: string, tags: ReadonlyMap<string, string>): void {
  const current = region.editTags(resourceType, resourceId);
  const keysAfter = new Set([...current.keys(), ...tags.keys()]);
  if (keysAfter.size > MAX_TAGS_PER_RESOURCE) {
    throw new OosError('TagLimitExceeded', 400, `The resource "${resourceId}" would have more than ${MAX_TAGS_PER_RESOURCE} tags.`);
  }
  for (const [key, value] of tags) current.set(key, value);
}

function requireResourceIds(context: ActionContext): string[] {
  const ids = context.params.jsonStringArray('ResourceIds', 1, MAX_RESOURCE_IDS);
  if (ids === undefined) throw missingParameter('ResourceIds');
  return ids;
}

function requireExisting(context: ActionContext, type: TaggableResourceType, ids: readonly string[]): void {
  const region = regionOf(context);
  for (const id of ids) if (!type.exists(region, id)) throw entityNotExists(type.entity, id);
}

function tagResources(context: ActionContext): Record<string, unknown> {
  const type = taggableResourceType(context, context.params.required('ResourceType'));
  const ids = requireResourceIds(context);
  const tags = context.params.jsonStringMap('Tags', 1, MAX_TAGS_PER_RESOURCE);
  if (tags === undefined) throw missingParameter('Tags');
  validateTags(tags);
  requireExisting(context, type, ids);
  // All resources or none: a limit hit on the last one rolls back the others.
  context.store.mutate((state) => {
    const region = state.region(context.regionId);
    for (const id of ids) applyTags(region, type.resourceType, id, tags);
  });
  return {};
}

function untagResources(context: ActionContext): Record<string, unknown> {
  const type = taggableResourceType(context, context.params.required('ResourceType'));
  const ids = requireResourceIds(context);
  const all = context.params.boolean('All', false);
  const keys = context.params.jsonStringArray('TagKeys', 1, MAX_TAGS_PER_RESOURCE);
  if (!all && keys === undefined) throw missingParameter('TagKeys');
  requireExisting(context, type, ids);
  context.store.mutate((state) => {
    const region = state.region(context.regionId);
    for (const id of ids) {
      if (all) {
        region.removeTags(type.resourceType, id);
        continue;
      }
      const current = region.editTags(type.resourceType, id);
      for (const key of keys ?? []) current.delete(key);
      region.compactTags(type.resourceType, id);
    }
  });
  return {};
}

interface TagResourceRow {
  ResourceId: string;
  ResourceType: string;
  TagKey: string;
  TagValue: string;
}

function listTagResources(context: ActionContext): Record<string, unknown> {
  const type = taggableResourceType(context, context.params.required('ResourceType'));
  const ids = context.params.jsonStringArray('ResourceIds', 1, MAX_RESOURCE_IDS);
  const filter = context.params.jsonStringMap('Tags', 1, MAX_TAGS_PER_RESOURCE);
  const offset = decodeNextToken(context.params.optional('NextToken'));

  const byId = regionOf(context).tags.get(type.resourceType) ?? new Map<string, Map<string, string>>();
  const resourceIds = (ids ?? [...byId.keys()]).filter((id, index, all) => all.indexOf(id) === index).sort();
  const rows: TagResourceRow[] = [];
  for (const resourceId of resourceIds) {
    const tags = byId.get(resourceId);
    if (tags === undefined || !matchesTagFilter(tags, filter)) continue;
    for (const key of [...tags.keys()].sort()) {
      rows.push({ ResourceId: resourceId, ResourceType: type.resourceType, TagKey: key, TagValue: tags.get(key) ?? '' });
    }
  }
  const page = rows.slice(offset, offset + LIST_PAGE_SIZE);
  const nextOffset = offset + LIST_PAGE_SIZE;
  return {
    NextToken: nextOffset < rows.length ? encodeNextToken(nextOffset) : '',
    TagResources: { TagResource: page },
  };
}

/** A resource matches when it has every filter key, with the same value unless the filter value is empty. */
function matchesTagFilter(tags: ReadonlyMap<string, string>, filter: ReadonlyMap<string, string> | undefined): boolean {
  if (filter === undefined) return true;
  for (const [key, value] of filter) {
    const actual = tags.get(key);
    if (actual === undefined || (value !== '' && actual !== value)) return false;
  }
  return true;
}

function encodeNextToken(offset: number): string {
  return Buffer.from(`tags:${offset}`).toString('base64url');
}

function decodeNextToken(token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  const match = /^tags:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (match === null) throw invalidParameter('NextToken', 'is not a token returned by ListTagResources.');
  return +match[1];
}

export const tagActions: ActionTable = {
  TagResources: tagResources,
  UntagResources: untagResources,
  ListTagResources: listTagResources,
};
