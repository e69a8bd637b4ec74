/** Policies over the plan view: each built-in passing and failing, custom rules, and the settings. */
import {
  Policy,
  PolicyContext,
  PRODUCTION_POLICY_SETTINGS,
  builtInPolicies,
  chatConfigurationChanges,
  evaluatePolicies,
  noReplaceOrDestroy,
  policySettingsFor,
  ramRoleRequired,
  requiredTags,
  resourceGroupRequired,
  secretsWriteOnlyOrParameter,
  violation,
} from '../../lib/pipeline';
import { appliedBot, botCreate, botDelete, botUpdate, planOf, recordedPlan } from './support/plan-fixtures';

const PROD: PolicyContext = { stack: 'prod', environment: 'prod', allowDestructive: false };
const run = (policy: Policy, plan = planOf([]), context = PROD) => evaluatePolicies(plan, [policy], context).violations;
const compliant = { ram_role: 'AliyunOOSDefaultRole', resource_group_id: 'rg-acfmteam0001', tags: { Team: 'platform', CostCenter: 'cc-1' } };

describe('ram-role-required', () => {
  test('a new configuration without ram_role is a violation naming stack, configuration, rule and fix', () => {
    expect(run(ramRoleRequired, planOf([botCreate('alerts', 'alerts-bot')]))).toEqual([
      {
        rule: 'ram-role-required',
        severity: 'error',
        stack: 'prod',
        address: 'oos_chat_configuration.alerts',
        configurationName: 'alerts-bot',
        message: 'prod needs a RAM role and ram_role is not set.',
        fix: 'Set ram_role to the RAM role the bot runs operations as, e.g. AliyunOOSDefaultRole.',
      },
    ]);
  });

  test('passes with a RAM role, and ignores configurations the plan destroys', () => {
    expect(run(ramRoleRequired, planOf([botCreate('a', 'a', compliant), botDelete('b', appliedBot('b'))]))).toEqual([]);
  });

  test('a ram_role known only after apply is a warning, not a violation', () => {
    expect(run(ramRoleRequired, planOf([botCreate('a', 'a', {}, { ram_role: true })]))).toMatchObject([{ severity: 'warning' }]);
  });
});

describe('no-replace-or-destroy', () => {
  const plan = recordedPlan('oos-every-change.plan.json');

  test('a replacement and a destroy are violations that mention the webhook', () => {
    const found = run(noReplaceOrDestroy, plan);
    expect(found.map((item) => [item.address, item.severity])).toEqual([
      ['oos_chat_configuration.legacy', 'error'],
      ['oos_chat_configuration.oncall', 'error'],
    ]);
    expect(found[1].message).toBe('The plan replaces oos_chat_configuration.oncall: its webhook URL stops working; prod forbids that.');
  });

  test('allowed for one run, they become warnings', () => {
    expect(run(noReplaceOrDestroy, plan, { ...PROD, allowDestructive: true }).map((item) => item.severity)).toEqual(['warning', 'warning']);
  });

  test('applies to every managed resource type', () => {
    expect(run(noReplaceOrDestroy, recordedPlan('terraform-data/every-change.plan.json')).map((item) => item.address)).toEqual([
      'terraform_data.gone',
      'terraform_data.renamed',
    ]);
  });

  test('creates and updates pass', () => {
    expect(run(noReplaceOrDestroy, planOf([botCreate('a', 'a'), botUpdate('b', appliedBot('b'), { ram_role: 'R' })]))).toEqual([]);
  });
});

describe('required-tags', () => {
  const policy = requiredTags(['Team', 'CostCenter']);

  test('a missing key is a violation per key', () => {
    expect(run(policy, planOf([botCreate('a', 'a', { tags: { Team: 'platform' } })])).map((item) => item.message)).toEqual([
      'Required tag CostCenter is missing.',
    ]);
  });

  test('provider default_tags count, as tags_all holds them', () => {
    expect(run(policy, planOf([botCreate('a', 'a', { tags: { Team: 'x' }, tags_all: { Team: 'x', CostCenter: 'cc-1' } })]))).toEqual([]);
  });

  test('an empty value is a violation', () => {
    expect(run(policy, planOf([botCreate('a', 'a', { tags: { Team: '', CostCenter: 'c' } })])).map((item) => item.message)).toEqual(['Tag Team is empty.']);
  });

  test('tags_all known only after apply is a warning per key not found in tags', () => {
    const plan = planOf([botCreate('a', 'a', { tags: { Team: 'x' } }, { tags_all: true })]);
    expect(run(policy, plan).map((item) => [item.severity, item.message])).toEqual([
      ['warning', 'Tag CostCenter is known only after apply, so it could not be checked.'],
    ]);
  });

  test('follows the stack\'s tagging: with "off" no tag is required, since OOS never holds them', () => {
    const untagged = planOf([botCreate('a', 'a', { tags: null })]);
    const required = (tagging: 'auto' | 'on' | 'off') =>
      evaluatePolicies(untagged, builtInPolicies(policySettingsFor(PRODUCTION_POLICY_SETTINGS, tagging)), PROD).violations.filter(
        (v) => v.rule === 'required-tags',
      );
    expect(required('auto')).toHaveLength(2);
    expect(required('on')).toHaveLength(2);
    expect(required('off')).toEqual([]);
    expect(policySettingsFor(PRODUCTION_POLICY_SETTINGS, 'off')).toMatchObject({ requireRamRole: true, forbidReplaceOrDestroy: true, requiredTagKeys: [] });
  });

  test('passes on the recorded plan for the default tag', () => {
    expect(run(requiredTags(['ManagedBy']), recordedPlan('oos-every-change.plan.json'))).toEqual([]);
  });
});

