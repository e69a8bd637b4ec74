/**
 * The client reads every example body Alibaba documents (fixtures/documented-answers.json), quirks
 * included: UpdateChatConfiguration's UpdatedDate without a UTC offset, GetChatConfiguration's
 * RequestId repeated inside ChatConfiguration, a ResourceGroupId of "s", a truncated URL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OosClient } from '../../lib/oos/client';
import { useScriptedServer } from './scripted-server';

const server = useScriptedServer();
const documented = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'documented-answers.json'), 'utf8')) as Record<string, unknown>;

function answering(action: string): OosClient {
  server.script({ status: 200, body: documented[action] });
  return new OosClient({
    regionId: 'cn-hangzhou',
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'test-ak-id', accessKeySecret: 'test-secret' },
    clock: { random: () => 0, now: () => 0, sleep: async () => undefined },
  });
}

test('CreateChatConfiguration', async () => {
  await expect(answering('CreateChatConfiguration').createChatConfiguration({ name: 'TestChatConfig-9be97b40', type: 'DingTalk' })).resolves.toEqual({
    name: 'TestChatConfig-9be97b40',
    createdDate: '2025-12-11T13:49:10+00:00',
    updatedDate: '2025-12-11T13:59:02+00:00',
  });
});

test('UpdateChatConfiguration, whose UpdatedDate has microseconds and no UTC offset', async () => {
  await expect(answering('UpdateChatConfiguration').updateChatConfiguration({ name: 'dingtalk' })).resolves.toEqual({
    name: 'dingtalk',
    createdDate: '2025-12-23T10:14:28+00:00',
    updatedDate: '2025-12-23T10:16:37.178097',
  });
});

test('GetChatConfiguration, whose example repeats RequestId inside ChatConfiguration', async () => {
  await expect(answering('GetChatConfiguration').getChatConfiguration('chatops')).resolves.toEqual({
    name: 'chatops',
    type: 'DingTalk',
    ramRole: 'OOSServiceRole',
    configuration: {
      DingTalkClientId: 'dingpxlbxp0rgs7uxmtb',
      DingTalkClientSecret: '******',
      DingTalkTemplateId: '381c5aee-f8af-48a4-94be-cce587e42ea4.schema',
    },
    resourceGroupId: 's',
    createdDate: '2025-12-26T09:53:02+00:00',
    updatedDate: '2026-01-07T02:14:55+00:00',
    outputs: { URL: 'https://1407907063606569.appflow.aliyunnest.com/webhook/' },
  });
});

test('ListChatConfigurations, whose items carry no Configuration and whose answer has no NextToken', async () => {
  await expect(answering('ListChatConfigurations').listChatConfigurations()).resolves.toEqual([
    {
      name: 'test-wechat',
      type: 'WeChat',
      ramRole: 'OOSServiceRole',
      outputs: { URL: 'https://1407907063606569.appflow.aliyunnes', AesKey: 'UKAxyRabaJlaDxS3XZ6st18grPteemRtGeDVVgF' },
      createdDate: '2025-12-10T10:09:32+00:00',
      updatedDate: '2025-12-28T13:59:48+00:00',
    },
  ]);
});

test('DeleteChatConfiguration', async () => {
  await expect(answering('DeleteChatConfiguration').deleteChatConfiguration('TestChatConfig-9be97b40')).resolves.toBeUndefined();
});

test('ListTagResources', async () => {
  await expect(answering('ListTagResources').listTagResources('template', ['chatops'])).resolves.toEqual([
    { resourceId: 'chatops', resourceType: 'template', tagKey: 'k1', tagValue: 'v1' },
  ]);
});
