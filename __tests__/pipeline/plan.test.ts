/** The typed plan view, pinned to real `terraform show -json` output of Terraform 1.11. */
import { PlanJsonError, chatConfigurationChanges, configuredResource, hasChanges, parsePlan, planFromJson } from '../../lib/pipeline';
import { recordedPlan } from './support/plan-fixtures';

describe('reading a real terraform_data plan', () => {
  const plan = recordedPlan('terraform-data/every-change.plan.json');
  const byAddress = (address: string) => plan.resourceChanges.find((change) => change.address === address)!;

  test('each change gets its kind from its actions, delete+create being a replace', () => {
    expect(plan.resourceChanges.map((change) => [change.address, change.kind])).toEqual([
      ['terraform_data.added', 'create'],
      ['terraform_data.gone', 'delete'],
      ['terraform_data.kept', 'update'],
      ['terraform_data.renamed', 'replace'],
    ]);
  });

  test('a replacement keeps its reason and the paths that force it', () => {
    expect(byAddress('terraform_data.renamed').replacePaths).toEqual([['triggers_replace']]);
    expect(byAddress('terraform_data.renamed').actionReason).toBe('replace_because_cannot_update');
    expect(byAddress('terraform_data.gone').actionReason).toBe('delete_because_no_resource_config');
  });

  test('output changes and variables are read, sensitive variables flagged', () => {
    expect(plan.outputChanges.map((change) => [change.name, change.kind])).toEqual([
      ['added', 'create'],
      ['old', 'delete'],
      ['secret', 'update'],
      ['team', 'update'],
    ]);
    expect(plan.variables.get('secret')?.sensitive).toBe(true);
    expect(plan.variables.get('team')).toEqual({ value: 'platform', sensitive: false, ephemeral: false });
  });

  test('a plan whose resources are all no-op has no changes', () => {
    expect(hasChanges(plan)).toBe(true);
    expect(hasChanges(recordedPlan('terraform-data/no-changes.plan.json'))).toBe(false);
  });
});

describe('reading a real oos_chat_configuration plan', () => {
  const plan = recordedPlan('oos-every-change.plan.json');
  const bots = chatConfigurationChanges(plan);
  const bot = (key: string) => bots.find((item) => item.address === `oos_chat_configuration.${key}`)!;

  test('attributes are typed, and the name is the one OOS will know after apply', () => {
    expect(bot('alerts').after?.ram_role).toBe('OpsBotRole');
    expect(bot('alerts').after?.tags_all).toEqual({ ManagedBy: 'terraform', Team: 'sre', Tier: 'gold' });
    expect(bot('oncall').name).toBe('oncall-ops-bot');
    expect(bot('legacy').name).toBe('legacy-bot');
  });

  test('computed attributes of a new configuration are unknown, aes_key sensitive', () => {
    expect(bot('added').isUnknownAfter('webhook_url')).toBe(true);
    expect(bot('added').after?.webhook_url).toBeNull();
    expect(bot('added').isSensitiveAfter('aes_key')).toBe(true);
    expect(bot('added').isUnknownAfter('name')).toBe(false);
  });

  test('the configuration tells which arguments are set, so optional+computed ones can be told apart', () => {
    expect(configuredResource(plan, bot('alerts').change)?.expressions.has('resource_group_id')).toBe(true);
    expect(configuredResource(plan, bot('wechat').change)?.expressions.has('resource_group_id')).toBe(false);
    expect(configuredResource(plan, bot('alerts').change)?.expressions.get('client_secret_wo')?.references).toEqual(['var.client_secret']);
  });
});

describe('a file that is not a plan fails with what it is and how to make one', () => {
  test('not JSON', () => {
    expect(() => parsePlan('Terraform will perform the following actions', 'plan.json')).toThrow(/plan\.json: is not JSON .*terraform show -json <planfile>/);
  });

  test('a state instead of a plan', () => {
    expect(() => planFromJson({ format_version: '1.0', terraform_version: '1.11.4', values: { root_module: {} } })).toThrow(/looks like a state/);
  });

  test('a JSON array', () => {
    expect(() => planFromJson([])).toThrow(PlanJsonError);
  });

  test('an unsupported format version', () => {
    expect(() => planFromJson({ format_version: '2.0', resource_changes: [] })).toThrow(/format_version: format 2\.0 is not supported/);
  });

  test('an unknown action, with the path to it', () => {
    const document = { format_version: '1.2', resource_changes: [{ address: 'a.b', type: 'a', name: 'b', change: { actions: ['explode'] } }] };
    expect(() => planFromJson(document)).toThrow(/resource_changes\[0\]\.change\.actions\[0\]: unknown action "explode"/);
  });

  test('a chat configuration attribute of the wrong type names the attribute', () => {
    const plan = planFromJson({
      format_version: '1.2',
      resource_changes: [
        {
          address: 'oos_chat_configuration.x',
          type: 'oos_chat_configuration',
          name: 'x',
          change: { actions: ['create'], before: null, after: { tags: ['a'] } },
        },
      ],
    });
    expect(() => chatConfigurationChanges(plan)).toThrow(/oos_chat_configuration\.x after\.tags: expected a map of strings/);
  });
});
