/**
 * The client through the real openapi-core stack against a scripted local server:
 * error mapping, retries, timeouts, redaction and the wire form of parameters.
 */
import { OosClient, type OosClientConfig } from '../../lib/oos/client';
import { isAlreadyExists, isNotFound, OosApiError, OosNetworkError, OosTimeoutError } from '../../lib/oos/errors';
import type { RetryClock } from '../../lib/oos/retry';
import { errorEnvelope, startScriptedServer, useScriptedServer } from './scripted-server';

const server = useScriptedServer();

const ACCESS_KEY_SECRET = 'ak-secret-do-not-print';

/** Sleeps are recorded, not waited, so retries run instantly. */
function instantClock(): RetryClock & { sleeps: number[] } {
  const sleeps: number[] = [];
  let time = 0;
  return { sleeps, random: () => 0.5, now: () => time, sleep: async (ms) => void (sleeps.push(ms), (time += ms)) };
}

function client(overrides: Partial<OosClientConfig> = {}): OosClient {
  return new OosClient({
    regionId: 'cn-hangzhou',
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'test-ak-id', accessKeySecret: ACCESS_KEY_SECRET },
    clock: instantClock(),
    ...overrides,
  });
}

describe('OOS client over HTTP: error mapping', () => {
  test('an error envelope becomes an OosApiError with code, message, RequestId and HTTP status', async () => {
    server.script({ status: 404, body: errorEnvelope('EntityNotExists.ChatConfiguration', 'The chat configuration does not exist.', 'ABC') });
    const err = await client()
      .getChatConfiguration('missing')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OosApiError);
    expect(err).toMatchObject({
      action: 'GetChatConfiguration',
      code: 'EntityNotExists.ChatConfiguration',
      httpStatus: 404,
      requestId: 'ABC',
      hostId: 'oos.cn-hangzhou.aliyuncs.com',
      serverMessage: 'The chat configuration does not exist.',
    });
    expect((err as OosApiError).recommend).toContain('requestId=ABC');
    expect((err as Error).message).toBe(
      'OOS GetChatConfiguration failed: EntityNotExists.ChatConfiguration (HTTP 404): The chat configuration does not exist. [RequestId: ABC]',
    );
    expect(isNotFound(err)).toBe(true);
  });

  test('a duplicate create maps to EntityAlreadyExists', async () => {
    server.script({ status: 409, body: errorEnvelope('EntityAlreadyExists.ChatConfiguration', 'exists') });
    const err = await client()
      .createChatConfiguration({ name: 'dup', type: 'DingTalk' })
      .catch((e: unknown) => e);
    expect(isAlreadyExists(err)).toBe(true);
  });

  test('the error message never contains the request parameters', async () => {
    server.script({ status: 400, body: errorEnvelope('InvalidParameter', 'bad input') });
    const err = (await client()
      .createChatConfiguration({ name: 'chatops-param-name', ramRole: 'SomeRole', configuration: { DingTalkClientId: 'client-id-value' } })
      .catch((e: unknown) => e)) as Error;
    expect(err.message).not.toMatch(/chatops-param-name|SomeRole|client-id-value|Configuration=|127\.0\.0\.1/);
  });

  test('a secret echoed by the server is redacted from the error message', async () => {
    const chatSecret = 'dingtalk-client-secret-123';
    server.script({ status: 400, body: errorEnvelope('InvalidParameter', `Configuration {"DingTalkClientSecret":"${chatSecret}"} is invalid`) });
    const err = (await client()
      .createChatConfiguration({ name: 'c', type: 'DingTalk', configuration: { DingTalkClientSecret: chatSecret } })
      .catch((e: unknown) => e)) as OosApiError;
    expect(err.message).not.toContain(chatSecret);
    expect(err.message).toContain('"DingTalkClientSecret":"******"');
    expect(err.serverMessage).not.toContain(chatSecret);
  });

  test('secret parameter values, the access key secret and the STS token are redacted too', async () => {
    const c = client({ credentials: { accessKeyId: 'STS.id', accessKeySecret: ACCESS_KEY_SECRET, securityToken: 'sts-token-value' } });
    server.script({ status: 400, body: errorEnvelope('InvalidParameter', `value s3cr3t-param-value, key ${ACCESS_KEY_SECRET}, token sts-token-value`) });
    const err = (await c.createSecretParameter('p', 's3cr3t-param-value').catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('value ******, key ******, token ******');
  });

  test('a decrypted secret parameter read earlier is redacted from later errors', async () => {
    const c = client();
    server.script(
      { status: 200, body: { RequestId: 'R', Parameter: { Name: 'p', ParameterVersion: 2, Value: 'decrypted-value-42' } } },
      { status: 400, body: errorEnvelope('InvalidParameter', 'failed near decrypted-value-42') },
    );
    expect((await c.getSecretParameter('p', { withDecryption: true })).value).toBe('decrypted-value-42');
    const err = (await c.deleteSecretParameter('p').catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('failed near ******');
  });
});

describe('OOS client over HTTP: retries', () => {
  test('a 503 envelope is retried and the call then succeeds', async () => {
    const clock = instantClock();
    server.script(
      { status: 503, body: errorEnvelope('ServiceUnavailable', 'busy') },
      { status: 503, body: errorEnvelope('ServiceUnavailable', 'busy') },
      { status: 200, body: { RequestId: 'R', ChatConfiguration: { Name: 'c', CreatedDate: 'd1', UpdatedDate: 'd2' } } },
    );
    await expect(client({ clock }).createChatConfiguration({ name: 'c' })).resolves.toEqual({ name: 'c', createdDate: 'd1', updatedDate: 'd2' });
    expect(server.received).toHaveLength(3);
    expect(clock.sleeps).toEqual([100, 200]);
  });

  test('throttling (HTTP 400 Throttling.User) is retried', async () => {
    server.script({ status: 400, body: errorEnvelope('Throttling.User', 'slow down') }, { status: 200, body: { RequestId: 'R' } });
    await client().deleteChatConfiguration('c');
    expect(server.received).toHaveLength(2);
  });

  test('a 503 whose body is not JSON (a load balancer page) is retried', async () => {
    server.script(
      { status: 503, body: '<html>Service Unavailable</html>', headers: { 'content-type': 'text/html' } },
      { status: 200, body: { RequestId: 'R' } },
    );
    await client().deleteChatConfiguration('c');
    expect(server.received).toHaveLength(2);
  });

  test('a dropped connection is retried', async () => {
    server.script({ drop: true }, { drop: true }, { status: 200, body: { RequestId: 'R' } });
    await client().deleteChatConfiguration('c');
    expect(server.received).toHaveLength(3);
  });

  test('a connection that keeps dropping ends in an OosNetworkError after maxRetries', async () => {
    server.fallback = { drop: true };
    const err = await client({ retry: { maxRetries: 2 } })
      .deleteChatConfiguration('c')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OosNetworkError);
    expect((err as OosNetworkError).reason).toMatch(/socket hang up|ECONNRESET/);
    expect((err as Error).message).not.toMatch(/127\.0\.0\.1:\d+\/\?|Name=c/);
    expect(server.received).toHaveLength(3);
  });

  test('a refused connection is a retryable network error', async () => {
    const closed = await startScriptedServer();
    const endpoint = closed.endpoint;
    await closed.close();
    const clock = instantClock();
    const err = await client({ endpoint, clock, retry: { maxRetries: 1 } })
      .deleteChatConfiguration('c')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'OosNetworkError', reason: 'ECONNREFUSED' });
    expect(clock.sleeps).toHaveLength(1);
  });

  test('an attempt that gets no answer within the request timeout is an OosTimeoutError', async () => {
    server.script({ hang: true }, { hang: true });
    const err = await client({ requestTimeoutMs: 200, retry: { maxRetries: 1 } })
      .deleteChatConfiguration('c')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OosTimeoutError);
    expect(server.received).toHaveLength(2);
  });

  test('InvalidParameter (HTTP 400) is not retried', async () => {
    server.script({ status: 400, body: errorEnvelope('InvalidParameter', 'bad') });
    await expect(client().deleteChatConfiguration('c')).rejects.toMatchObject({ code: 'InvalidParameter' });
    expect(server.received).toHaveLength(1);
  });

  test('EntityNotExists (HTTP 404) is not retried', async () => {
    server.script({ status: 404, body: errorEnvelope('EntityNotExists.ChatConfiguration', 'gone') });
    await expect(client().getChatConfiguration('c')).rejects.toMatchObject({ httpStatus: 404 });
    expect(server.received).toHaveLength(1);
  });

  test('the logger gets action, status, RequestId, attempt and delay, and no parameters or secrets', async () => {
    const lines: string[] = [];
    server.script(
      { status: 503, body: errorEnvelope('ServiceUnavailable', 'busy', 'REQ-503') },
      { status: 200, body: { RequestId: 'REQ-OK', ChatConfiguration: { Name: 'named-thing', CreatedDate: 'd' } } },
    );
    await client({ logger: (l) => lines.push(l) }).createChatConfiguration({ name: 'named-thing', configuration: { DingTalkClientSecret: 'shh-secret' } });
    expect(lines).toEqual([
      'OOS CreateChatConfiguration attempt 1: HTTP 503 RequestId REQ-503',
      'OOS CreateChatConfiguration attempt 1 failed; retrying in 100 ms',
      'OOS CreateChatConfiguration attempt 2: HTTP 200 RequestId REQ-OK',
    ]);
  });
});

