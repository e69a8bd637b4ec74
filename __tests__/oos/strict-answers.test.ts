/**
 * Answers are parsed strictly (issue 8, defect 6): a 2xx answer that lacks a required field, or
 * carries one of the wrong type, is an OosResponseError naming the action, the field and the
 * RequestId, never a "success" full of empty strings that shows up as drift on the next plan.
 */
import { OosClient } from '../../lib/oos/client';
import { OosResponseError } from '../../lib/oos/errors';
import { useScriptedServer } from './scripted-server';

const server = useScriptedServer();

function client(): OosClient {
  return new OosClient({
    regionId: 'cn-hangzhou',
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'test-ak-id', accessKeySecret: 'test-secret' },
    clock: { random: () => 0, now: () => 0, sleep: async () => undefined },
  });
}

const GOOD = {
  Name: 'c',
  Type: 'DingTalk',
  RamRole: 'Role',
  Configuration: '{"DingTalkClientId":"id","DingTalkClientSecret":"******"}',
  ResourceGroupId: 'rg-1',
  CreatedDate: '2026-01-01T00:00:00+00:00',
  UpdatedDate: '2026-01-02T00:00:00+00:00',
  Outputs: '{"URL":"https://hook"}',
};

async function failure(body: unknown, call: (c: OosClient) => Promise<unknown>): Promise<OosResponseError> {
  server.script({ status: 200, body });
  const err = await call(client()).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(OosResponseError);
  return err as OosResponseError;
}

const get = (c: OosClient) => c.getChatConfiguration('c');

describe('strict parsing of GetChatConfiguration', () => {
  test('a well-formed answer is read in full', async () => {
    server.script({ status: 200, body: { RequestId: 'R', ChatConfiguration: GOOD } });
    await expect(client().getChatConfiguration('c')).resolves.toMatchObject({ name: 'c', type: 'DingTalk', outputs: { URL: 'https://hook' } });
  });

  test.each([
    ['{}', { RequestId: 'R-1' }, 'ChatConfiguration', 'R-1'],
    ['null', null, 'ChatConfiguration', 'none'],
    ['no Name', { RequestId: 'R-2', ChatConfiguration: { ...GOOD, Name: undefined } }, 'ChatConfiguration.Name', 'R-2'],
    ['no Type', { RequestId: 'R-3', ChatConfiguration: { ...GOOD, Type: undefined } }, 'ChatConfiguration.Type', 'R-3'],
    ['no CreatedDate', { RequestId: 'R-4', ChatConfiguration: { ...GOOD, CreatedDate: undefined } }, 'ChatConfiguration.CreatedDate', 'R-4'],
    ['a numeric Type', { RequestId: 'R-5', ChatConfiguration: { ...GOOD, Type: 7 } }, 'ChatConfiguration.Type', 'R-5'],
    ['invalid Configuration JSON', { RequestId: 'R-6', ChatConfiguration: { ...GOOD, Configuration: '{"a":' } }, 'ChatConfiguration.Configuration', 'R-6'],
    [
      'a Configuration value that is not a string',
      { RequestId: 'R-7', ChatConfiguration: { ...GOOD, Configuration: '{"a":1}' } },
      'ChatConfiguration.Configuration',
      'R-7',
    ],
    ['invalid Outputs JSON', { RequestId: 'R-8', ChatConfiguration: { ...GOOD, Outputs: 'not json' } }, 'ChatConfiguration.Outputs', 'R-8'],
  ])('an answer with %s is an error naming the action, the field and the RequestId', async (_case, body, field, requestId) => {
    const err = await failure(body, get);
    expect(err).toMatchObject({ action: 'GetChatConfiguration', field, requestId: requestId === 'none' ? '' : requestId });
    expect(err.message).toContain(`OOS GetChatConfiguration answered`);
    expect(err.message).toContain(field);
    expect(err.message).toContain(`[RequestId: ${requestId}]`);
  });

  test('the error never quotes the Configuration it could not parse (it may hold the secret)', async () => {
    const err = await failure({ RequestId: 'R', ChatConfiguration: { ...GOOD, Configuration: '{"DingTalkClientSecret":"top-secret-value"' } }, get);
    expect(err.message).not.toContain('top-secret-value');
  });

  test('a malformed answer is not retried, and its attempt counts as carried out', async () => {
    const before = server.received.length;
    const err = await failure({ RequestId: 'R' }, (c) => c.createChatConfiguration({ name: 'c', type: 'DingTalk' }));
    expect(server.received.length - before).toBe(1);
    expect(err.history.attempts.map((a) => a.outcome)).toEqual(['succeeded']);
    expect(err.history.mayHaveTakenEffect).toBe(true);
  });
});

describe('strict parsing of the other answers', () => {
  test.each([
    ['CreateChatConfiguration without a stamp', {}, (c: OosClient) => c.createChatConfiguration({ name: 'c' }), 'ChatConfiguration'],
    [
      'UpdateChatConfiguration without CreatedDate',
      { ChatConfiguration: { Name: 'c' } },
      (c: OosClient) => c.updateChatConfiguration({ name: 'c' }),
      'ChatConfiguration.CreatedDate',
    ],
    ['ListChatConfigurations without the list', {}, (c: OosClient) => c.listChatConfigurations(), 'ChatConfigurations'],
    [
      'ListChatConfigurations with an item without Name',
      { ChatConfigurations: [{ ...GOOD, Name: undefined }] },
      (c: OosClient) => c.listChatConfigurations(),
      'ChatConfigurations[0].Name',
    ],
    ['ListTagResources without the list', {}, (c: OosClient) => c.getChatConfigurationTags('c'), 'TagResources'],
    [
      'ListTagResources with a row without TagKey',
      { TagResources: { TagResource: [{ ResourceId: 'c', TagValue: 'v' }] } },
      (c: OosClient) => c.getChatConfigurationTags('c'),
      'TagResources[0].TagKey',
    ],
    ['GetSecretParameter without the parameter', {}, (c: OosClient) => c.getSecretParameter('p'), 'Parameter'],
    [
      'GetSecretParameter with a numeric Value',
      { Parameter: { Name: 'p', ParameterVersion: 1, Value: 5 } },
      (c: OosClient) => c.getSecretParameter('p', { withDecryption: true }),
      'Parameter.Value',
    ],
    [
      'GetSecretParameter without ParameterVersion',
      { Parameter: { Name: 'p', Value: 'v' } },
      (c: OosClient) => c.getSecretParameter('p', { withDecryption: true }),
      'Parameter.ParameterVersion',
    ],
  ])('%s is an error naming the field', async (_case, body, call, field) => {
    const err = await failure({ RequestId: 'R-X', ...body }, call);
    expect(err).toMatchObject({ field, requestId: 'R-X' });
  });
});
