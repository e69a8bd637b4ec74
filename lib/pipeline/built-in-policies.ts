/**
 * The built-in policies, switched on per environment by a typed settings object. They judge the
 * configurations this plan creates, updates or replaces (the change under review); an unchanged
 * configuration is not re-judged, so a legacy bot does not block an unrelated pull request.
 */
import { CHAT_CONFIGURATION_RESOURCE, resourceGroupProblem } from '../domain';
import { ChatConfigurationChange, chatConfigurationChanges, chatConfigurationChange, looksLikeSecretKey } from './chat-configuration';
import { configuredResource, PlanView } from './plan';
import { Policy, PolicyContext, Violation, violation } from './policy';
import { plannedKeys } from './values';

/** Which built-in policies run, per environment. Every field defaults to off. */
export interface PolicySettings {
  /** Every chat configuration must name a RAM role (`ram_role`). @default false */
  readonly requireRamRole?: boolean;
  /** No replacement or destroy unless the run sets `allowDestructive`. @default false */
  readonly forbidReplaceOrDestroy?: boolean;
  /** Tag keys every chat configuration must carry after apply (in `tags_all`, so provider default_tags count). @default [] */
  readonly requiredTagKeys?: readonly string[];
  /** `resource_group_id` must be set in the configuration (not left to the account's default group). @default false */
  readonly requireResourceGroup?: boolean;
  /** Secrets only through `client_secret_wo` or `client_secret_parameter`, never in `extra_configuration`. @default false */
  readonly secretsOnlyWriteOnlyOrParameter?: boolean;
}

export const RULES = {
  ramRole: 'ram-role-required',
  destructive: 'no-replace-or-destroy',
  tags: 'required-tags',
  resourceGroup: 'resource-group-required',
  secrets: 'secrets-write-only-or-parameter',
} as const;

/** What production wants: everything on. */
export const PRODUCTION_POLICY_SETTINGS: PolicySettings = {
  requireRamRole: true,
  forbidReplaceOrDestroy: true,
  requiredTagKeys: ['Team', 'CostCenter'],
  requireResourceGroup: true,
  secretsOnlyWriteOnlyOrParameter: true,
};

/** What a dev stack wants: secrets and ownership tags, but bots may be replaced and use the default group. */
export const DEVELOPMENT_POLICY_SETTINGS: PolicySettings = { secretsOnlyWriteOnlyOrParameter: true, requiredTagKeys: ['Team'] };

/**
 * The settings as they apply to a stack whose provider has this `tagging`: with `off`, tags never
 * reach OOS, so requiring tag keys would demand what the cloud does not hold and is dropped.
 * (`auto` keeps them: where OOS cannot hold tags, the provider fails the plan first, saying so.)
 */
export function policySettingsFor(settings: PolicySettings, tagging: 'auto' | 'on' | 'off'): PolicySettings {
  if (tagging !== 'off' || !settings.requiredTagKeys?.length) return settings;
  return { ...settings, requiredTagKeys: [] };
}

/** The built-in policies the settings switch on, in a fixed order. */
export function builtInPolicies(settings: PolicySettings): Policy[] {
  return [
    settings.requireRamRole ? ramRoleRequired : undefined,
    settings.forbidReplaceOrDestroy ? noReplaceOrDestroy : undefined,
    settings.requiredTagKeys?.length ? requiredTags(settings.requiredTagKeys) : undefined,
    settings.requireResourceGroup ? resourceGroupRequired : undefined,
    settings.secretsOnlyWriteOnlyOrParameter ? secretsWriteOnlyOrParameter : undefined,
  ].filter((policy): policy is Policy => policy !== undefined);
}

/** Chat configurations this plan creates, updates or replaces. */
export function reviewedConfigurations(plan: PlanView): ChatConfigurationChange[] {
  return chatConfigurationChanges(plan).filter((item) => item.kind === 'create' || item.kind === 'update' || item.kind === 'replace');
}

export const ramRoleRequired: Policy = function ramRoleRequired(plan, context) {
  return reviewedConfigurations(plan).flatMap((item) => {
    if (item.after?.ram_role) return [];
    const fix = 'Set ram_role to the RAM role the bot runs operations as, e.g. AliyunOOSDefaultRole.';
    if (item.isUnknownAfter('ram_role'))
      return [violation(context, item, RULES.ramRole, 'ram_role is known only after apply, so it could not be checked.', fix, 'warning')];
    return [violation(context, item, RULES.ramRole, `${context.environment} needs a RAM role and ram_role is not set.`, fix)];
  });
};

