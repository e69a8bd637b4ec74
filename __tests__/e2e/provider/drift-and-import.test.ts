/**
 * Read and import with the real terraform binary: changes made directly through the OOS API show up
 * in `plan -detailed-exitcode`, and configurations created out of band can be imported by name.
 */
import { OosFixture, startOosFixture } from '../support/oos-fixture';
import { actionsFor, providerConfig, valuesOf } from '../support/terraform-workspace';

function botResource(name: string, extra: Record<string, unknown> = {}) {
  return { name, type: 'DingTalk', ram_role: 'AliyunOOSDefaultRole', template_id: 'tpl', client_id: 'cid', tags: { Team: 'platform' }, ...extra };
}

describe('drift detection', () => {
  let fixture: OosFixture;

  beforeAll(async () => {
    fixture = await startOosFixture();
    fixture.workspace.writeConfig({ ...providerConfig(), resource: { oos_chat_configuration: { bot: botResource('drift-bot') } } });
    await fixture.workspace.init();
    await fixture.workspace.apply();
  });
  afterAll(async () => fixture?.dispose());

  test('a RAM role changed through the API plans an update back to the configured role', async () => {
    await fixture.client.updateChatConfiguration({ name: 'drift-bot', ramRole: 'SomeoneElsesRole' });
    const result = await fixture.workspace.planExitCode();
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('SomeoneElsesRole');
    expect(actionsFor(await fixture.workspace.planView(), 'oos_chat_configuration.bot')).toEqual(['update']);
    await fixture.workspace.apply();
    expect((await fixture.client.getChatConfiguration('drift-bot')).ramRole).toBe('AliyunOOSDefaultRole');
  });

  test('a tag added through the tag API plans its removal', async () => {
    await fixture.client.tagResources({ resourceType: 'chatconfiguration', resourceIds: ['drift-bot'], tags: { Rogue: 'yes' } });
    const result = await fixture.workspace.planExitCode();
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Rogue');
    await fixture.workspace.apply();
    expect(await fixture.client.getChatConfigurationTags('drift-bot')).toEqual({ Team: 'platform' });
  });

  test('a configuration deleted through the API plans a create', async () => {
    await fixture.client.deleteChatConfiguration('drift-bot');
    const plan = await fixture.workspace.planView();
    expect(actionsFor(plan, 'oos_chat_configuration.bot')).toEqual(['create']);
  });
});

describe('import', () => {
  let fixture: OosFixture;

  beforeAll(async () => {
    fixture = await startOosFixture();
    await fixture.client.createChatConfiguration({
      name: 'legacy-bot',
      type: 'DingTalk',
      ramRole: 'LegacyRole',
      configuration: { DingTalkTemplateId: 'tpl-legacy', DingTalkClientId: 'cid-legacy', DingTalkClientSecret: 'legacy-secret-value' },
    });
    await fixture.client.setChatConfigurationTags('legacy-bot', { Owner: 'ops' });
    await fixture.client.createChatConfiguration({ name: 'generated-bot', type: 'WeChat', ramRole: 'GenRole', configuration: { WeChatClientId: 'wx-client' } });
  });
  afterAll(async () => fixture?.dispose());

  test('terraform import adopts a configuration created out of band and the next plan is clean', async () => {
    const resource = botResource('legacy-bot', { ram_role: 'LegacyRole', template_id: 'tpl-legacy', client_id: 'cid-legacy', tags: { Owner: 'ops' } });
    fixture.workspace.writeConfig({ ...providerConfig(), resource: { oos_chat_configuration: { legacy: resource } } });
    await fixture.workspace.init();
    await fixture.workspace.expect(['import', '-input=false', '-no-color', 'oos_chat_configuration.legacy', 'legacy-bot']);

    const values = valuesOf(await fixture.workspace.state(), 'oos_chat_configuration.legacy');
    expect(values).toMatchObject({
      id: 'legacy-bot',
      name: 'legacy-bot',
      type: 'DingTalk',
      ram_role: 'LegacyRole',
      template_id: 'tpl-legacy',
      client_id: 'cid-legacy',
      tags: { Owner: 'ops' },
    });
    expect((await fixture.workspace.planExitCode()).code).toBe(0);
  });

  test('an import block with -generate-config-out writes HCL for the imported configuration', async () => {
    fixture.workspace.writeConfig({
      ...providerConfig(),
      import: [{ to: 'oos_chat_configuration.generated', id: 'generated-bot' }],
    });
    await fixture.workspace.expect(['plan', '-input=false', '-no-color', '-generate-config-out=generated.tf']);
    const generated = fixture.workspace.readFile('generated.tf');
    expect(generated).toContain('resource "oos_chat_configuration" "generated"');
    expect(generated).toMatch(/name\s+= "generated-bot"/);
    expect(generated).toMatch(/type\s+= "WeChat"/);
    expect(generated).toMatch(/ram_role\s+= "GenRole"/);
    expect(generated).toMatch(/client_id\s+= "wx-client"/);

    await fixture.workspace.apply();
    expect((await fixture.workspace.planExitCode()).code).toBe(0);
  });

  test('creating a configuration whose name is taken fails and says how to import it', async () => {
    fixture.workspace.writeConfig({ ...providerConfig(), resource: { oos_chat_configuration: { clash: botResource('legacy-bot') } } });
    await fixture.workspace.expect(['state', 'rm', 'oos_chat_configuration.legacy', 'oos_chat_configuration.generated']);
    const result = await fixture.workspace.run(['apply', '-auto-approve', '-input=false', '-no-color']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('already exists');
    expect(result.stderr).toContain('terraform import');
  });
});