describe('resource-group-required', () => {
  test('the configuration is the witness: a group kept from state but no longer configured is a violation', () => {
    const plan = recordedPlan('oos-every-change.plan.json');
    const wechat = chatConfigurationChanges(plan).find((item) => item.address === 'oos_chat_configuration.wechat')!;
    expect(wechat.after?.resource_group_id).toBe('rg-acfmdefault000001');
    expect(run(resourceGroupRequired, plan).map((item) => item.address)).toEqual([
      'oos_chat_configuration.added',
      'oos_chat_configuration.oncall',
      'oos_chat_configuration.wechat',
    ]);
  });

  test('without configuration in the plan, an unknown group is a warning and a set one passes', () => {
    const plan = planOf([botCreate('a', 'a'), botCreate('b', 'b', { resource_group_id: 'rg-acfmteam0001' })]);
    expect(run(resourceGroupRequired, plan).map((item) => [item.address, item.severity])).toEqual([['oos_chat_configuration.a', 'warning']]);
  });

  test('a malformed id is a violation with the domain rule', () => {
    expect(run(resourceGroupRequired, planOf([botCreate('a', 'a', { resource_group_id: 'default' })]))[0].message).toMatch(/is not a resource group id/);
  });
});

describe('secrets-write-only-or-parameter', () => {
  test('a secret-looking key in extra_configuration is a violation that never shows the value', () => {
    const found = run(secretsWriteOnlyOrParameter, planOf([botCreate('a', 'a', { extra_configuration: { WeChatToken: 'tok-123', WeChatCorpId: 'c' } })]));
    expect(found.map((item) => item.message)).toEqual([
      'extra_configuration.WeChatToken looks like a secret and would be stored in plan and state in clear text.',
    ]);
    expect(JSON.stringify(found)).not.toContain('tok-123');
  });

  test('write-only and secret parameter configurations pass', () => {
    expect(run(secretsWriteOnlyOrParameter, recordedPlan('oos-every-change.plan.json'))).toEqual([]);
  });
});

describe('settings and custom policies', () => {
  test('the settings switch the built-ins on; none by default', () => {
    expect(builtInPolicies({})).toEqual([]);
    expect(builtInPolicies(PRODUCTION_POLICY_SETTINGS).map((policy) => policy.name)).toEqual([
      'ramRoleRequired',
      'noReplaceOrDestroy',
      'requiredTags',
      'resourceGroupRequired',
      'secretsWriteOnlyOrParameter',
    ]);
  });

  test('a custom rule is a plain function over the typed view, reported like the built-ins', () => {
    const noWeChatInProd: Policy = (plan, context) =>
      chatConfigurationChanges(plan)
        .filter((item) => context.environment === 'prod' && item.after?.type === 'WeChat')
        .map((item) => violation(context, item, 'no-wechat-in-prod', 'WeChat bots are not approved for prod.', 'Use a DingTalk bot.'));
    const report = evaluatePolicies(recordedPlan('oos-every-change.plan.json'), [noWeChatInProd], PROD);
    const found = expect.objectContaining({ rule: 'no-wechat-in-prod', configurationName: 'wechat-bot', stack: 'prod', fix: 'Use a DingTalk bot.' });
    expect(report).toEqual({ evaluated: 1, results: [{ policy: 'noWeChatInProd', violations: [found] }], violations: [found] });
  });

  test('errors are reported before warnings', () => {
    const plan = planOf([botCreate('a', 'a', {}, { ram_role: true }), botCreate('b', 'b')]);
    expect(run(ramRoleRequired, plan).map((item) => item.severity)).toEqual(['error', 'warning']);
  });

  test('a policy that throws stops the gate with its name instead of passing the plan', () => {
    const broken: Policy = function brokenRule() {
      throw new Error('boom');
    };
    expect(() => evaluatePolicies(planOf([]), [broken], PROD)).toThrow('policy brokenRule failed: boom. Fix the policy; the plan was not checked.');
  });
});
