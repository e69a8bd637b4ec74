/**
 * Plan fixtures: the recorded ones (real `terraform show -json`, see fixtures/record-oos-plans.ts)
 * and hand-made oos_chat_configuration changes that copy the recorded shape exactly: every
 * attribute present (null when unset), computed ones in after_unknown on create, aes_key and
 * client_secret_wo in the sensitive masks, empty `{}` masks for maps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonObject, JsonValue, PlanView, parsePlan, planFromJson } from '../../../lib/pipeline';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export function recordedPlan(file: string): PlanView {
  return parsePlan(readFileSync(join(FIXTURES, file), 'utf8'), file);
}

export function recordedText(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

type Attributes = { [name: string]: JsonValue };

const UNSET: Attributes = {
  aes_key: null,
  client_id: null,
  client_secret_parameter: null,
  client_secret_parameter_version: null,
  client_secret_wo: null,
  client_secret_wo_version: null,
  created_date: '2026-11-26T00:34:45+00:00',
  extra_configuration: null,
  id: null,
  name: null,
  ram_role: null,
  resource_group_id: null,
  tags: null,
  tags_all: null,
  template_id: null,
  type: 'DingTalk',
  updated_date: '2026-11-26T00:34:45+00:00',
  webhook_url: null,
};

const SENSITIVE_MASK = { aes_key: true, client_secret_wo: true };

/** The state of an applied bot called `name`. */
export function appliedBot(name: string, attributes: Attributes = {}): Attributes {
  return {
    ...UNSET,
    id: name,
    name,
    resource_group_id: 'rg-acfmdefault000001',
    tags_all: { ...((attributes.tags as JsonObject | undefined) ?? {}) },
    webhook_url: `https://1234567890123456.appflow.aliyunnest.com/webhook/${name}`,
    ...attributes,
  };
}

function change(key: string, actions: string[], body: JsonObject, extra: JsonObject = {}): JsonObject {
  return {
    address: `oos_chat_configuration.${key}`,
    mode: 'managed',
    type: 'oos_chat_configuration',
    name: key,
    provider_name: 'oos-chatops.local/chatops/oos',
    change: { actions, ...body },
    ...extra,
  };
}

/** A create plan entry; `unknown` lists further attributes known only after apply. */
export function botCreate(key: string, name: string, attributes: Attributes = {}, unknown: JsonObject = {}): JsonObject {
  const after: Attributes = { ...UNSET, name, id: name, tags_all: (attributes.tags as JsonObject | undefined) ?? {}, ...attributes };
  const afterUnknown: JsonObject = { aes_key: true, created_date: true, updated_date: true, webhook_url: true, tags_all: {}, ...unknown };
  if (attributes.resource_group_id === undefined) Object.assign(afterUnknown, { resource_group_id: true });
  for (const computed of Object.keys(afterUnknown)) if (afterUnknown[computed] === true) delete after[computed];
  return change(key, ['create'], { before: null, after, after_unknown: afterUnknown, before_sensitive: false, after_sensitive: SENSITIVE_MASK });
}

/** An update (or replace, with `replacePaths`) of an applied bot. */
export function botUpdate(key: string, before: Attributes, changes: Attributes, options: { replacePaths?: string[][]; unknown?: JsonObject } = {}): JsonObject {
  const after: Attributes = { ...before, ...changes };
  const unknown: JsonObject = { updated_date: true, ...(options.unknown ?? {}) };
  if (options.replacePaths) Object.assign(unknown, { aes_key: true, created_date: true, webhook_url: true, resource_group_id: true });
  for (const computed of Object.keys(unknown)) if (unknown[computed] === true) delete after[computed];
  return change(
    key,
    options.replacePaths ? ['delete', 'create'] : ['update'],
    {
      before,
      after,
      after_unknown: unknown,
      before_sensitive: SENSITIVE_MASK,
      after_sensitive: SENSITIVE_MASK,
      ...(options.replacePaths ? { replace_paths: options.replacePaths } : {}),
    },
    options.replacePaths ? { action_reason: 'replace_because_cannot_update' } : {},
  );
}

export function botDelete(key: string, before: Attributes): JsonObject {
  return change(
    key,
    ['delete'],
    { before, after: null, after_unknown: {}, before_sensitive: SENSITIVE_MASK, after_sensitive: false },
    { action_reason: 'delete_because_no_resource_config' },
  );
}

/** A plan document around the given resource changes, shaped like Terraform 1.11's. */
export function planOf(resourceChanges: JsonObject[], extra: JsonObject = {}): PlanView {
  return planFromJson({
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { root_module: {} },
    resource_changes: resourceChanges,
    applyable: true,
    complete: true,
    errored: false,
    ...extra,
  });
}
