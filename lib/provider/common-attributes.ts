/** Attributes every OOS resource of this provider declares alike: resource group, tags, dates. */
import { resourceGroupProblem } from '../domain';
import { fromProblem, useStateForUnknown } from '../tfplugin';
import { tagLimits } from './tag-limits';

export const resourceGroupIdAttribute = {
  type: 'string',
  optional: true,
  computed: true,
  planModifiers: [useStateForUnknown()],
  description: 'Resource group id (`rg-…`); defaults to the account default resource group.',
  validators: [fromProblem('A resource group id: `rg-` then lower-case letters and digits.', resourceGroupProblem)],
} as const;

/** `tags` and `tags_all`; `thing` names the resource in the description, e.g. "configuration". */
export function tagAttributes(thing: string) {
  return {
    tags: {
      type: ['map', 'string'],
      optional: true,
      description: `Tags of this ${thing}; provider \`default_tags\` are added to them in \`tags_all\`.`,
      validators: [tagLimits],
    },
    tags_all: { type: ['map', 'string'], computed: true, description: 'Tags including the provider `default_tags`.' },
  } as const;
}

export const dateAttributes = {
  created_date: { type: 'string', computed: true, planModifiers: [useStateForUnknown()], description: 'Creation time, ISO 8601.' },
  updated_date: { type: 'string', computed: true, planModifiers: [useStateForUnknown()], description: 'Last update time, ISO 8601.' },
} as const;
