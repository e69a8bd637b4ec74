import 'cdktf/lib/testing/adapters/jest';
import { TerraformOutput, TerraformStack, Testing } from '../../lib/constructs/framework';
import { oos } from '../../lib/constructs';
import { TerraformJson, testApp } from './fixtures';

function stackWith(fn: (stack: TerraformStack) => void): TerraformJson {
  const stack = new TerraformStack(testApp(), 'test');
  new oos.provider.OosProvider(stack, 'oos', { region: 'cn-hangzhou', assumeRole: { roleArn: 'acs:ram::1:role/r' } });
  fn(stack);
  return JSON.parse(Testing.synth(stack));
}

describe('generated bindings', () => {
  test('the resource synthesises the write-only secret like any argument', () => {
    const json = stackWith(
      (s) => new oos.chatConfiguration.ChatConfiguration(s, 'c', { name: 'n', type: 'DingTalk', clientSecretWo: '${var.x}', clientSecretWoVersion: 3 }),
    );
    expect(json.resource.oos_chat_configuration.c).toEqual(expect.objectContaining({ client_secret_wo: '${var.x}', client_secret_wo_version: 3 }));
  });

  test('the provider carries its source and the assume_role block', () => {
    const json = stackWith(() => undefined);
    expect(json.terraform.required_providers.oos.source).toBe('oos-chatops.local/chatops/oos');
    expect(json.provider.oos[0].assume_role).toEqual({ role_arn: 'acs:ram::1:role/r' });
  });

  test('computed attributes are references', () => {
    const json = stackWith((s) => {
      const c = new oos.chatConfiguration.ChatConfiguration(s, 'c', { name: 'n', type: 'WeChat' });
      const list = new oos.dataOosChatConfigurations.DataOosChatConfigurations(s, 'all', { namePrefix: 'dev-' });
      const one = new oos.dataOosChatConfiguration.DataOosChatConfiguration(s, 'one', { name: 'n' });
      new TerraformOutput(s, 'o', {
        value: {
          url: c.webhookUrl,
          version: c.clientSecretParameterVersion,
          tag: c.tagsAll.lookup('Team'),
          first: list.configurations.get(0).webhookUrl,
          names: list.names,
          rg: one.resourceGroupId,
        },
      });
    });
    expect(json.output.o.value).toEqual({
      url: '${oos_chat_configuration.c.webhook_url}',
      version: '${oos_chat_configuration.c.client_secret_parameter_version}',
      tag: '${oos_chat_configuration.c.tags_all["Team"]}',
      first: '${data.oos_chat_configurations.all.configurations[0].webhook_url}',
      names: '${data.oos_chat_configurations.all.names}',
      rg: '${data.oos_chat_configuration.one.resource_group_id}',
    });
  });

  test('generateConfigForImport adds an import block', () => {
    const json = stackWith((s) => oos.chatConfiguration.ChatConfiguration.generateConfigForImport(s, 'imported', 'dev-ops'));
    expect(JSON.stringify(json)).toContain('dev-ops');
  });

  test('importFrom adds an import block for the resource', () => {
    const json = stackWith((s) => new oos.chatConfiguration.ChatConfiguration(s, 'c', { name: 'dev-ops', type: 'DingTalk' }).importFrom('dev-ops'));
    expect(json.import).toEqual([{ id: 'dev-ops', to: 'oos_chat_configuration.c' }]);
  });

  test('setters and resetters change the synthesised arguments', () => {
    const json = stackWith((s) => {
      const c = new oos.chatConfiguration.ChatConfiguration(s, 'c', { name: 'n', type: 'DingTalk', ramRole: 'R' });
      c.resetRamRole();
      c.templateId = 't';
      expect(c.templateIdInput).toBe('t');
    });
    expect(json.resource.oos_chat_configuration.c.ram_role).toBeUndefined();
    expect(json.resource.oos_chat_configuration.c.template_id).toBe('t');
  });

  test('the tfResourceType of each class is its Terraform type', () => {
    expect(oos.chatConfiguration.ChatConfiguration.tfResourceType).toBe('oos_chat_configuration');
    expect(oos.dataOosChatConfiguration.DataOosChatConfiguration.tfResourceType).toBe('oos_chat_configuration');
    expect(oos.dataOosChatConfigurations.DataOosChatConfigurations.tfResourceType).toBe('oos_chat_configurations');
    expect(oos.provider.OosProvider.tfResourceType).toBe('oos');
  });
});
