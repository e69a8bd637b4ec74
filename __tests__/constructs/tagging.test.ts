import { dingTalk, synthJson, testStack } from './fixtures';
import { TerraformVariable } from '../../lib/constructs/framework';

describe('default tags', () => {
  test('every configuration gets Environment and ManagedBy', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack) });
    expect(synthJson(stack).resource.oos_chat_configuration.ops.tags).toEqual({ Environment: 'dev', ManagedBy: 'cdktf' });
  });

  test("the stack's default tags are merged in", () => {
    const stack = testStack({ defaultTags: { Team: 'platform' } });
    stack.addChatConfiguration('ops', { platform: dingTalk(stack) });
    expect(synthJson(stack).resource.oos_chat_configuration.ops.tags).toEqual({ Environment: 'dev', ManagedBy: 'cdktf', Team: 'platform' });
  });

  test('explicit tags win over defaults', () => {
    const stack = testStack({ defaultTags: { Team: 'platform' } });
    stack.addChatConfiguration('ops', { platform: dingTalk(stack), tags: { Team: 'sre', Environment: 'dev-sandbox' } });
    expect(synthJson(stack).resource.oos_chat_configuration.ops.tags).toEqual({ Environment: 'dev-sandbox', ManagedBy: 'cdktf', Team: 'sre' });
  });

  test('tags set through the escape hatch win too', () => {
    const stack = testStack();
    const bot = stack.addChatConfiguration('ops', { platform: dingTalk(stack) });
    bot.resource.tags = { ManagedBy: 'hand' };
    expect(synthJson(stack).resource.oos_chat_configuration.ops.tags).toEqual({ Environment: 'dev', ManagedBy: 'hand' });
  });

  test('a tag map token is merged by Terraform', () => {
    const stack = testStack();
    const tags = new TerraformVariable(stack, 'tags', { type: 'map(string)' });
    const bot = stack.addChatConfiguration('ops', { platform: dingTalk(stack) });
    bot.resource.tags = tags.value;
    expect(synthJson(stack).resource.oos_chat_configuration.ops.tags).toBe('${merge({"Environment" = "dev", "ManagedBy" = "cdktf"}, var.tags)}');
  });
});
