/** The emulator accepts correctly signed requests and rejects every kind of bad one with Alibaba's codes. */
import { DEFAULT_EMULATOR_CREDENTIAL, type RunningEmulator, formatAcsTimestamp, signV3Request, startEmulator } from '../../lib/emulator';
import { NonceRegistry } from '../../lib/emulator/signature-verifier';
import { callV2, callV3, send, v3Request } from './signed-client';

const STS_CREDENTIAL = { accessKeyId: 'STS.emulatorTest', accessKeySecret: 'sts-secret-value', securityToken: 'sts-token-value' };
const STS_WITHOUT_TOKEN = { accessKeyId: STS_CREDENTIAL.accessKeyId, accessKeySecret: STS_CREDENTIAL.accessKeySecret };
const REGION = { RegionId: 'cn-hangzhou' };
const UUID_UPPER = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [DEFAULT_EMULATOR_CREDENTIAL, STS_CREDENTIAL] });
});

afterAll(async () => {
  await emulator.close();
});

function minutesAgo(minutes: number): string {
  return formatAcsTimestamp(new Date(Date.now() - minutes * 60_000));
}

describe('V3 signatures', () => {
  it('accepts a request signed with ACS3-HMAC-SHA256 and parameters in the query', async () => {
    const response = await callV3(emulator, 'ListChatConfigurations', REGION);
    expect(response.status).toBe(200);
    expect(response.body.RequestId).toMatch(UUID_UPPER);
  });

  it('accepts parameters sent as a signed form body', async () => {
    const response = await callV3(emulator, 'ListChatConfigurations', REGION, { asForm: true });
    expect(response.status).toBe(200);
  });

  it('accepts GET as well as POST', async () => {
    const response = await callV3(emulator, 'ListChatConfigurations', REGION, { method: 'GET' });
    expect(response.status).toBe(200);
  });

  it('rejects a query changed after signing without revealing the secret or the expected signature', async () => {
    const date = formatAcsTimestamp(new Date());
    const nonce = 'tampered-query-nonce';
    const response = await callV3(
      emulator,
      'GetChatConfiguration',
      { ...REGION, Name: 'original' },
      {
        date,
        nonce,
        tamper: (request) => ({ ...request, path: request.path.replace('Name=original', 'Name=changed') }),
      },
    );
    const expected = signV3Request({
      method: 'POST',
      host: emulator.endpoint,
      action: 'GetChatConfiguration',
      version: '2019-06-01',
      credential: DEFAULT_EMULATOR_CREDENTIAL,
      query: { ...REGION, Name: 'changed' },
      date,
      nonce,
    });
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('SignatureDoesNotMatch');
    expect(response.body.Message).not.toContain(DEFAULT_EMULATOR_CREDENTIAL.accessKeySecret);
    expect(response.body.Message).not.toContain(expected.signature);
  });

  it('rejects a body that does not match x-acs-content-sha256', async () => {
    const response = await callV3(emulator, 'ListChatConfigurations', REGION, {
      asForm: true,
      tamper: (request) => ({ ...request, body: 'RegionId=cn-shanghai' }),
    });
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('SignatureDoesNotMatch');
  });

  it('rejects a timestamp more than 15 minutes old', async () => {
    const response = await callV3(emulator, 'ListChatConfigurations', REGION, { date: minutesAgo(16) });
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('InvalidTimeStamp.Expired');
  });

  it('accepts a timestamp 14 minutes old', async () => {
    const response = await callV3(emulator, 'ListChatConfigurations', REGION, { date: minutesAgo(14) });
    expect(response.status).toBe(200);
  });

  it('rejects a timestamp that is not yyyy-MM-ddTHH:mm:ssZ', async () => {
    const response = await callV3(emulator, 'ListChatConfigurations', REGION, { date: new Date().toISOString() });
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('InvalidTimeStamp.Format');
  });

  it('rejects a replayed nonce', async () => {
    const request = v3Request(emulator, 'ListChatConfigurations', REGION);
    expect((await send(emulator, request)).status).toBe(200);
    const replay = await send(emulator, request);
    expect(replay.status).toBe(400);
    expect(replay.body.Code).toBe('SignatureNonceUsed');
  });

  it('rejects an unknown AccessKeyId with 404', async () => {
    const response = await callV3(emulator, 'ListChatConfigurations', REGION, {
      credential: { accessKeyId: 'LTAIunknown', accessKeySecret: 'whatever' },
    });
    expect(response.status).toBe(404);
    expect(response.body.Code).toBe('InvalidAccessKeyId.NotFound');
  });

  it('rejects a request signed with the wrong secret', async () => {
    const response = await callV3(emulator, 'ListChatConfigurations', REGION, {
      credential: { accessKeyId: DEFAULT_EMULATOR_CREDENTIAL.accessKeyId, accessKeySecret: 'wrong-secret' },
    });
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('SignatureDoesNotMatch');
  });

  it('accepts an STS key with its security token', async () => {
    const response = await callV3(emulator, 'ListChatConfigurations', REGION, { credential: STS_CREDENTIAL });
    expect(response.status).toBe(200);
  });

  it('rejects an STS key without a security token', async () => {
    const response = await callV3(emulator, 'ListChatConfigurations', REGION, { credential: STS_WITHOUT_TOKEN });
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('MissingSecurityToken');
  });

  it('rejects an STS key with another security token', async () => {
    const response = await callV3(emulator, 'ListChatConfigurations', REGION, {
      credential: { ...STS_CREDENTIAL, securityToken: 'someone-elses-token' },
    });
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('InvalidSecurityToken.MismatchWithAccessKey');
  });

  it('rejects a request with no signature at all', async () => {
    const response = await send(emulator, { method: 'POST', path: '/?RegionId=cn-hangzhou', headers: { 'x-acs-action': 'ListChatConfigurations' } });
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('IncompleteSignature');
  });

  it('rejects an x-acs-* header that is not signed', async () => {
    const response = await callV3(emulator, 'ListChatConfigurations', REGION, {
      tamper: (request) => ({ ...request, headers: { ...request.headers, 'x-acs-extra': 'injected' } }),
    });
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('IncompleteSignature');
  });

  it('answers an unknown action with InvalidAction.NotFound (404)', async () => {
    const response = await callV3(emulator, 'DescribeEverything', REGION);
    expect(response.status).toBe(404);
    expect(response.body.Code).toBe('InvalidAction.NotFound');
  });

  it('answers another API version with InvalidVersion', async () => {
    const response = await callV3(emulator, 'ListChatConfigurations', REGION, { version: '2014-05-26' });
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('InvalidVersion');
  });
});

