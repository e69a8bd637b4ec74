/**
 * Adoption against the emulator holding bots made with Alibaba's official client: what is offered,
 * what is refused and why, what the printed statements say, and that they build the constructs
 * (with import blocks) when pasted into a stack.
 */
import { Testing } from '../../lib/constructs/framework';
import { ChatOpsStack, Platform, Secret } from '../../lib/constructs';
import { AdoptionError, AdoptionReport, AdoptionRequest, adoptionClient, adoptionStatements, findAdoptionCandidates } from '../../lib/adoption';
import { DEFAULT_EMULATOR_CREDENTIAL, RunningEmulator, startEmulator } from '../../lib/emulator';
import { emulatorClient } from '../../lib/tooling';
import { testStack } from '../constructs/fixtures';
import { CONSOLE_BOTS, CONSOLE_SECRETS, createConsoleBots } from '../e2e/support/console-bots';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator();
  await createConsoleBots(emulator);
  // dev's own bot, and one that staging (same region) declares.
  const client = emulatorClient(emulator.url);
  await client.createChatConfiguration({ name: 'dev-ops-dingtalk', type: 'DingTalk', configuration: { DingTalkTemplateId: 't', DingTalkClientId: 'c' } });
  await client.createChatConfiguration({ name: 'staging-ops-dingtalk', type: 'DingTalk', configuration: { DingTalkTemplateId: 't', DingTalkClientId: 'c' } });
});
afterAll(async () => emulator?.close());

const OWNERS: AdoptionRequest['owners'] = [
  { stack: 'dev', region: 'cn-hangzhou', names: ['dev-ops-dingtalk', 'dev-alerts-wechat'] },
  { stack: 'staging', region: 'cn-hangzhou', names: ['staging-ops-dingtalk'] },
  { stack: 'prod', region: 'cn-shanghai', names: ['dev-status-wechat'] },
];

function adopt(request: Partial<AdoptionRequest> = {}): Promise<AdoptionReport> {
  return findAdoptionCandidates(emulatorClient(emulator.url), {
    stack: 'dev',
    owners: OWNERS,
    defaultTags: { Environment: 'dev', ManagedBy: 'cdktf', Team: 'platform', CostCenter: 'chatops-dev' },
    ...request,
  });
}

describe('findAdoptionCandidates', () => {
  test('offers the bots no stack manages, with role, resource group, tags, template and client ids', async () => {
    const report = await adopt();
    expect(report.candidates.map((c) => c.name)).toEqual(CONSOLE_BOTS.map((bot) => bot.name).sort());
    const deploy = report.candidates.find((c) => c.name === 'dev-deploy-dingtalk');
    expect(deploy).toMatchObject({
      id: 'deploy-dingtalk',
      type: 'DingTalk',
      templateId: 'deploy-template-01.schema',
      clientId: 'dingdeploy0001',
      ramRole: 'ChatOpsDeployer',
      resourceGroupId: 'rg-acfmdeploy0001',
      tags: { Team: 'deploy', Owner: 'alice' },
      secret: { source: 'parameter', name: 'chatops-dev-deploy-dingtalk-secret', key: 'DingTalkClientSecret' },
    });
  });

  test('skips the stack’s own bots and refuses a bot another stack of the same region manages, naming that stack', async () => {
    const report = await adopt();
    expect(report.alreadyManaged).toEqual(['dev-ops-dingtalk']);
    expect(report.refused).toEqual([{ name: 'staging-ops-dingtalk', stack: 'staging' }]);
    // prod lives in cn-shanghai: its names cannot be this region's bots.
    expect(report.candidates.map((c) => c.name)).toContain('dev-status-wechat');
  });

  test('--prefix and --type narrow the list', async () => {
    expect((await adopt({ type: 'WeChat' })).candidates.map((c) => c.name)).toEqual(['dev-oncall-wechat', 'dev-status-wechat']);
    expect((await adopt({ prefix: 'dev-d' })).candidates.map((c) => c.name)).toEqual(['dev-db-dingtalk', 'dev-deploy-dingtalk']);
  });

  test('a tag equal to the stack’s default is left to the stack; a key without a typed field is kept in settings with a note', async () => {
    const report = await adopt();
    const db = report.candidates.find((c) => c.name === 'dev-db-dingtalk');
    expect(db?.tags).toEqual({ Team: 'dba' });
    const release = report.candidates.find((c) => c.name === 'dev-release-dingtalk');
    expect(release?.settings).toEqual({ RobotCode: 'dingrobot0042' });
    expect(release?.notes.join('\n')).toContain('RobotCode has no typed field in Platform.dingTalk: kept in settings.');
    expect(adoptionStatements(report, 'dev')).toContain('// Note: RobotCode has no typed field in Platform.dingTalk: kept in settings.');
  });

  test('an id already taken in the stack gets a suffix', async () => {
    const report = await adopt({ takenIds: ['deploy-dingtalk'] });
    expect(report.candidates.find((c) => c.name === 'dev-deploy-dingtalk')?.id).toBe('deploy-dingtalk-2');
  });

  test('an unreachable endpoint fails naming the region and ALIBABA_CLOUD_OOS_ENDPOINT', async () => {
    const client = adoptionClient({ stack: 'dev', region: 'cn-hangzhou', endpoint: 'http://127.0.0.1:9', credentials: DEFAULT_EMULATOR_CREDENTIAL });
    const failure = findAdoptionCandidates(client, { stack: 'dev', owners: OWNERS });
    await expect(failure).rejects.toThrow(AdoptionError);
    await expect(failure).rejects.toThrow(
      /stack dev \(region cn-hangzhou, endpoint 127\.0\.0\.1:9\).*Check the region \(the dev entry of config\/environments\.ts\) and ALIBABA_CLOUD_OOS_ENDPOINT/s,
    );
  });

  test('wrong keys fail naming ALIBABA_CLOUD_ACCESS_KEY_ID and the OOS code', async () => {
    const client = adoptionClient({
      stack: 'dev',
      region: 'cn-hangzhou',
      endpoint: emulator.url,
      credentials: { accessKeyId: DEFAULT_EMULATOR_CREDENTIAL.accessKeyId, accessKeySecret: 'wrong' },
    });
    await expect(findAdoptionCandidates(client, { stack: 'dev', owners: OWNERS })).rejects.toThrow(
      /SignatureDoesNotMatch.*RequestId.*Check ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET/s,
    );
  });

  test('a region that is not one fails before anything is asked, naming the setting', () => {
    expect(() => adoptionClient({ stack: 'dev', region: 'Hangzhou!', endpoint: emulator.url })).toThrow(/stack dev: region .*config\/environments\.ts/);
  });
});