export const noReplaceOrDestroy: Policy = function noReplaceOrDestroy(plan, context) {
  return plan.resourceChanges
    .filter((change) => change.mode === 'managed' && (change.kind === 'replace' || change.kind === 'delete'))
    .map((change) => {
      const isBot = change.type === CHAT_CONFIGURATION_RESOURCE;
      const subject = isBot ? chatConfigurationChange(change) : change;
      const what = change.kind === 'replace' ? 'replaces' : 'destroys';
      const consequence = isBot ? ': its webhook URL stops working' : '';
      if (context.allowDestructive) {
        return violation(
          context,
          subject,
          RULES.destructive,
          `The plan ${what} ${change.address}${consequence}; allowed for this run only.`,
          'None needed.',
          'warning',
        );
      }
      const fix =
        change.kind === 'replace'
          ? 'Undo the change that forces replacement (see the summary), or re-run with allowDestructive for this one run after review.'
          : 'Keep the resource in the configuration (or remove it from state with a removed block), or re-run with allowDestructive for this one run after review.';
      return violation(context, subject, RULES.destructive, `The plan ${what} ${change.address}${consequence}; ${context.environment} forbids that.`, fix);
    });
};

/** Each key must be present with a non-empty value in `tags_all` after apply. */
export function requiredTags(keys: readonly string[]): Policy {
  return function requiredTags(plan, context) {
    return reviewedConfigurations(plan).flatMap((item) => keys.flatMap((key) => tagViolation(item, key, context)));
  };
}

function tagViolation(item: ChatConfigurationChange, key: string, context: PolicyContext): Violation[] {
  const fix = `Add the tag ${key} to tags (or to the provider's default_tags).`;
  const value = item.after?.tags_all?.[key] ?? item.after?.tags?.[key];
  if (value) return [];
  if (value === '') return [violation(context, item, RULES.tags, `Tag ${key} is empty.`, `Give the tag ${key} a value.`)];
  const planned = plannedKeys(item.change, ['tags_all']);
  if (planned === 'unknown' || planned.unknown.includes(key) || item.isUnknownAfter('tags', key)) {
    return [violation(context, item, RULES.tags, `Tag ${key} is known only after apply, so it could not be checked.`, fix, 'warning')];
  }
  return [violation(context, item, RULES.tags, `Required tag ${key} is missing.`, fix)];
}

export const resourceGroupRequired: Policy = function resourceGroupRequired(plan, context) {
  return reviewedConfigurations(plan).flatMap((item) => {
    const fix = "Set resource_group_id to the team's resource group (rg-…) instead of the account default.";
    const configured = configuredResource(plan, item.change);
    const value = item.after?.resource_group_id;
    const problem = value ? resourceGroupProblem(value) : undefined;
    if (problem) return [violation(context, item, RULES.resourceGroup, problem, fix)];
    // optional+computed: the planned value is the state's (or unknown) even when the configuration
    // no longer sets it, so the configuration is the witness when the plan carries it.
    if (configured)
      return configured.expressions.has('resource_group_id') ? [] : [violation(context, item, RULES.resourceGroup, 'resource_group_id is not set.', fix)];
    if (value) return [];
    if (item.isUnknownAfter('resource_group_id')) {
      return [violation(context, item, RULES.resourceGroup, 'resource_group_id is known only after apply, so it could not be checked.', fix, 'warning')];
    }
    return [violation(context, item, RULES.resourceGroup, 'resource_group_id is not set.', fix)];
  });
};

export const secretsWriteOnlyOrParameter: Policy = function secretsWriteOnlyOrParameter(plan, context) {
  const fix = 'Remove it from extra_configuration and pass the secret with client_secret_wo (plus client_secret_wo_version) or client_secret_parameter.';
  return reviewedConfigurations(plan).flatMap((item) => {
    if (item.isUnknownAfter('extra_configuration')) {
      return [violation(context, item, RULES.secrets, 'extra_configuration is known only after apply, so its keys could not be checked.', fix, 'warning')];
    }
    const keys = Object.keys(item.after?.extra_configuration ?? {}).filter(looksLikeSecretKey);
    return keys.map((key) =>
      violation(context, item, RULES.secrets, `extra_configuration.${key} looks like a secret and would be stored in plan and state in clear text.`, fix),
    );
  });
};
