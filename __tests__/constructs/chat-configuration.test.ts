import { TerraformOutput, Testing } from '../../lib/constructs/framework';
import { ChatConfiguration, Platform, Secret, oos } from '../../lib/constructs';
import { dingTalk, synthJson, testStack } from './fixtures';

describe('ChatConfiguration', () => {
  test('synthesises a DingTalk configuration', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack), ramRole: 'AliyunOOSDefaultRole' });
    expect(Testing.synth(stack, true)).toMatchSnapshot();
  });

  test('maps DingTalk settings to the resource arguments', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack), ramRole: 'AliyunOOSDefaultRole' });
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(oos.chatConfiguration.ChatConfiguration, {
      name: 'dev-ops',
      type: 'DingTalk',
      template_id: 'tmpl-1.schema',
      client_id: 'dingclient01',
      ram_role: 'AliyunOOSDefaultRole',
    });
  });

  test('puts WeChat settings into extra_configuration', () => {
    const stack = testStack();
    stack.addChatConfiguration('alerts', { platform: Platform.weChat({ clientId: 'wxid', settings: { CorpId: 'ww1', AgentId: '1000002' } }) });
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(oos.chatConfiguration.ChatConfiguration, {
      type: 'WeChat',
      client_id: 'wxid',
      extra_configuration: { CorpId: 'ww1', AgentId: '1000002' },
    });
  });

  test('puts DingTalk settings beyond the three typed fields into extra_configuration', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack, { settings: { RobotCode: 'dingrobot01' } }) });
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(oos.chatConfiguration.ChatConfiguration, {
      template_id: 'tmpl-1.schema',
      extra_configuration: { RobotCode: 'dingrobot01' },
    });
  });

  test('importExisting synthesises an import block whose id is the OOS name; without it there is none', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack), importExisting: true });
    stack.addChatConfiguration('new', { platform: dingTalk(stack) });
    const json = synthJson(stack) as unknown as { import: { to: string; id: string }[] };
    expect(json.import).toEqual([{ to: 'oos_chat_configuration.ops', id: 'dev-ops' }]);
  });

  test('a variable secret becomes an ephemeral sensitive variable feeding client_secret_wo', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack) });
    const json = synthJson(stack);
    expect(json.variable.ops_secret).toEqual(expect.objectContaining({ type: 'string', sensitive: true, ephemeral: true }));
    expect(json.resource.oos_chat_configuration.ops).toEqual(expect.objectContaining({ client_secret_wo: '${var.ops_secret}', client_secret_wo_version: 1 }));
  });

  test('a secret parameter becomes client_secret_parameter', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack, { clientSecret: Secret.fromSecretParameter('chatops-ops-secret') }) });
    const resource = synthJson(stack).resource.oos_chat_configuration.ops;
    expect(resource.client_secret_parameter).toBe('chatops-ops-secret');
    expect(resource.client_secret_wo).toBeUndefined();
  });

  test('the same variable name used twice reuses one variable', () => {
    const stack = testStack();
    stack.addChatConfiguration('a', { platform: dingTalk(stack) });
    stack.addChatConfiguration('b', { platform: dingTalk(stack) });
    expect(Object.keys(synthJson(stack).variable)).toEqual(['ops_secret']);
  });

  test('the stack resource group is the default of its configurations', () => {
    const stack = testStack({ resourceGroupId: 'rg-stackdefault01' });
    stack.addChatConfiguration('a', { platform: dingTalk(stack) });
    stack.addChatConfiguration('b', { platform: dingTalk(stack), resourceGroupId: 'rg-own01' });
    const resources = synthJson(stack).resource.oos_chat_configuration;
    expect(resources.a.resource_group_id).toBe('rg-stackdefault01');
    expect(resources.b.resource_group_id).toBe('rg-own01');
  });

  test('exposes the webhook URL and the escape hatch to the resource', () => {
    const stack = testStack();
    const bot = new ChatConfiguration(stack, 'bot', { name: 'bot', platform: dingTalk(stack) });
    bot.resource.addOverride('lifecycle.prevent_destroy', true);
    new TerraformOutput(stack, 'bot_url', { value: bot.webhookUrl });
    const json = synthJson(stack);
    expect(json.output.bot_url.value).toBe('${oos_chat_configuration.bot.webhook_url}');
    expect(json.resource.oos_chat_configuration.bot.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('synthesises as HCL too', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack) });
    const hcl = Testing.synthHcl(stack, true);
    expect(hcl).toContain('resource "oos_chat_configuration" "ops"');
    expect(hcl).toContain('client_secret_wo = "${var.ops_secret}"');
    expect(hcl).toContain('ephemeral = true');
  });
});
