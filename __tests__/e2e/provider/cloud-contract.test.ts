/**
 * Where the emulator is not the cloud: the provider against the strict emulator profile (only what
 * Alibaba's docs and SDK confirm), with the real terraform binary. Each behaviour OOS does not
 * document is decided before anything is created, or fails naming the setting that changes it.
 */
import { OosFixture, startOosFixture } from '../support/oos-fixture';
import { chatBots } from '../support/chat-bots';
import { providerConfig } from '../support/terraform-workspace';

describe('strict emulator: chat configurations cannot be tagged', () => {
  let fixture: OosFixture;
  beforeAll(async () => {
    fixture = await startOosFixture({}, { profile: 'strict', rejectUnknownConfigurationKeys: false });
    fixture.workspace.writeConfig(providerConfig());
    await fixture.workspace.init();
  });
  afterAll(async () => fixture?.dispose());

  test('with tagging left at auto, a plan with tags fails naming the setting, the region and the ways out; nothing is created', async () => {
    fixture.workspace.writeConfig(chatBots(['tagged-1', 'tagged-2']));
    const plan = await fixture.workspace.run(['plan', '-input=false', '-no-color']);
    expect(plan.code).not.toBe(0);
    const output = (plan.stdout + plan.stderr).replace(/[│\s]+/g, ' ');
    expect(output).toMatch(/Chat configuration tags are not supported here/);
    expect(output).toMatch(/region cn-hangzhou does not accept tags.*InvalidParameter\.ResourceType.*tagging = "auto".*tagging = "off".*remove tags/);
    const apply = await fixture.workspace.run(['apply', '-auto-approve', '-input=false', '-no-color']);
    expect(apply.code).not.toBe(0);
    expect(await fixture.client.listChatConfigurations()).toHaveLength(0);
  });

  test('with tagging = "off" the same configuration applies with a warning, and the next plan says No changes', async () => {
    fixture.workspace.writeConfig(chatBots(['tagged-1', 'tagged-2'], { tagging: 'off' }));
    const applied = await fixture.workspace.apply();
    // Reported with the attribute path: Terraform points at the tags line of the configuration.
    expect(applied.stdout + applied.stderr).toMatch(/Tags are not sent to OOS[\s\S]*?with oos_chat_configuration\.tagged_1,[\s\S]*?"tags":/);
    expect((await fixture.client.listChatConfigurations()).map((c) => c.name)).toEqual(['tagged-1', 'tagged-2']);
    const plan = await fixture.workspace.run(['plan', '-input=false', '-no-color', '-detailed-exitcode']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes.');
  });

  test('configurations without tags need no tag API at all, whatever tagging says', async () => {
    fixture.workspace.writeConfig(chatBots(['tagged-1', 'tagged-2'], {}, { tags: null }));
    await fixture.workspace.apply();
    expect((await fixture.workspace.planExitCode()).code).toBe(0);
  });
});

describe('strict emulator: unknown Configuration keys are refused', () => {
  let fixture: OosFixture;
  beforeAll(async () => {
    fixture = await startOosFixture({}, { profile: 'strict' });
    fixture.workspace.writeConfig(providerConfig());
    await fixture.workspace.init();
  });
  afterAll(async () => fixture?.dispose());

  test('with defaults the first create fails and the message names creation_token', async () => {
    fixture.workspace.writeConfig(chatBots(['keyed'], { tagging: 'off' }));
    const apply = await fixture.workspace.run(['apply', '-auto-approve', '-input=false', '-no-color']);
    expect(apply.code).not.toBe(0);
    const output = (apply.stdout + apply.stderr).replace(/[│\s]+/g, ' ');
    expect(output).toMatch(/InvalidParameter\.Configuration.*RequestId.*set creation_token = false/);
    expect(await fixture.client.listChatConfigurations()).toHaveLength(0);
  });

  test('with creation_token = false the apply converges and the next plan says No changes', async () => {
    fixture.workspace.writeConfig(chatBots(['keyed'], { tagging: 'off', creation_token: false }));
    await fixture.workspace.apply();
    expect((await fixture.client.getChatConfiguration('keyed')).configuration).not.toHaveProperty('TerraformCreationToken');
    expect((await fixture.workspace.planExitCode()).code).toBe(0);
  });
});

describe('emulator_only', () => {
  let fixture: OosFixture;
  beforeAll(async () => {
    fixture = await startOosFixture();
    fixture.workspace.writeConfig(providerConfig());
    await fixture.workspace.init();
  });
  afterAll(async () => fixture?.dispose());

  test('without an endpoint the plan fails before any call, saying how to start the emulator', async () => {
    fixture.workspace.writeConfig(chatBots(['dev-bot'], { emulator_only: true }));
    // The shell has real-looking keys and no endpoint: nothing may leave the machine.
    const plan = await fixture.workspace.run(['plan', '-input=false', '-no-color'], { ALIBABA_CLOUD_OOS_ENDPOINT: '' });
    expect(plan.code).toBe(1);
    const output = (plan.stdout + plan.stderr).replace(/[│\s]+/g, ' ');
    expect(output).toMatch(/emulator_only = true.*no endpoint is set.*real OOS.*npm run emulator/);
  });

  test('a non-loopback endpoint is refused too; the emulator on 127.0.0.1 is accepted', async () => {
    fixture.workspace.writeConfig(chatBots(['dev-bot'], { emulator_only: true, endpoint: 'https://oos.cn-hangzhou.aliyuncs.com' }));
    const refused = await fixture.workspace.run(['plan', '-input=false', '-no-color']);
    expect((refused.stdout + refused.stderr).replace(/[│\s]+/g, ' ')).toMatch(/is not on this machine/);
    fixture.workspace.writeConfig(chatBots(['dev-bot'], { emulator_only: true }));
    await fixture.workspace.apply();
    expect((await fixture.client.listChatConfigurations()).map((c) => c.name)).toEqual(['dev-bot']);
  });
});