describe('V2 signatures', () => {
  it('accepts a GET signed with HMAC-SHA1', async () => {
    const response = await callV2(emulator, 'ListChatConfigurations', REGION);
    expect(response.status).toBe(200);
  });

  it('accepts a POST whose parameters and Signature are in a form body', async () => {
    const response = await callV2(emulator, 'ListChatConfigurations', REGION, { method: 'POST', asForm: true });
    expect(response.status).toBe(200);
  });

  it('rejects a wrong signature and echoes only a digest of the string to sign', async () => {
    const response = await callV2(
      emulator,
      'CreateSecretParameter',
      { ...REGION, Name: 'p', Value: 'very-secret-value' },
      {
        credential: { accessKeyId: DEFAULT_EMULATOR_CREDENTIAL.accessKeyId, accessKeySecret: 'wrong-secret' },
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('SignatureDoesNotMatch');
    expect(response.body.Message).not.toContain('very-secret-value');
    expect(response.body.Message).not.toContain(DEFAULT_EMULATOR_CREDENTIAL.accessKeySecret);
  });

  it('rejects a replayed SignatureNonce', async () => {
    const nonce = 'v2-replayed-nonce';
    expect((await callV2(emulator, 'ListChatConfigurations', REGION, { nonce })).status).toBe(200);
    const replay = await callV2(emulator, 'ListChatConfigurations', REGION, { nonce });
    expect(replay.body.Code).toBe('SignatureNonceUsed');
  });

  it('rejects an expired Timestamp', async () => {
    const response = await callV2(emulator, 'ListChatConfigurations', REGION, { timestamp: minutesAgo(20) });
    expect(response.body.Code).toBe('InvalidTimeStamp.Expired');
  });

  it('requires the SecurityToken parameter for an STS key', async () => {
    expect((await callV2(emulator, 'ListChatConfigurations', REGION, { credential: STS_CREDENTIAL })).status).toBe(200);
    const response = await callV2(emulator, 'ListChatConfigurations', REGION, { credential: STS_WITHOUT_TOKEN });
    expect(response.body.Code).toBe('MissingSecurityToken');
  });

  it('names a missing common parameter', async () => {
    const response = await send(emulator, {
      method: 'GET',
      path: '/?Action=ListChatConfigurations&Version=2019-06-01&AccessKeyId=LTAIemulatorKey0001&SignatureMethod=HMAC-SHA1&SignatureNonce=n1&Signature=x&RegionId=cn-hangzhou',
      headers: {},
    });
    expect(response.status).toBe(400);
    expect(response.body.Code).toBe('MissingParameter.Timestamp');
  });
});

describe('error envelope', () => {
  it('carries RequestId, HostId, Code, Message and a Recommend link', async () => {
    const response = await callV3(emulator, 'DescribeEverything', REGION);
    const { RequestId, HostId, Code, Message, Recommend } = response.body;
    expect(RequestId).toMatch(UUID_UPPER);
    expect(HostId).toBe(emulator.endpoint);
    expect(Code).toBe('InvalidAction.NotFound');
    expect(typeof Message).toBe('string');
    expect(Recommend).toBe(`https://api.aliyun.com/troubleshoot?q=InvalidAction.NotFound&product=oos&requestId=${RequestId}`);
    expect(response.headers['x-acs-request-id']).toBe(RequestId);
  });
});

describe('nonce memory', () => {
  it('forgets nonces older than the retention period, so memory stays bounded', () => {
    const registry = new NonceRegistry(1000);
    for (let i = 0; i < 100; i++) registry.remember(`old-${i}`, 0);
    expect(registry.size).toBe(100);
    expect(registry.remember('fresh', 5000)).toBe(true);
    expect(registry.size).toBe(1);
  });

  it('still refuses a nonce seen within the retention period', () => {
    const registry = new NonceRegistry(1000);
    registry.remember('n', 0);
    expect(registry.remember('n', 999)).toBe(false);
  });
});
