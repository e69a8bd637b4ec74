/**
 * Bots "made in the console": created with Alibaba's official client (@alicloud/openapi-core, as
 * the generated OOS SDK calls it), not with this project's client, so adoption is tested against
 * what another tool leaves behind: a role, a resource group, tags (TagResources) and the secret.
 */
import type { RunningEmulator } from '../../../lib/emulator';
import { DEFAULT_TAG_RESOURCE_TYPE } from '../../../lib/domain';
import { officialCall, officialClient } from './official-client';

export interface ConsoleBot {
  readonly name: string;
  readonly type: 'DingTalk' | 'WeChat';
  readonly ramRole: string;
  readonly resourceGroupId: string;
  readonly configuration: { readonly [key: string]: string };
  readonly tags: { readonly [key: string]: string };
}

/** Client secrets of the console bots: they must never appear in what adoption prints. */
export const CONSOLE_SECRETS = ['console-secret-deploy-4f1a', 'console-secret-release-8b2c', 'console-secret-db-7e3d', 'console-secret-oncall-1c9f'];

/** Three DingTalk and two WeChat bots, as teams make them by hand (names follow the team's dev- convention). */
export const CONSOLE_BOTS: readonly ConsoleBot[] = [
  {
    name: 'dev-deploy-dingtalk',
    type: 'DingTalk',
    ramRole: 'ChatOpsDeployer',
    resourceGroupId: 'rg-acfmdeploy0001',
    configuration: { DingTalkTemplateId: 'deploy-template-01.schema', DingTalkClientId: 'dingdeploy0001', DingTalkClientSecret: CONSOLE_SECRETS[0] },
    tags: { Team: 'deploy', Owner: 'alice' },
  },
  {
    name: 'dev-release-dingtalk',
    type: 'DingTalk',
    ramRole: 'AliyunOOSDefaultRole',
    resourceGroupId: 'rg-acfmrelease001',
    // RobotCode has no typed field in Platform.dingTalk: adoption keeps it in settings.
    configuration: {
      DingTalkTemplateId: 'release-template-02.schema',
      DingTalkClientId: 'dingrelease0002',
      DingTalkClientSecret: CONSOLE_SECRETS[1],
      RobotCode: 'dingrobot0042',
    },
    tags: { Team: 'release' },
  },
  {
    name: 'dev-db-dingtalk',
    type: 'DingTalk',
    ramRole: 'ChatOpsDbOperator',
    resourceGroupId: 'rg-acfmdba000001',
    configuration: { DingTalkTemplateId: 'db-template-03.schema', DingTalkClientId: 'dingdb0003', DingTalkClientSecret: CONSOLE_SECRETS[2] },
    // CostCenter equals dev's default tag: adoption leaves it to the stack.
    tags: { Team: 'dba', CostCenter: 'chatops-dev' },
  },
  {
    name: 'dev-oncall-wechat',
    type: 'WeChat',
    ramRole: 'ChatOpsOnCall',
    resourceGroupId: 'rg-acfmoncall0001',
    configuration: { WeChatClientId: 'wxoncall0004', WeChatClientSecret: CONSOLE_SECRETS[3], CorpId: 'wwoncallcorp04', AgentId: '1000004' },
    tags: { Team: 'sre', Pager: 'on' },
  },
  {
    name: 'dev-status-wechat',
    type: 'WeChat',
    ramRole: 'ChatOpsStatus',
    resourceGroupId: 'rg-acfmstatus0001',
    configuration: { CorpId: 'wwstatuscorp05', AgentId: '1000005' },
    tags: { Team: 'support' },
  },
];

/** Creates each bot and tags it, as someone in the console would. */
export async function createConsoleBots(emulator: RunningEmulator, bots: readonly ConsoleBot[] = CONSOLE_BOTS): Promise<void> {
  const api = officialClient(emulator);
  for (const bot of bots) {
    await officialCall(api, 'CreateChatConfiguration', {
      Name: bot.name,
      Type: bot.type,
      RamRole: bot.ramRole,
      ResourceGroupId: bot.resourceGroupId,
      Configuration: JSON.stringify(bot.configuration),
    });
    await officialCall(api, 'TagResources', {
      ResourceType: DEFAULT_TAG_RESOURCE_TYPE,
      ResourceIds: JSON.stringify([bot.name]),
      Tags: JSON.stringify(bot.tags),
    });
  }
}
