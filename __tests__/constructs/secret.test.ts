import { Testing } from '../../lib/constructs/framework';
import { Platform, Secret } from '../../lib/constructs';
import { TEST_SECRET, dingTalk, testStack, validationError } from './fixtures';

describe('secrets', () => {
  test('a literal string secret is refused with what to use instead', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack, { clientSecret: TEST_SECRET as unknown as Secret }) });
    expect(validationError(stack)).toMatch(
      /dev\/ops: platform.clientSecret: a literal string is refused: .* Instead use Secret.fromVariable\(stack, "<variable_name>", \{ version: 1 \}\) .* or Secret.fromSecretParameter/,
    );
  });

  test('a refused literal secret is never written to the output', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: Platform.weChat({ clientSecret: TEST_SECRET as unknown as Secret }) });
    expect(Testing.synth(stack, false)).not.toContain(TEST_SECRET);
  });

  test('the secret value given at deploy time never appears in the synthesised stack', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack) });
    process.env.TF_VAR_ops_secret = TEST_SECRET;
    try {
      const json = Testing.synth(stack, true);
      const hcl = Testing.synthHcl(stack, true);
      expect(json.split(TEST_SECRET).length - 1).toBe(0);
      expect(String(hcl).split(TEST_SECRET).length - 1).toBe(0);
    } finally {
      delete process.env.TF_VAR_ops_secret;
    }
  });

  test('isSecret is false for plain strings', () => {
    expect(Secret.isSecret('secret')).toBe(false);
    expect(Secret.isSecret(Secret.fromSecretParameter('p'))).toBe(true);
  });

  test('a variable name Terraform cannot use is refused', () => {
    const stack = testStack();
    expect(() => Secret.fromVariable(stack, 'my secret', { version: 1 })).toThrow(/dev: Secret.fromVariable name "my secret" is not a Terraform variable name/);
  });

  test('bumping the version changes client_secret_wo_version', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack, { clientSecret: Secret.fromVariable(stack, 'ops_secret', { version: 2 }) }) });
    expect(JSON.parse(Testing.synth(stack, true)).resource.oos_chat_configuration.ops.client_secret_wo_version).toBe(2);
  });
});