describe('adoptionStatements', () => {
  test('are only statements on the stack variable, with secret placeholders and never a secret value', async () => {
    const text = adoptionStatements(await adopt(), 'dev');
    for (const secret of CONSOLE_SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toContain('******');
    expect(text.match(/^ {2}dev\.addChatConfiguration\(/gm)).toHaveLength(5);
    expect(text).toContain(`clientSecret: Secret.fromSecretParameter('chatops-dev-oncall-wechat-secret'),`);
    expect(text).toContain('// Create the OOS secret parameter chatops-dev-deploy-dingtalk-secret holding the client secret of dev-deploy-dingtalk');
    // Every line is code or a comment: nothing for a person to delete before pasting.
    for (const line of text.trimEnd().split('\n')) expect(line).toMatch(/^ {2}(\/\/|dev\.|\s|\}\);)/);
  });

  test('with --secrets variable the placeholders are ephemeral variables of the stack', async () => {
    const text = adoptionStatements(await adopt({ secretSource: 'variable' }), 'dev');
    expect(text).toContain(`clientSecret: Secret.fromVariable(dev, 'dev_deploy_dingtalk_secret', { version: 1 }),`);
    expect(text).toContain('set TF_VAR_dev_deploy_dingtalk_secret');
  });

  test('pasted after the stack line they build the constructs, each with an import block of its name', async () => {
    const stack = testStack();
    const text = adoptionStatements(await adopt(), 'dev');
    // The statements are plain JavaScript as well as TypeScript: run them as buildApp would.
    new Function('dev', 'Platform', 'Secret', text)(stack, Platform, Secret);
    const json = JSON.parse(Testing.synth(stack)) as {
      import: { to: string; id: string }[];
      resource: { oos_chat_configuration: Record<string, Record<string, unknown>> };
    };
    expect(json.import.map((block) => block.id).sort()).toEqual(CONSOLE_BOTS.map((bot) => bot.name).sort());
    expect(json.import.every((block) => block.to.startsWith('oos_chat_configuration.'))).toBe(true);
    const release = Object.values(json.resource.oos_chat_configuration).find((r) => r.name === 'dev-release-dingtalk');
    expect(release).toMatchObject({
      ram_role: 'AliyunOOSDefaultRole',
      resource_group_id: 'rg-acfmrelease001',
      template_id: 'release-template-02.schema',
      client_id: 'dingrelease0002',
      client_secret_parameter: 'chatops-dev-release-dingtalk-secret',
      extra_configuration: { RobotCode: 'dingrobot0042' },
    });
    expect(stack.chatConfigurations).toHaveLength(5);
    expect(stack).toBeInstanceOf(ChatOpsStack);
  });
});
