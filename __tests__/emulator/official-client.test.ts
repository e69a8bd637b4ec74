/** The official @alicloud/openapi-core client, V3 by default and V2 on request, round-trips against the emulator. */
import { DEFAULT_EMULATOR_CREDENTIAL, type RunningEmulator, startEmulator } from '../../lib/emulator';
import { OfficialClientOptions, officialCall, officialClient } from '../e2e/support/official-client';

const STS_CREDENTIAL = { accessKeyId: 'STS.sdkTest', accessKeySecret: 'sdk-sts-secret', securityToken: 'sdk-sts-token' };

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [DEFAULT_EMULATOR_CREDENTIAL, STS_CREDENTIAL] });
});

afterAll(async () => {
  await emulator.close();
});

const client = (options: OfficialClientOptions = {}) => officialClient(emulator, options);
const call = officialCall;

describe('@alicloud/openapi-core with V3 signatures', () => {
  const api = () => client();

  it('creates, reads, updates, lists and deletes a chat configuration', async () => {
    const configuration = { DingTalkClientId: 'client-1', DingTalkClientSecret: 'secret value with spaces & symbols *()!', DingTalkTemplateId: 't-1' };
    const created = await call(api(), 'CreateChatConfiguration', {
      Name: 'sdk-roundtrip',
      Type: 'DingTalk',
      RamRole: 'AliyunOOSDefaultRole',
      Configuration: JSON.stringify(configuration),
    });
    expect(created.ChatConfiguration.Name).toBe('sdk-roundtrip');

    const fetched = await call(api(), 'GetChatConfiguration', { Name: 'sdk-roundtrip' });
    expect(JSON.parse(fetched.ChatConfiguration.Configuration)).toEqual({ ...configuration, DingTalkClientSecret: '******' });

    await call(api(), 'UpdateChatConfiguration', { Name: 'sdk-roundtrip', RamRole: 'OtherRole' });
    const updated = await call(api(), 'GetChatConfiguration', { Name: 'sdk-roundtrip' });
    expect(updated.ChatConfiguration.RamRole).toBe('OtherRole');

    const listed = await call(api(), 'ListChatConfigurations', { Filters: [{ Name: 'Name', Value: 'sdk-' }], MaxResults: 10 });
    expect(listed.ChatConfigurations.map((item: { Name: string }) => item.Name)).toEqual(['sdk-roundtrip']);

    const deleted = await call(api(), 'DeleteChatConfiguration', { Name: 'sdk-roundtrip' });
    expect(deleted.Content).toBe('Chat configuration deleted successfully.');
  });

  it('surfaces emulator errors as SDK errors carrying the code and the request id', async () => {
    await expect(call(api(), 'GetChatConfiguration', { Name: 'does-not-exist' })).rejects.toMatchObject({
      code: 'EntityNotExists.ChatConfiguration',
      statusCode: 404,
      data: expect.objectContaining({ RequestId: expect.any(String) }),
    });
  });

  it('works with an STS credential (x-acs-security-token)', async () => {
    const listed = await call(client({ credential: STS_CREDENTIAL }), 'ListChatConfigurations', {});
    expect(Array.isArray(listed.ChatConfigurations)).toBe(true);
  });

  it('is rejected with a wrong secret', async () => {
    const wrong = client({ credential: { accessKeyId: DEFAULT_EMULATOR_CREDENTIAL.accessKeyId, accessKeySecret: 'nope' } });
    await expect(call(wrong, 'ListChatConfigurations', {})).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' });
  });
});

describe('@alicloud/openapi-core with V2 signatures', () => {
  const api = () => client({ signatureAlgorithm: 'v2' });

  it('creates, reads and deletes a chat configuration', async () => {
    await call(api(), 'CreateChatConfiguration', { Name: 'sdk-v2', Type: 'WeChat', Configuration: '{"Token":"t=1&x"}' });
    const fetched = await call(api(), 'GetChatConfiguration', { Name: 'sdk-v2' });
    expect(fetched.ChatConfiguration.Type).toBe('WeChat');
    expect(JSON.parse(fetched.ChatConfiguration.Outputs).AesKey).toMatch(/^[A-Za-z0-9]{43}$/);
    await call(api(), 'DeleteChatConfiguration', { Name: 'sdk-v2' });
  });

  it('works with an STS credential (SecurityToken parameter)', async () => {
    const listed = await call(client({ signatureAlgorithm: 'v2', credential: STS_CREDENTIAL }), 'ListChatConfigurations', {});
    expect(Array.isArray(listed.ChatConfigurations)).toBe(true);
  });
});
