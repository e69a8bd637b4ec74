/**
 * oos_chat_configuration through its whole life with the real terraform binary against the emulator:
 * create, no-op plan, update in place, rename (replacement), destroy.
 */
import { OosFixture, startOosFixture } from '../support/oos-fixture';
import { actionsFor, providerConfig, valuesOf } from '../support/terraform-workspace';

const ADDRESS = 'oos_chat_configuration.bot';

function config(overrides: Record<string, unknown> = {}) {
  return {
    ...providerConfig({ default_tags: { ManagedBy: 'terraform' } }),
    variable: { client_secret: { type: 'string', sensitive: true, ephemeral: true } },
    resource: {
      oos_chat_configuration: {
        bot: {
          name: 'ops-bot',
          type: 'DingTalk',
          ram_role: 'AliyunOOSDefaultRole',
          template_id: 'template-1',
          client_id: 'client-1',
          client_secret_wo: '${var.client_secret}',
          client_secret_wo_version: 1,
          tags: { Team: 'platform' },
          ...overrides,
        },
      },
    },
  };
}

describe('oos_chat_configuration lifecycle', () => {
  let fixture: OosFixture;
  beforeAll(async () => {
    fixture = await startOosFixture({ TF_VAR_client_secret: 'lifecycle-secret-0001' });
    fixture.workspace.writeConfig(config());
    await fixture.workspace.init();
  });
  afterAll(async () => fixture?.dispose());

  test('apply creates the configuration in OOS with computed webhook URL and dates', async () => {
    await fixture.workspace.apply();
    const remote = await fixture.client.getChatConfiguration('ops-bot');
    expect(remote.type).toBe('DingTalk');
    expect(remote.ramRole).toBe('AliyunOOSDefaultRole');
    expect(remote.configuration).toEqual({
      DingTalkTemplateId: 'template-1',
      DingTalkClientId: 'client-1',
      DingTalkClientSecret: '******',
      // The provider's proof that this working directory created it (see creation-journal.ts).
      TerraformCreationToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(fixture.cloudData()).toContain('lifecycle-secret-0001');

    const values = valuesOf(await fixture.workspace.state(), ADDRESS);
    expect(values.id).toBe('ops-bot');
    expect(values.webhook_url).toBe(remote.outputs.URL);
    expect(values.created_date).toBe(remote.createdDate);
    expect(values.resource_group_id).toMatch(/^rg-/);
    expect(values.tags_all).toEqual({ ManagedBy: 'terraform', Team: 'platform' });
    expect(await fixture.client.getChatConfigurationTags('ops-bot')).toEqual({ ManagedBy: 'terraform', Team: 'platform' });
  });

  test('a second plan right after apply shows no changes', async () => {
    const result = await fixture.workspace.planExitCode();
    expect(result.code).toBe(0);
  });

  test('changing ram_role, template_id, tags and resource group plans one in-place update', async () => {
    fixture.workspace.writeConfig(
      config({ ram_role: 'OpsBotRole', template_id: 'template-2', tags: { Team: 'sre', Tier: 'gold' }, resource_group_id: 'rg-acfmteam0002' }),
    );
    const plan = await fixture.workspace.planView();
    expect(actionsFor(plan, ADDRESS)).toEqual(['update']);

    await fixture.workspace.apply();
    const remote = await fixture.client.getChatConfiguration('ops-bot');
    expect(remote.ramRole).toBe('OpsBotRole');
    expect(remote.configuration.DingTalkTemplateId).toBe('template-2');
    expect(remote.resourceGroupId).toBe('rg-acfmteam0002');
    expect(await fixture.client.getChatConfigurationTags('ops-bot')).toEqual({ ManagedBy: 'terraform', Team: 'sre', Tier: 'gold' });
    // The secret was not re-sent and is still the one from create.
    expect(fixture.cloudData()).toContain('lifecycle-secret-0001');
    expect((await fixture.workspace.planExitCode()).code).toBe(0);
  });

  test('removing ram_role from the configuration clears it in OOS, and the next plan is clean', async () => {
    fixture.workspace.writeConfig(
      config({ ram_role: undefined, template_id: 'template-2', tags: { Team: 'sre', Tier: 'gold' }, resource_group_id: 'rg-acfmteam0002' }),
    );
    expect(actionsFor(await fixture.workspace.planView(), ADDRESS)).toEqual(['update']);
    await fixture.workspace.apply();
    expect((await fixture.client.getChatConfiguration('ops-bot')).ramRole).toBe('');
    expect((await fixture.workspace.planExitCode()).code).toBe(0);
  });

  test('renaming plans a replacement and apply swaps the configuration', async () => {
    fixture.workspace.writeConfig(
      config({
        name: 'ops-bot-2',
        ram_role: 'OpsBotRole',
        template_id: 'template-2',
        tags: { Team: 'sre', Tier: 'gold' },
        resource_group_id: 'rg-acfmteam0002',
      }),
    );
    const plan = await fixture.workspace.planView();
    expect(actionsFor(plan, ADDRESS)).toEqual(['delete', 'create']);

    await fixture.workspace.apply();
    const names = (await fixture.client.listChatConfigurations()).map((item) => item.name);
    expect(names).toEqual(['ops-bot-2']);
  });

  test('destroy deletes the configuration and its tags', async () => {
    await fixture.workspace.expect(['destroy', '-auto-approve', '-input=false', '-no-color']);
    expect(await fixture.client.listChatConfigurations()).toEqual([]);
  });
});
