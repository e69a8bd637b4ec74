/**
 * The emulator's two profiles: `model` (the default; what the provider's defaults assume of OOS)
 * and `strict` (only what Alibaba's docs and SDK confirm), and the options that override either.
 */
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../lib/emulator';
import { optionsFromArguments } from '../../lib/emulator/cli';
import { regionCaller } from './signed-client';

const running: RunningEmulator[] = [];
afterEach(async () => Promise.all(running.splice(0).map((emulator) => emulator.close())));

async function caller(options: EmulatorOptions = {}) {
  const emulator = await startEmulator(options);
  running.push(emulator);
  return regionCaller(emulator);
}

const DOCUMENTED = ['template', 'parameter', 'secretparameter', 'stateconfiguration', 'application'];

describe('tag ResourceTypes', () => {
  test('the default (model) profile tags chat configurations as chatconfiguration', async () => {
    const call = await caller();
    await call('CreateChatConfiguration', { Name: 'bot', Type: 'DingTalk' });
    const tagged = await call('TagResources', { ResourceType: 'chatconfiguration', ResourceIds: '["bot"]', Tags: '{"Team":"sre"}' });
    expect(tagged.status).toBe(200);
  });

  test('the strict profile accepts the five documented types and refuses chatconfiguration with InvalidParameter.ResourceType', async () => {
    const call = await caller({ profile: 'strict' });
    await call('CreateChatConfiguration', { Name: 'bot', Type: 'DingTalk' });
    const refused = await call('ListTagResources', { ResourceType: 'chatconfiguration', ResourceIds: '["bot"]' });
    expect(refused.status).toBe(400);
    expect(refused.body.Code).toBe('InvalidParameter.ResourceType');
    for (const type of DOCUMENTED) expect((await call('ListTagResources', { ResourceType: type })).status).toBe(200);
  });

  test('a documented type the emulator models no resources of lists nothing and tags nothing', async () => {
    const call = await caller({ profile: 'strict' });
    expect((await call('ListTagResources', { ResourceType: 'template', ResourceIds: '["t"]' })).body.TagResources.TagResource).toEqual([]);
    const tagged = await call('TagResources', { ResourceType: 'template', ResourceIds: '["t"]', Tags: '{"a":"b"}' });
    expect(tagged.body.Code).toBe('EntityNotExists.Template');
  });

  test('tagResourceTypes lists exactly what is accepted: chatconfiguration only when listed, in either profile', async () => {
    const strictWithChat = await caller({ profile: 'strict', tagResourceTypes: [...DOCUMENTED, 'chatconfiguration'] });
    expect((await strictWithChat('ListTagResources', { ResourceType: 'chatconfiguration' })).status).toBe(200);
    const modelWithout = await caller({ tagResourceTypes: DOCUMENTED });
    expect((await modelWithout('ListTagResources', { ResourceType: 'chatconfiguration' })).body.Code).toBe('InvalidParameter.ResourceType');
  });
});

describe('unknown Configuration keys', () => {
  test('the default profile keeps any key, the provider creation token included', async () => {
    const call = await caller();
    const created = await call('CreateChatConfiguration', { Name: 'bot', Type: 'DingTalk', Configuration: '{"TerraformCreationToken":"t","Extra":"x"}' });
    expect(created.status).toBe(200);
  });

  test('the strict profile refuses a key outside <Type>TemplateId/ClientId/ClientSecret and the WeChat settings, naming the key but never a value', async () => {
    const call = await caller({ profile: 'strict' });
    const refused = await call('CreateChatConfiguration', {
      Name: 'bot',
      Type: 'DingTalk',
      Configuration: '{"DingTalkClientSecret":"do-not-echo","TerraformCreationToken":"t"}',
    });
    expect(refused.body.Code).toBe('InvalidParameter.Configuration');
    expect(refused.body.Message).toMatch(/"TerraformCreationToken"/);
    expect(JSON.stringify(refused.body)).not.toContain('do-not-echo');
    const documented = '{"DingTalkTemplateId":"t","DingTalkClientId":"c","DingTalkClientSecret":"s"}';
    expect((await call('CreateChatConfiguration', { Name: 'bot', Type: 'DingTalk', Configuration: documented })).status).toBe(200);
    expect((await call('CreateChatConfiguration', { Name: 'we', Type: 'WeChat', Configuration: '{"CorpId":"ww1","AgentId":"2"}' })).status).toBe(200);
    const update = await call('UpdateChatConfiguration', { Name: 'bot', Configuration: '{"Other":"x"}' });
    expect(update.body.Code).toBe('InvalidParameter.Configuration');
  });

  test('rejectUnknownConfigurationKeys turns the check on in the default profile', async () => {
    const call = await caller({ rejectUnknownConfigurationKeys: true });
    expect((await call('CreateChatConfiguration', { Name: 'bot', Type: 'DingTalk', Configuration: '{"X":"y"}' })).body.Code).toBe(
      'InvalidParameter.Configuration',
    );
  });
});

describe('command line', () => {
  const options = (argv: string[]) => optionsFromArguments(argv, {});

  test('--strict and --profile strict choose the strict profile', () => {
    expect(options(['--strict']).profile).toBe('strict');
    expect(options(['--profile', 'strict']).profile).toBe('strict');
    expect(options([]).profile).toBeUndefined();
  });

  test('--tag-resource-types takes a comma list; --reject-unknown-configuration-keys is a switch', () => {
    expect(options(['--tag-resource-types', 'template, chatconfiguration', '--reject-unknown-configuration-keys'])).toMatchObject({
      tagResourceTypes: ['template', 'chatconfiguration'],
      rejectUnknownConfigurationKeys: true,
    });
  });

  test('an unknown profile is a usage error', () => {
    expect(() => options(['--profile', 'lenient'])).toThrow(/--profile must be "model" or "strict"/);
  });
});