describe('OOS client over HTTP: wire form', () => {
  test('sends a signed RPC POST with the action header and parameters in the form body, none in the URL', async () => {
    server.script({ status: 200, body: { RequestId: 'R', ChatConfiguration: { Name: 'chatops', CreatedDate: 'd' } } });
    await client().createChatConfiguration({
      name: 'chatops',
      type: 'DingTalk',
      ramRole: 'AliyunOOSDefaultRole',
      configuration: { DingTalkClientId: 'cid' },
      resourceGroupId: 'rg-1',
    });
    const [req] = server.received;
    expect(req.method).toBe('POST');
    expect(req.action).toBe('CreateChatConfiguration');
    expect(req.headers['x-acs-version']).toBe('2019-06-01');
    expect(String(req.headers.authorization)).toMatch(/^ACS3-HMAC-SHA256 Credential=test-ak-id,/);
    expect(req.contentType).toBe('application/x-www-form-urlencoded');
    expect([...req.query.keys()]).toEqual([]);
    expect(Object.fromEntries(req.params)).toEqual({
      RegionId: 'cn-hangzhou',
      Name: 'chatops',
      Type: 'DingTalk',
      RamRole: 'AliyunOOSDefaultRole',
      Configuration: '{"DingTalkClientId":"cid"}',
      ResourceGroupId: 'rg-1',
    });
  });

  test('sequential calls reuse one keep-alive connection', async () => {
    const c = client();
    const before = server.connections();
    for (let i = 0; i < 5; i++) await c.deleteChatConfiguration(`c${i}`);
    expect(server.connections() - before).toBeLessThanOrEqual(1);
  });

  test('list filters are sent as Filters.N.Name/Value with MaxResults=100 and NextToken is followed', async () => {
    const item = (n: string) => ({ Name: n, Type: 'DingTalk', RamRole: 'r', Outputs: '{"URL":"https://hook"}', CreatedDate: 'c', UpdatedDate: 'u' });
    server.script(
      { status: 200, body: { RequestId: 'R1', ChatConfigurations: [item('a')], NextToken: 'page2' } },
      { status: 200, body: { RequestId: 'R2', ChatConfigurations: [item('b')] } },
    );
    const list = await client().listChatConfigurations([
      { name: 'Type', value: 'DingTalk' },
      { name: 'Name', value: 'a' },
    ]);
    expect(list.map((c) => c.name)).toEqual(['a', 'b']);
    expect(list[0]).toEqual({ name: 'a', type: 'DingTalk', ramRole: 'r', outputs: { URL: 'https://hook' }, createdDate: 'c', updatedDate: 'u' });
    const [first, second] = server.received.map((r) => Object.fromEntries(r.params));
    expect(first).toEqual({
      RegionId: 'cn-hangzhou',
      'Filters.1.Name': 'Type',
      'Filters.1.Value': 'DingTalk',
      'Filters.2.Name': 'Name',
      'Filters.2.Value': 'a',
      MaxResults: '100',
    });
    expect(second.NextToken).toBe('page2');
  });

  test('tag operations send ResourceIds, Tags and TagKeys as JSON text', async () => {
    const c = client();
    await c.tagResources({ resourceType: 'chatconfiguration', resourceIds: ['a'], tags: { env: 'dev' } });
    await c.untagResources({ resourceType: 'chatconfiguration', resourceIds: ['a'], tagKeys: ['old'] });
    const [tag, untag] = server.received.map((r) => Object.fromEntries(r.params));
    expect(tag).toMatchObject({ ResourceType: 'chatconfiguration', ResourceIds: '["a"]', Tags: '{"env":"dev"}' });
    expect(untag).toMatchObject({ ResourceType: 'chatconfiguration', ResourceIds: '["a"]', TagKeys: '["old"]' });
  });

  test('setting tags untags removed keys and tags added or changed ones', async () => {
    await client().setChatConfigurationTags('a', { keep: '1', changed: 'new', added: 'x' }, { keep: '1', changed: 'old', removed: 'y' });
    const calls = server.received.map((r) => [r.action, Object.fromEntries(r.params)] as const);
    expect(calls).toHaveLength(2);
    expect(calls[0][0]).toBe('UntagResources');
    expect(calls[0][1].TagKeys).toBe('["removed"]');
    expect(calls[1][0]).toBe('TagResources');
    expect(JSON.parse(calls[1][1].Tags)).toEqual({ changed: 'new', added: 'x' });
  });

  test('getting tags reads all ListTagResources pages for the configured resource type', async () => {
    server.script(
      {
        status: 200,
        body: {
          RequestId: 'R',
          NextToken: 't2',
          TagResources: { TagResource: [{ ResourceId: 'a', ResourceType: 'chatconfiguration', TagKey: 'k1', TagValue: 'v1' }] },
        },
      },
      {
        status: 200,
        body: { RequestId: 'R', TagResources: { TagResource: [{ ResourceId: 'a', ResourceType: 'chatconfiguration', TagKey: 'k2', TagValue: 'v2' }] } },
      },
    );
    await expect(client({ tagResourceType: 'custom' }).getChatConfigurationTags('a')).resolves.toEqual({ k1: 'v1', k2: 'v2' });
    expect(server.received[0].params.get('ResourceType')).toBe('custom');
    expect(server.received[1].params.get('NextToken')).toBe('t2');
  });

  test('GetSecretParameter sends WithDecryption and ParameterVersion', async () => {
    server.script({ status: 200, body: { RequestId: 'R', Parameter: { Name: 'p', ParameterVersion: 3, Value: 'v', CreatedDate: 'c', UpdatedDate: 'u' } } });
    const p = await client().getSecretParameter('p', { withDecryption: true, parameterVersion: 3 });
    expect(p).toEqual({
      name: 'p',
      parameterVersion: 3,
      value: 'v',
      createdDate: 'c',
      updatedDate: 'u',
      description: '',
      keyId: '',
      constraints: '',
      resourceGroupId: '',
      tags: {},
    });
    expect(Object.fromEntries(server.received[0].params)).toEqual({ RegionId: 'cn-hangzhou', Name: 'p', WithDecryption: 'true', ParameterVersion: '3' });
  });

  test('secret parameter Tags are read as an object (Get) or as JSON text (Update)', async () => {
    server.script(
      { status: 200, body: { RequestId: 'R', Parameter: { Name: 'p', ParameterVersion: 1, Tags: { team: 'ops' } } } },
      { status: 200, body: { RequestId: 'R', Parameter: { Name: 'p', ParameterVersion: 2, Tags: '{"team":"ops"}' } } },
    );
    expect((await client().getSecretParameter('p')).tags).toEqual({ team: 'ops' });
    expect((await client().updateSecretParameter('p', { description: 'd' })).tags).toEqual({ team: 'ops' });
    expect(Object.fromEntries(server.received[1].params)).toEqual({ RegionId: 'cn-hangzhou', Name: 'p', Description: 'd' });
  });

  test('CreateSecretParameter sends the documented settings, Tags as JSON text', async () => {
    server.script({ status: 200, body: { RequestId: 'R', Parameter: { Name: 'p', ParameterVersion: 1 } } });
    const settings = { keyId: 'k-1', constraints: '{"MinLength":8}', resourceGroupId: 'rg-a1', tags: { team: 'ops' }, clientToken: 'tok' };
    await client().createSecretParameter('p', 'value-1', settings);
    expect(Object.fromEntries(server.received[0].params)).toEqual({
      RegionId: 'cn-hangzhou',
      Name: 'p',
      Value: 'value-1',
      Type: 'Secret',
      KeyId: 'k-1',
      Constraints: '{"MinLength":8}',
      ResourceGroupId: 'rg-a1',
      Tags: '{"team":"ops"}',
      ClientToken: 'tok',
    });
  });
});
