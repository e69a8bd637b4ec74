/**
 * Every OosClient operation against the signature-verifying emulator: the requests are signed
 * for real, so a wrong parameter name, encoding or signature shows up here.
 */
import { DEFAULT_EMULATOR_CREDENTIAL, startEmulator } from '../../lib/emulator';
import { OosClient, type OosClientConfig } from '../../lib/oos/client';
import { isAlreadyExists, isNotFound, OosApiError } from '../../lib/oos/errors';
import { configurationLengthProblem, MAX_CONFIGURATION_LENGTH } from '../../lib/domain';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [DEFAULT_EMULATOR_CREDENTIAL] });
});

afterAll(async () => {
  await emulator.close();
});

afterEach(() => {
  emulator.setFaults({});
});

function client(overrides: Partial<OosClientConfig> = {}): OosClient {
  return new OosClient({
    regionId: 'cn-hangzhou',
    endpoint: emulator.url,
    credentials: { accessKeyId: DEFAULT_EMULATOR_CREDENTIAL.accessKeyId, accessKeySecret: DEFAULT_EMULATOR_CREDENTIAL.accessKeySecret },
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...overrides,
  });
}

describe('large parameters', () => {
  test('a Configuration of 16,300 characters (inside the documented 16 KiB) goes in the signed form body and round-trips', async () => {
    const c = client();
    const filler = 'x'.repeat(16_300 - JSON.stringify({ DingTalkClientId: 'id', Note: '' }).length);
    const configuration = { DingTalkClientId: 'id', Note: filler };
    expect(JSON.stringify(configuration)).toHaveLength(16_300);
    expect(JSON.stringify(configuration).length).toBeLessThanOrEqual(MAX_CONFIGURATION_LENGTH);
    await c.createChatConfiguration({ name: 'rt-large', type: 'DingTalk', configuration });
    expect((await c.getChatConfiguration('rt-large')).configuration).toEqual(configuration);
    await c.updateChatConfiguration({ name: 'rt-large', configuration: { ...configuration, Note: filler.toUpperCase() } });
    expect((await c.getChatConfiguration('rt-large')).configuration.Note).toBe(filler.toUpperCase());
    await c.deleteChatConfiguration('rt-large');
  });

  test('the documented limit is 16 KiB of Configuration JSON, with a problem text naming the size and the fix', () => {
    expect(MAX_CONFIGURATION_LENGTH).toBe(16 * 1024);
    expect(configurationLengthProblem('x'.repeat(MAX_CONFIGURATION_LENGTH))).toBeUndefined();
    expect(configurationLengthProblem('x'.repeat(MAX_CONFIGURATION_LENGTH + 1))).toMatch(/16385 characters.*at most 16384/);
  });
});

