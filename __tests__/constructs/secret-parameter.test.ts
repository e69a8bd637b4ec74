import { Testing } from '../../lib/constructs/framework';
import { Platform, Secret, SecretParameter } from '../../lib/constructs';
import { TEST_SECRET, synthJson, testStack, validationError } from './fixtures';

function stackWithParameter() {
  const stack = testStack();
  const parameter = new SecretParameter(stack, 'bot-secret', {
    name: 'chatops-dev-bot-secret',
    value: Secret.fromVariable(stack, 'bot_secret', { version: 3 }),
    description: 'DingTalk client secret',
    constraints: { minLength: 16 },
    tags: { Team: 'ops' },
  });
  stack.addChatConfiguration('ops', {
    platform: Platform.dingTalk({ templateId: 'tmpl-1.schema', clientId: 'dingclient01', clientSecret: Secret.fromSecretParameter(parameter) }),
  });
  return { stack, parameter };
}

describe('SecretParameter', () => {
  test('sends its value write-only from an ephemeral variable, its version as value_wo_version', () => {
    const json = synthJson(stackWithParameter().stack);
    const [resource] = Object.values(json.resource.oos_secret_parameter) as Array<Record<string, unknown>>;
    expect(resource).toMatchObject({
      name: 'chatops-dev-bot-secret',
      value_wo: '${var.bot_secret}',
      value_wo_version: 3,
      description: 'DingTalk client secret',
      constraints: '{"MinLength":16}',
    });
    expect(json.variable.bot_secret).toMatchObject({ sensitive: true, ephemeral: true });
  });

  test('the value given at deploy time never appears in the synthesised stack', () => {
    process.env.TF_VAR_bot_secret = TEST_SECRET;
    try {
      const { stack } = stackWithParameter();
      expect(Testing.synth(stack, true)).not.toContain(TEST_SECRET);
      expect(String(Testing.synthHcl(stack, true))).not.toContain(TEST_SECRET);
    } finally {
      delete process.env.TF_VAR_bot_secret;
    }
  });

  test('a chat configuration reading it refers to the resource, so Terraform applies it after the parameter', () => {
    const json = synthJson(stackWithParameter().stack);
    const [bot] = Object.values(json.resource.oos_chat_configuration) as Array<Record<string, unknown>>;
    expect(bot.client_secret_parameter).toMatch(/^\$\{oos_secret_parameter\.[\w-]+\.name\}$/);
    // Unknown at plan while the parameter gets a new version: the bot then updates after it in the same apply.
    expect(bot.client_secret_parameter_version).toMatch(/^\$\{oos_secret_parameter\.[\w-]+\.parameter_version\}$/);
  });

  test('a value that is not an ephemeral variable is refused, naming the construct and the field', () => {
    const stack = testStack();
    new SecretParameter(stack, 'bad', { name: 'p', value: TEST_SECRET as unknown as Secret });
    new SecretParameter(stack, 'nested', { name: 'q', value: Secret.fromSecretParameter('other') });
    const message = validationError(stack) ?? '';
    expect(message).toMatch(/dev\/bad: value: must be a Secret.fromVariable/);
    expect(message).toMatch(/dev\/nested: value: must be a Secret.fromVariable/);
    expect(Testing.synth(stack, false)).not.toContain(TEST_SECRET);
  });

  test('an invalid name is refused at synth', () => {
    const stack = testStack();
    new SecretParameter(stack, 'named', { name: 'has spaces', value: Secret.fromVariable(stack, 'v', { version: 1 }) });
    expect(validationError(stack)).toMatch(/dev\/named: name: "has spaces" is not an OOS secret parameter name/);
  });
});
