import { MAX_TAGS, MAX_TAG_KEY_LENGTH, MAX_TAG_VALUE_LENGTH, RESERVED_TAG_PREFIXES } from '../domain';
import { mapLimits } from '../tfplugin';

/** OOS's tag limits (lib/domain) as a validator of a tag map attribute: `tags`, `default_tags`. */
export const tagLimits = mapLimits({
  maxEntries: MAX_TAGS,
  maxKeyLength: MAX_TAG_KEY_LENGTH,
  maxValueLength: MAX_TAG_VALUE_LENGTH,
  forbiddenKeyPrefixes: RESERVED_TAG_PREFIXES,
});
