import { Platform, Secret } from '../../lib/constructs';
import { TerraformVariable } from '../../lib/constructs/framework';
import { dingTalk, testStack, validationError } from './fixtures';

describe('synth-time validation', () => {
  test('a valid configuration passes', () => {
    const stack = testStack({ resourceGroupId: 'rg-acfm01' });
    stack.addChatConfiguration('ops', { platform: dingTalk(stack), ramRole: 'AliyunOOSDefaultRole', tags: { Team: 'sre' } });
    expect(validationError(stack)).toBeUndefined();
  });

  test('refuses a name with characters other than letters, digits, - _ .', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { name: 'ops bot!', platform: dingTalk(stack) });
    expect(validationError(stack)).toMatch(/dev\/ops: name: "ops bot!" is not a valid name: use 1 to 128 letters/);
  });

  test('refuses a name longer than 128 characters', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { name: 'a'.repeat(129), platform: dingTalk(stack) });
    expect(validationError(stack)).toMatch(/dev\/ops: name: .* use 1 to 128/);
  });

  test('refuses an empty name', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { name: '', platform: dingTalk(stack) });
    expect(validationError(stack)).toMatch(/dev\/ops: name: "" is not a valid name/);
  });

  test('refuses two configurations with the same OOS name in one stack, naming both paths', () => {
    const stack = testStack();
    const platform = dingTalk(stack);
    stack.addChatConfiguration('ops', { name: 'shared-bot', platform });
    stack.addChatConfiguration('alerts', { name: 'shared-bot', platform });
    expect(validationError(stack)).toMatch(/dev: name: "shared-bot" is used by dev\/ops and dev\/alerts: OOS keys chat configurations by name/);
  });

  test('refuses a platform that is not built with Platform', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: { type: 'Slack' } as unknown as Platform });
    expect(validationError(stack)).toMatch(/dev\/ops: platform: is not a Platform: use Platform.dingTalk/);
  });

  test('refuses an unknown platform type', () => {
    const stack = testStack();
    const platform = Object.assign(Object.create(Platform.prototype), { type: 'Slack' }) as Platform;
    stack.addChatConfiguration('ops', { platform });
    expect(validationError(stack)).toMatch(/dev\/ops: platform.type: "Slack" is not a chat platform: use "DingTalk" or "WeChat"/);
  });

  test.each(['templateId', 'clientId', 'clientSecret'] as const)('requires %s for DingTalk', (field) => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack, { [field]: undefined }) });
    expect(validationError(stack)).toMatch(new RegExp(`dev/ops: platform.${field}: is required for DingTalk .*set it in Platform.dingTalk`));
  });

  test('refuses a RAM role name with other characters', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack), ramRole: 'acs:ram::1:role/OOSRole' });
    expect(validationError(stack)).toMatch(
      /dev\/ops: ramRole: .* is not a RAM role name: use 1 to 64 letters, digits, "\." or "-" \(the role name, not its ARN\)/,
    );
  });

  test('refuses a RAM role name longer than 64 characters', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack), ramRole: 'r'.repeat(65) });
    expect(validationError(stack)).toMatch(/dev\/ops: ramRole: .* use 1 to 64/);
  });

  test('refuses a malformed resource group id', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack), resourceGroupId: 'RG-ABC' });
    expect(validationError(stack)).toMatch(/dev\/ops: resourceGroupId: "RG-ABC" is not a resource group id: ids look like rg-/);
  });

  test('refuses a malformed stack resource group id', () => {
    const stack = testStack({ resourceGroupId: 'group-1' });
    expect(validationError(stack)).toMatch(/dev: resourceGroupId: "group-1" is not a resource group id/);
  });

  test('refuses more than 20 tags, counting the defaults', () => {
    const stack = testStack();
    const tags = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`k${i}`, 'v']));
    stack.addChatConfiguration('ops', { platform: dingTalk(stack), tags });
    expect(validationError(stack)).toMatch(/dev\/ops: tags: 21 tags given; OOS allows at most 20: remove 1/);
  });

  test('refuses a tag key longer than 128 characters', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack), tags: { ['k'.repeat(129)]: 'v' } });
    expect(validationError(stack)).toMatch(/dev\/ops: tags: tag key "k+" must be 1 to 128 characters long/);
  });

  test('refuses a tag value longer than 128 characters', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack), tags: { Team: 'v'.repeat(129) } });
    expect(validationError(stack)).toMatch(/dev\/ops: tags: the value of tag "Team" is 129 characters long; at most 128/);
  });

  test.each(['aliyun:owner', 'acs:team'])('refuses the reserved tag prefix of %s', (key) => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack), tags: { [key]: 'v' } });
    expect(validationError(stack)).toMatch(/dev\/ops: tags: tag key ".*" starts with the reserved prefix ".*": rename it/);
  });

  test('refuses reserved prefixes in the stack default tags', () => {
    const stack = testStack({ defaultTags: { 'aliyun-team': 'x' } });
    expect(validationError(stack)).toMatch(/dev: defaultTags: tag key "aliyun-team" starts with the reserved prefix/);
  });

  test('refuses WeChat settings that look like secrets', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: Platform.weChat({ settings: { AppSecret: 'x' } }) });
    expect(validationError(stack)).toMatch(/dev\/ops: platform.settings: key "AppSecret" looks like a secret .*pass secrets as clientSecret/);
  });

  test('refuses a password in a PostgreSQL connection string', () => {
    const stack = testStack({ backend: { kind: 'pg', connStr: 'postgres://tf:hunter2@db/state' } });
    expect(validationError(stack)).toMatch(/dev: backend.connStr: contains a password: remove it and set PGPASSWORD/);
  });

  test('skips values that are tokens', () => {
    const stack = testStack();
    const name = new TerraformVariable(stack, 'name', { type: 'string' });
    const role = new TerraformVariable(stack, 'role', { type: 'string' });
    stack.addChatConfiguration('ops', {
      name: name.stringValue,
      platform: dingTalk(stack, { templateId: name.stringValue }),
      ramRole: role.stringValue,
      resourceGroupId: role.stringValue,
      tags: { Owner: role.stringValue },
    });
    expect(validationError(stack)).toBeUndefined();
  });

  test('reports every problem at once', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { name: 'bad name', platform: dingTalk(stack), ramRole: 'bad/role' });
    const message = validationError(stack) ?? '';
    expect(message).toContain('dev/ops: name:');
    expect(message).toContain('dev/ops: ramRole:');
  });

  test('app.synth() fails on an invalid configuration', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { name: 'bad name', platform: dingTalk(stack, { clientSecret: Secret.fromSecretParameter('p') }) });
    expect(() => (stack.node.root as unknown as { synth(): void }).synth()).toThrow(/dev\/ops: name:/);
  });
});
