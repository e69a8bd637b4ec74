/** The data sources with the real terraform binary against the emulator. */
import { OosFixture, startOosFixture } from '../support/oos-fixture';
import { providerConfig, valuesOf } from '../support/terraform-workspace';

describe('data sources', () => {
  let fixture: OosFixture;

  beforeAll(async () => {
    fixture = await startOosFixture();
    await fixture.client.createChatConfiguration({
      name: 'team-a-bot',
      type: 'DingTalk',
      ramRole: 'RoleA',
      configuration: { DingTalkClientId: 'cid-a', Extra: 'x' },
    });
    await fixture.client.createChatConfiguration({ name: 'team-b-bot', type: 'WeChat', ramRole: 'RoleB', configuration: {} });
    await fixture.client.createChatConfiguration({ name: 'other-bot', type: 'DingTalk', ramRole: 'RoleC', configuration: {} });
    await fixture.client.setChatConfigurationTags('team-a-bot', { Team: 'a' });
    fixture.workspace.writeConfig({
      ...providerConfig(),
      data: {
        oos_chat_configuration: { a: { name: 'team-a-bot' } },
        oos_chat_configurations: {
          teams: { name_prefix: 'team-' },
          dingtalk: { type: 'DingTalk' },
          regex: { name_regex: '-b-' },
        },
      },
    });
    await fixture.workspace.init();
    await fixture.workspace.apply();
  });
  afterAll(async () => fixture?.dispose());

  test('oos_chat_configuration reads one configuration by name with tags and webhook URL', async () => {
    const values = valuesOf(await fixture.workspace.state(), 'data.oos_chat_configuration.a');
    const remote = await fixture.client.getChatConfiguration('team-a-bot');
    expect(values).toMatchObject({
      name: 'team-a-bot',
      type: 'DingTalk',
      ram_role: 'RoleA',
      client_id: 'cid-a',
      extra_configuration: { Extra: 'x' },
      tags: { Team: 'a' },
    });
    expect(values.webhook_url).toBe(remote.outputs.URL);
  });

  test('oos_chat_configurations filters by name prefix, by type and by regex', async () => {
    const state = await fixture.workspace.state();
    expect(valuesOf(state, 'data.oos_chat_configurations.teams').names).toEqual(['team-a-bot', 'team-b-bot']);
    expect(valuesOf(state, 'data.oos_chat_configurations.dingtalk').names).toEqual(['other-bot', 'team-a-bot']);
    expect(valuesOf(state, 'data.oos_chat_configurations.regex').names).toEqual(['team-b-bot']);
    const configurations = valuesOf(state, 'data.oos_chat_configurations.teams').configurations as Record<string, unknown>[];
    expect(configurations[1]).toMatchObject({ name: 'team-b-bot', type: 'WeChat', ram_role: 'RoleB' });
  });

  test('reading a missing configuration fails with a clear error', async () => {
    fixture.workspace.writeConfig({ ...providerConfig(), data: { oos_chat_configuration: { missing: { name: 'no-such-bot' } } } });
    const result = await fixture.workspace.run(['plan', '-input=false', '-no-color']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No chat configuration named "no-such-bot"');
  });
});
