import { Testing } from '../../lib/constructs/framework';
import { Construct } from 'constructs';
import { ChatConfiguration, oos } from '../../lib/constructs';
import { dingTalk, synthJson, testStack } from './fixtures';

describe('ChatOpsStack', () => {
  test('configures the oos provider from the registry-less source', () => {
    const json = synthJson(testStack({ endpoint: 'http://127.0.0.1:4566' }));
    expect(json.terraform.required_providers.oos).toEqual({ source: 'oos-chatops.local/chatops/oos', version: '~> 0.1' });
    expect(json.provider.oos).toEqual([{ region: 'cn-hangzhou', endpoint: 'http://127.0.0.1:4566', owner: 'chatops/dev' }]);
  });

  test('a profile goes into the provider block', () => {
    expect(Testing.synth(testStack({ credentials: { kind: 'profile', profile: 'chatops' } }))).toHaveProviderWithProperties(oos.provider.OosProvider, {
      profile: 'chatops',
    });
  });

  test('assume role becomes the assume_role block', () => {
    const json = synthJson(testStack({ credentials: { kind: 'assume-role', roleArn: 'acs:ram::1:role/deployer', sessionName: 'ci' } }));
    expect(json.provider.oos[0].assume_role).toEqual({ role_arn: 'acs:ram::1:role/deployer', session_name: 'ci' });
  });

  test('the default chain writes no credentials', () => {
    const provider = synthJson(testStack()).provider.oos[0];
    expect(Object.keys(provider)).toEqual(['owner', 'region']);
  });

  test('local state is the default backend', () => {
    expect(synthJson(testStack()).terraform.backend).toEqual({ local: { path: 'state/dev.tfstate' } });
  });

  test('OSS state is locked with Tablestore', () => {
    const json = synthJson(
      testStack({
        backend: {
          kind: 'oss',
          bucket: 'tf-state',
          prefix: 'prod',
          region: 'cn-shanghai',
          tablestoreEndpoint: 'https://x.cn-shanghai.ots.aliyuncs.com',
          tablestoreTable: 'lock',
        },
      }),
    );
    expect(json.terraform.backend).toEqual({
      oss: {
        bucket: 'tf-state',
        prefix: 'prod',
        region: 'cn-shanghai',
        tablestore_endpoint: 'https://x.cn-shanghai.ots.aliyuncs.com',
        tablestore_table: 'lock',
      },
    });
  });

  test('PostgreSQL state takes a connection string', () => {
    const json = synthJson(testStack({ backend: { kind: 'pg', connStr: 'postgres://tf@db.internal/state' } }));
    expect(json.terraform.backend).toEqual({ pg: { conn_str: 'postgres://tf@db.internal/state' } });
  });

  test('outputs the webhook URL of every configuration by name', () => {
    const stack = testStack();
    stack.addChatConfiguration('ops', { platform: dingTalk(stack) });
    stack.addChatConfiguration('alerts', { platform: dingTalk(stack) });
    expect(synthJson(stack).output.webhook_urls.value).toEqual({
      'dev-ops': '${oos_chat_configuration.ops.webhook_url}',
      'dev-alerts': '${oos_chat_configuration.alerts.webhook_url}',
    });
  });

  test('the webhook output also lists a configuration built directly inside a nested construct', () => {
    const stack = testStack();
    new ChatConfiguration(new Construct(stack, 'team-a'), 'bot', { name: 'team-a-bot', platform: dingTalk(stack) });
    const urls = synthJson(stack).output.webhook_urls.value as Record<string, string>;
    expect(Object.keys(urls)).toEqual(['team-a-bot']);
    expect(urls['team-a-bot']).toMatch(/^\$\{oos_chat_configuration\.team-a_bot_[0-9A-F]{8}\.webhook_url\}$/);
  });

  test('every stack writes its owner (<application>/<stack id>) into the provider block, so all its CI runners share one creation mark', () => {
    expect(synthJson(testStack({}, 'staging')).provider.oos[0].owner).toBe('chatops/staging');
    expect(synthJson(testStack({ application: 'payments' }, 'prod')).provider.oos[0].owner).toBe('payments/prod');
    expect(synthJson(testStack({ owner: 'team-x/bots' })).provider.oos[0].owner).toBe('team-x/bots');
  });

  test('an emulator target sets emulator_only; tagging and creation_token pass through', () => {
    const provider = synthJson(testStack({ target: 'emulator', tagging: 'off', creationToken: false })).provider.oos[0];
    expect(provider).toMatchObject({ emulator_only: true, tagging: 'off', creation_token: false });
    expect(synthJson(testStack({ target: 'cloud' })).provider.oos[0]).not.toHaveProperty('emulator_only');
  });

  test('an emulator target refuses a non-loopback endpoint at synth, saying how to start the emulator', () => {
    const stack = testStack({ target: 'emulator', endpoint: 'https://oos.cn-hangzhou.aliyuncs.com' });
    expect(() => Testing.fullSynth(stack)).toThrow(
      /endpoint: the endpoint "https:\/\/oos\.cn-hangzhou\.aliyuncs\.com" is not on this machine.*npm run emulator/,
    );
    expect(() => Testing.fullSynth(testStack({ target: 'emulator', endpoint: 'http://127.0.0.1:4566' }))).not.toThrow();
  });
});
