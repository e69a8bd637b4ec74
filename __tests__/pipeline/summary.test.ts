/** summary.md: what a reviewer reads in the pull request. */
import { PR_COMMENT_LIMIT, evaluatePolicies, headline, renderSummary, requiredTags, terraformPlanLine } from '../../lib/pipeline';
import { appliedBot, botCreate, botDelete, botUpdate, planOf, recordedPlan, recordedText } from './support/plan-fixtures';

const CONTEXT = { stack: 'prod', environment: 'prod', allowDestructive: false };

/** The block of one chat configuration, from its heading to the next. */
function blockOf(summary: string, address: string): string {
  const start = summary.split('\n#### ').find((block) => block.includes(`(\`${address}\`)`));
  if (!start) throw new Error(`no block for ${address} in\n${summary}`);
  return start.split('\n### ')[0];
}

describe('summary of a real plan with every kind of change', () => {
  const plan = recordedPlan('oos-every-change.plan.json');
  const summary = renderSummary(plan, { stack: 'prod' });

  test('terraform’s own count stands beside the breakdown by kind, replacements apart', () => {
    expect(terraformPlanLine(plan)).toBe('Plan: 2 to add, 2 to change, 2 to destroy.');
    expect(headline(plan)).toBe(
      'Plan: 2 to add, 2 to change, 2 to destroy. By kind: 1 to create, 2 to update in place, 1 to replace, 1 to destroy, 1 output change.',
    );
    expect(summary).toContain(
      '| **Plan: 2 to add, 2 to change, 2 to destroy.** | 1 to create, 2 to update in place, 1 to replace, 1 to destroy, 1 output change |',
    );
  });

  test('a create lists what will be set and what is known after apply', () => {
    const block = blockOf(summary, 'oos_chat_configuration.added');
    expect(block).toMatch(/^➕ Create `deploy-bot`/);
    expect(block).toContain('| `template_id` | `template-3` |');
    expect(block).toContain('| `webhook_url` | _(known after apply)_ |');
    expect(block).not.toContain('`ram_role`');
  });

  test('an update lists each changed field old → new, tags per key', () => {
    const block = blockOf(summary, 'oos_chat_configuration.alerts');
    expect(block).toMatch(/^✏️ Update in place `alerts-bot`/);
    expect(block).toContain('| `ram_role` | `AliyunOOSDefaultRole` | `OpsBotRole` |');
    expect(block).toContain('| `tags.Team` | `platform` | `sre` |');
    expect(block).toContain('| `tags.CostCenter` | `cc-100` | _(none)_ |');
    expect(block).toContain('| `tags_all.Tier` | _(none)_ | `gold` |');
    expect(block).not.toContain('updated_date');
  });

  test('a write-only secret rotation shows as a version change, never a value', () => {
    expect(blockOf(summary, 'oos_chat_configuration.alerts')).toContain('client secret: new version `1` → `2` (write-only `client_secret_wo`)');
    expect(blockOf(summary, 'oos_chat_configuration.alerts')).not.toContain('| `client_secret_wo_version`');
  });

  test('a secret parameter rotation shows as a version change with the parameter name', () => {
    expect(blockOf(summary, 'oos_chat_configuration.wechat')).toContain('client secret: new version `1` → `2` (secret parameter `wechat-bot-secret`)');
  });

  test('a replacement gives its reason and warns that the webhook URL must be registered again', () => {
    const block = blockOf(summary, 'oos_chat_configuration.oncall');
    expect(block).toMatch(/^♻️ Replace `oncall-ops-bot`/);
    expect(block).toContain('Why: `name` changed (`oncall-bot` → `oncall-ops-bot`) and the provider cannot update it in place.');
    expect(block).toContain('**The webhook URL changes.** The old bot is deleted before the new one is created, so the bot is down in between.');
    expect(block).toContain('After apply, register the new URL in DingTalk again');
    expect(summary).toMatch(/^> ⚠️ \*\*1 chat configuration is replaced\*\* \(`oncall-ops-bot`\)/m);
  });

  test('a destroy says why and that the webhook stops working', () => {
    const block = blockOf(summary, 'oos_chat_configuration.legacy');
    expect(block).toMatch(/^🗑️ Destroy `legacy-bot`/);
    expect(block).toContain('Why: it was removed from the configuration. Its webhook URL stops working');
  });

  test('risky changes come first: replace, destroy, update, create', () => {
    const order = ['oncall', 'legacy', 'alerts', 'added'].map((key) => summary.indexOf(`(\`oos_chat_configuration.${key}\`)`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  test('output changes are listed per key: an added key is an Add, a removed one a Remove, a changed one an update', () => {
    expect(summary).toContain('| `webhook_urls.added` | ➕ Add | _(none)_ | _(known after apply)_ |');
    expect(summary).toContain('| `webhook_urls.legacy` | ➖ Remove | `https://');
    expect(summary).toMatch(/\| `webhook_urls\.oncall` \| ✏️ Update in place \| `https:[^|]+` \| _\(known after apply\)_ \|/);
  });

  test('policies not given are said to be not evaluated', () => {
    expect(summary).toContain('### Policy results\n\n_Policies were not evaluated for this plan._');
  });

  test('sensitive values in the plan JSON never reach the summary', () => {
    const wechatAesKey = JSON.parse(recordedText('oos-no-changes.plan.json')).resource_changes.find(
      (change: { address: string }) => change.address === 'oos_chat_configuration.wechat',
    ).change.before.aes_key as string;
    expect(wechatAesKey).toMatch(/^\w{20,}$/);
    expect(recordedText('oos-every-change.plan.json')).toContain(wechatAesKey);
    expect(summary).not.toContain(wechatAesKey);
  });
});

describe('sensitive and unknown values', () => {
  test('a sensitive output shows as (sensitive) though the plan JSON holds its value', () => {
    const plan = recordedPlan('terraform-data/every-change.plan.json');
    const summary = renderSummary(plan);
    expect(recordedText('terraform-data/every-change.plan.json')).toContain('"n3w"');
    expect(summary).toContain('| `secret` | ✏️ Update in place | _(sensitive)_ | _(sensitive)_ |');
    expect(summary).not.toMatch(/n3w|s3cr3t/);
  });

  test('an unknown sensitive value says both', () => {
    const before = appliedBot('wechat-bot', { type: 'WeChat', aes_key: 'aes-key-value-not-to-print' });
    const summary = renderSummary(planOf([botUpdate('w', before, { name: 'wechat-2' }, { replacePaths: [['name']] })]));
    expect(summary).toContain('| `aes_key` | _(sensitive)_ | _(sensitive, known after apply)_ |');
    expect(summary).not.toContain('aes-key-value-not-to-print');
    expect(summary).toContain('register the new URL in WeChat again');
  });

  test('extra_configuration keys that look like secrets are masked even when the provider does not mark them', () => {
    const before = appliedBot('wechat-bot', { type: 'WeChat', extra_configuration: { WeChatToken: 'tok-old-123', WeChatCorpId: 'corp-1' } });
    const summary = renderSummary(planOf([botUpdate('w', before, { extra_configuration: { WeChatToken: 'tok-new-456', WeChatCorpId: 'corp-2' } })]));
    expect(summary).toContain('| `extra_configuration.WeChatToken` | _(sensitive)_ | _(sensitive)_ |');
    expect(summary).toContain('| `extra_configuration.WeChatCorpId` | `corp-1` | `corp-2` |');
    expect(summary).not.toMatch(/tok-old|tok-new/);
  });

  test('a map key known only after apply reads as known after apply', () => {
    const before = appliedBot('a', { tags: { Team: 'x' } });
    const summary = renderSummary(planOf([botUpdate('a', before, { tags_all: { Team: 'x' } }, { unknown: { tags_all: { Owner: true } } })]));
    expect(summary).toContain('| `tags_all.Owner` | _(none)_ | _(known after apply)_ |');
  });

  test('values with pipes and backticks stay inside their table cell', () => {
    const before = appliedBot('a', { template_id: 'a|b' });
    const summary = renderSummary(planOf([botUpdate('a', before, { template_id: 'x`y' })]));
    expect(summary).toContain('| `template_id` | `a\\|b` | ``x`y`` |');
  });
});

describe('headline', () => {
  test('no changes', () => {
    expect(headline(recordedPlan('oos-no-changes.plan.json'))).toBe('No changes.');
    expect(renderSummary(recordedPlan('oos-no-changes.plan.json'))).toContain('No resource changes.');
  });

  test('a destroy plan', () => {
    expect(headline(recordedPlan('oos-destroy.plan.json'))).toBe(
      'Plan: 0 to add, 0 to change, 4 to destroy. By kind: 0 to create, 0 to update in place, 0 to replace, 4 to destroy, 2 output changes.',
    );
    expect(renderSummary(recordedPlan('oos-destroy.plan.json'))).toContain('| `wechat_aes_key` | ➖ Remove |');
  });
});

describe('policy results', () => {
  test('violations are listed with rule, stack, configuration, problem and fix', () => {
    const plan = recordedPlan('oos-every-change.plan.json');
    const summary = renderSummary(plan, { policy: evaluatePolicies(plan, [requiredTags(['Owner'])], CONTEXT) });
    expect(summary).toContain('❌ **4 violations block this plan**; 1 policy (`requiredTags`) evaluated.');
    expect(summary).toContain(
      "| ❌ | `required-tags` | `prod` | `alerts-bot` (`oos_chat_configuration.alerts`) | Required tag Owner is missing. | Add the tag Owner to tags (or to the provider's default_tags). |",
    );
  });

  test('a clean result says so', () => {
    const plan = recordedPlan('oos-every-change.plan.json');
    expect(renderSummary(plan, { policy: evaluatePolicies(plan, [requiredTags(['ManagedBy'])], CONTEXT) })).toContain(
      '✅ 1 policy (`requiredTags`) evaluated, no violation.',
    );
  });
});

describe('a plan of 2,000 changes fits a pull request comment', () => {
  const changes = Array.from({ length: 2000 }, (_, index) => {
    const name = `bot-${String(index).padStart(4, '0')}`;
    if (index % 4 === 0) return botCreate(`b${index}`, name, { template_id: 't', client_id: 'c', tags: { Team: 'platform' } });
    if (index % 4 === 1) return botUpdate(`b${index}`, appliedBot(name, { ram_role: 'RoleA' }), { ram_role: 'RoleB' });
    if (index % 4 === 2) return botUpdate(`b${index}`, appliedBot(name), { name: `${name}-new` }, { replacePaths: [['name']] });
    return botDelete(`b${index}`, appliedBot(name));
  });
  const plan = planOf(changes);
  const policy = evaluatePolicies(plan, [requiredTags(['CostCenter'])], CONTEXT);
  const summary = renderSummary(plan, { stack: 'prod', policy });

  test('under 65,536 characters, headline with full counts', () => {
    expect(summary.length).toBeLessThan(PR_COMMENT_LIMIT);
    expect(summary).toContain(
      '| **Plan: 1000 to add, 500 to change, 1000 to destroy.** | 500 to create, 500 to update in place, 500 to replace, 500 to destroy |',
    );
  });

  test('the first items are shown and the rest counted by kind', () => {
    expect(summary).toMatch(/_…and 1,9\d\d more items not shown \(.*500 create.*\): see the plan JSON artefact\._/);
    expect(summary).toContain('(`oos_chat_configuration.b2`)');
    expect(summary).toMatch(/_…and [\d,]+ more items not shown \([\d,]+ error\)/);
  });

  test('nothing is cut mid-line: every table row is whole', () => {
    const rows = summary.split('\n').filter((line) => line.startsWith('|'));
    expect(rows.length).toBeGreaterThan(50);
    for (const line of rows) expect(line.endsWith('|')).toBe(true);
    expect(summary.endsWith('\n')).toBe(true);
  });

  test('a smaller limit is honoured too', () => {
    expect(renderSummary(plan, { policy, maxLength: 10_000 }).length).toBeLessThanOrEqual(10_000);
  });
});