describe('OOS client against the emulator', () => {
  test('creates, reads, updates, lists and deletes a chat configuration', async () => {
    const c = client();
    const created = await c.createChatConfiguration({
      name: 'rt-dingtalk',
      type: 'DingTalk',
      ramRole: 'AliyunOOSDefaultRole',
      configuration: { DingTalkClientId: 'client-1', DingTalkClientSecret: 'secret-1', DingTalkTemplateId: 'tpl-1' },
      resourceGroupId: 'rg-acfmroundtrip01',
    });
    expect(created.name).toBe('rt-dingtalk');
    expect(created.createdDate).not.toBe('');

    const got = await c.getChatConfiguration('rt-dingtalk');
    expect(got).toMatchObject({
      name: 'rt-dingtalk',
      type: 'DingTalk',
      ramRole: 'AliyunOOSDefaultRole',
      resourceGroupId: 'rg-acfmroundtrip01',
      configuration: { DingTalkClientId: 'client-1', DingTalkClientSecret: '******', DingTalkTemplateId: 'tpl-1' },
    });
    expect(got.outputs.URL).toMatch(/^https:\/\//);

    const updated = await c.updateChatConfiguration({
      name: 'rt-dingtalk',
      ramRole: 'OtherRole',
      configuration: { DingTalkClientId: 'client-2', DingTalkClientSecret: 'secret-2', DingTalkTemplateId: 'tpl-1' },
    });
    expect(updated.name).toBe('rt-dingtalk');
    const afterUpdate = await c.getChatConfiguration('rt-dingtalk');
    expect(afterUpdate.ramRole).toBe('OtherRole');
    expect(afterUpdate.configuration.DingTalkClientId).toBe('client-2');

    const listed = await c.listChatConfigurations();
    expect(listed.map((x) => x.name)).toContain('rt-dingtalk');

    await c.deleteChatConfiguration('rt-dingtalk');
    const err = await c.getChatConfiguration('rt-dingtalk').catch((e: unknown) => e);
    expect(isNotFound(err)).toBe(true);
  });

  test('lists with Name and Type filters across several pages', async () => {
    const c = client();
    const names = Array.from({ length: 105 }, (_, i) => `rt-page-${String(i).padStart(3, '0')}`);
    for (const name of names) await c.createChatConfiguration({ name, type: name.endsWith('7') ? 'WeChat' : 'DingTalk' });
    await c.createChatConfiguration({ name: 'rt-other', type: 'DingTalk' });

    const all = await c.listChatConfigurations([{ name: 'Name', value: 'rt-page-' }]);
    expect(all.map((x) => x.name)).toEqual(names);

    const wechat = await c.listChatConfigurations([
      { name: 'Name', value: 'rt-page-' },
      { name: 'Type', value: 'WeChat' },
    ]);
    expect(wechat.map((x) => x.name)).toEqual(names.filter((n) => n.endsWith('7')));
    expect(wechat[0].outputs.AesKey).toHaveLength(43);

    for (const name of [...names, 'rt-other']) await c.deleteChatConfiguration(name);
  });

  test('a duplicate create is EntityAlreadyExists', async () => {
    const c = client();
    await c.createChatConfiguration({ name: 'rt-dup', type: 'DingTalk' });
    const err = await c.createChatConfiguration({ name: 'rt-dup', type: 'DingTalk' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OosApiError);
    expect(isAlreadyExists(err)).toBe(true);
    expect((err as OosApiError).requestId).not.toBe('');
    await c.deleteChatConfiguration('rt-dup');
  });

  test('update and delete of a missing configuration are EntityNotExists', async () => {
    const c = client();
    expect(isNotFound(await c.updateChatConfiguration({ name: 'rt-missing', type: 'DingTalk' }).catch((e: unknown) => e))).toBe(true);
    expect(isNotFound(await c.deleteChatConfiguration('rt-missing').catch((e: unknown) => e))).toBe(true);
  });

  test('tags are added, listed, changed and removed', async () => {
    const c = client();
    await c.createChatConfiguration({ name: 'rt-tags', type: 'DingTalk' });

    await c.tagResources({ resourceType: 'chatconfiguration', resourceIds: ['rt-tags'], tags: { env: 'dev', team: 'ops' } });
    expect(await c.getChatConfigurationTags('rt-tags')).toEqual({ env: 'dev', team: 'ops' });
    const rows = await c.listTagResources('chatconfiguration', ['rt-tags']);
    expect(rows).toEqual(expect.arrayContaining([{ resourceId: 'rt-tags', resourceType: 'chatconfiguration', tagKey: 'env', tagValue: 'dev' }]));

    await c.untagResources({ resourceType: 'chatconfiguration', resourceIds: ['rt-tags'], tagKeys: ['team'] });
    expect(await c.getChatConfigurationTags('rt-tags')).toEqual({ env: 'dev' });

    await c.setChatConfigurationTags('rt-tags', { env: 'prod', owner: 'me' });
    expect(await c.getChatConfigurationTags('rt-tags')).toEqual({ env: 'prod', owner: 'me' });

    await c.untagResources({ resourceType: 'chatconfiguration', resourceIds: ['rt-tags'], all: true });
    expect(await c.getChatConfigurationTags('rt-tags')).toEqual({});
    await c.deleteChatConfiguration('rt-tags');
  });

  test('secret parameters are created, read with and without decryption, updated and deleted', async () => {
    const c = client();
    const created = await c.createSecretParameter('rt-secret', 'first-value', 'the bot secret');
    expect(created).toMatchObject({ name: 'rt-secret', parameterVersion: 1 });

    expect((await c.getSecretParameter('rt-secret', { withDecryption: true })).value).toBe('first-value');
    expect((await c.getSecretParameter('rt-secret')).value).not.toBe('first-value');

    const updated = await c.updateSecretParameter('rt-secret', 'second-value');
    expect(updated.parameterVersion).toBe(2);
    expect((await c.getSecretParameter('rt-secret', { withDecryption: true })).value).toBe('second-value');
    expect((await c.getSecretParameter('rt-secret', { withDecryption: true, parameterVersion: 1 })).value).toBe('first-value');

    await c.deleteSecretParameter('rt-secret');
    expect(isNotFound(await c.getSecretParameter('rt-secret').catch((e: unknown) => e))).toBe(true);
  });

  test('a wrong secret key is refused by the emulator and not retried', async () => {
    const lines: string[] = [];
    const c = client({
      credentials: { accessKeyId: DEFAULT_EMULATOR_CREDENTIAL.accessKeyId, accessKeySecret: 'wrong-secret-value' },
      logger: (l) => lines.push(l),
    });
    const err = (await c.getChatConfiguration('anything').catch((e: unknown) => e)) as OosApiError;
    expect(err).toBeInstanceOf(OosApiError);
    expect(err.httpStatus).toBeGreaterThanOrEqual(400);
    expect(err.httpStatus).toBeLessThan(500);
    expect(err.message).not.toContain('wrong-secret-value');
    expect(lines).toHaveLength(1);
  });

  test("a wrong secret key names the secret's setting as the caller calls it, with the OOS code and RequestId", async () => {
    const credentials = { accessKeyId: DEFAULT_EMULATOR_CREDENTIAL.accessKeyId, accessKeySecret: 'wrong-secret-value' };
    const own = (await client({ credentials })
      .getChatConfiguration('anything')
      .catch((e: unknown) => e)) as OosApiError;
    expect(own.message).toMatch(/SignatureDoesNotMatch \(HTTP 400\).*\[RequestId: [0-9A-F-]{36}\]\. Check credentials\.accessKeySecret/);
    const named = client({ credentials, settingNames: { accessKeyId: 'access_key', accessKeySecret: 'secret_key', securityToken: 'security_token' } });
    const err = (await named.getChatConfiguration('anything').catch((e: unknown) => e)) as OosApiError;
    expect(err.message).toMatch(/\. Check secret_key \(or ALIBABA_CLOUD_ACCESS_KEY_SECRET\)/);
  });

  test('an unknown access key names the access key setting', async () => {
    const c = client({ credentials: { accessKeyId: 'LTAIunknownKey0000', accessKeySecret: 'whatever-secret' } });
    const err = (await c.getChatConfiguration('anything').catch((e: unknown) => e)) as OosApiError;
    expect(err.code).toBe('InvalidAccessKeyId.NotFound');
    expect(err.message).toMatch(/InvalidAccessKeyId\.NotFound .*\[RequestId: [0-9A-F-]{36}\]\. Check credentials\.accessKeyId/);
  });

  test('a closed port is retried only a few times with default settings, then names the endpoint', async () => {
    const closed = await startEmulator();
    const url = closed.url;
    await closed.close();
    const started = Date.now();
    const err = (await client({ endpoint: url })
      .getChatConfiguration('anything')
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/ECONNREFUSED.*check endpoint/);
    // Three short backoffs, not the two-minute read deadline.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  test('an endpoint that answered before and then refuses connections (OOS down or restarting) is retried until the deadline', async () => {
    const restarting = await startEmulator();
    const c = client({ endpoint: restarting.url, retry: { baseDelayMs: 10, maxDelayMs: 50 } });
    await c.listChatConfigurations();
    await restarting.close();
    const attempts: string[] = [];
    const started = Date.now();
    const err = (await c
      .getChatConfiguration('anything', { timeoutMs: 1500, onHistory: (h) => h.attempts.forEach((a) => attempts.push(String(a.code))) })
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/ECONNREFUSED.*answered before/);
    expect(attempts.length).toBeGreaterThan(4);
    expect(Date.now() - started).toBeGreaterThan(1000);
  });

  test('a closed port names the endpoint (and region) settings', async () => {
    const closed = await startEmulator();
    const url = closed.url;
    await closed.close();
    const err = (await client({ endpoint: url, retry: { maxRetries: 0 } })
      .getChatConfiguration('anything')
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/ECONNREFUSED.*check endpoint \(and region\)/);
  });

  test('calls succeed through injected throttling, server errors and dropped connections', async () => {
    emulator.setFaults({ throttlingRate: 0.5 });
    const retries: string[] = [];
    const c = client({ retry: { maxRetries: 12, baseDelayMs: 1, maxDelayMs: 5 }, logger: (l) => void (/retrying/.test(l) && retries.push(l)) });
    for (let i = 0; i < 10; i++) await c.createChatConfiguration({ name: `rt-fault-${i}`, type: 'DingTalk' });

    expect(retries.length).toBeGreaterThan(0);

    emulator.setFaults({ serverErrorRate: 0.3, dropRate: 0.2 });
    for (let i = 0; i < 5; i++) expect((await c.listChatConfigurations([{ name: 'Name', value: 'rt-fault-' }])).length).toBe(10);

    emulator.setFaults({});
    for (let i = 0; i < 10; i++) await c.deleteChatConfiguration(`rt-fault-${i}`);
  });
});
