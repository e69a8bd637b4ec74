/** The signer reproduces Alibaba's published vectors and the self-computed OOS vectors of oos-api.md §3. */
import { signV3Request, v2Signature, v2StringToSign } from '../../lib/emulator/signature-verifier';

const V2_COMMON = {
  Format: 'JSON',
  SignatureMethod: 'HMAC-SHA1',
  SignatureVersion: '1.0',
};

describe('V3 ACS3-HMAC-SHA256 vectors', () => {
  it('reproduces the official RunInstances vector byte for byte', () => {
    const signed = signV3Request({
      method: 'POST',
      host: 'ecs.cn-shanghai.aliyuncs.com',
      action: 'RunInstances',
      version: '2014-05-26',
      date: '2023-10-26T10:22:32Z',
      nonce: '3156853299f313e23d1673dc12e1703d',
      credential: { accessKeyId: 'YourAccessKeyId', accessKeySecret: 'YourAccessKeySecret' },
      query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
    });
    expect(signed.hashedCanonicalRequest).toBe('7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259');
    expect(signed.signature).toBe('06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
    expect(signed.signedHeaders).toBe('host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version');
    expect(signed.headers.authorization).toBe(
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    );
  });

  it('reproduces OOS vector A (CreateChatConfiguration with a JSON Configuration)', () => {
    const signed = signV3Request({
      method: 'POST',
      host: 'oos.cn-hangzhou.aliyuncs.com',
      action: 'CreateChatConfiguration',
      version: '2019-06-01',
      date: '2026-01-01T00:00:00Z',
      nonce: '0123456789abcdef0123456789abcdef',
      credential: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
      query: {
        Configuration: '{"DingTalkTemplateId":"template-123","DingTalkClientId":"client-123","DingTalkClientSecret":"secret-123"}',
        Name: 'chatops',
        RamRole: 'AliyunOOSDefaultRole',
        RegionId: 'cn-hangzhou',
        Type: 'DingTalk',
      },
    });
    expect(signed.canonicalRequest.split('\n')[2]).toBe(
      'Configuration=%7B%22DingTalkTemplateId%22%3A%22template-123%22%2C%22DingTalkClientId%22%3A%22client-123%22%2C%22DingTalkClientSecret%22%3A%22secret-123%22%7D&Name=chatops&RamRole=AliyunOOSDefaultRole&RegionId=cn-hangzhou&Type=DingTalk',
    );
    expect(signed.hashedCanonicalRequest).toBe('58307099c31f8d076b1357e55d3fb15f703fd6e069ba59c27d752b57c646311c');
    expect(signed.signature).toBe('7e5bce99fc9e88b20439b5a8b0cc5e33b1b7ce1293f7b0fb09f2be7b9caff386');
  });

  it('reproduces OOS vector B (ListChatConfigurations with an STS token)', () => {
    const signed = signV3Request({
      method: 'POST',
      host: 'oos.cn-hangzhou.aliyuncs.com',
      action: 'ListChatConfigurations',
      version: '2019-06-01',
      date: '2026-01-01T00:00:00Z',
      nonce: 'fedcba9876543210fedcba9876543210',
      credential: { accessKeyId: 'STS.testid', accessKeySecret: 'testsecret', securityToken: 'test-sts-token' },
      query: { 'Filters.1.Name': 'type', 'Filters.1.Value': 'DingTalk', MaxResults: '10', RegionId: 'cn-hangzhou' },
    });
    expect(signed.signedHeaders).toBe('host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version');
    expect(signed.hashedCanonicalRequest).toBe('3ff4d2122df7a0675d2ba9d63fecc797b82f0e05b04ba250aff1a49bf5fb0053');
    expect(signed.signature).toBe('e7548ad58cefa8fccf26ba8c2d727ec8c71a74bf9912b07bcac1f1053a634093');
  });
});

describe('V2 HMAC-SHA1 vectors', () => {
  it('reproduces the official DescribeDedicatedHosts vector byte for byte', () => {
    const params = {
      AccessKeyId: 'testid',
      Action: 'DescribeDedicatedHosts',
      ...V2_COMMON,
      RegionId: 'cn-beijing',
      SignatureNonce: 'edb2b34af0af9a6d14deaf7c1a5315eb',
      Timestamp: '2023-03-13T08:34:30Z',
      Version: '2014-05-26',
    };
    const stringToSign = v2StringToSign('GET', Object.entries(params));
    expect(stringToSign).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeDedicatedHosts%26Format%3DJSON%26RegionId%3Dcn-beijing%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dedb2b34af0af9a6d14deaf7c1a5315eb%26SignatureVersion%3D1.0%26Timestamp%3D2023-03-13T08%253A34%253A30Z%26Version%3D2014-05-26',
    );
    expect(v2Signature('testsecret', stringToSign)).toBe('9NaGiOspFP5UPcwX8Iwt2YJXXuk=');
  });

  it('reproduces the SDK unit vector for a single parameter and no method', () => {
    expect(v2Signature('accessKeySecret', v2StringToSign('', [['test', 'ok']]))).toBe('jHx/oHoHNrbVfhncHEvPdHXZwHU=');
  });

  const oosParams = {
    AccessKeyId: 'testid',
    Action: 'GetChatConfiguration',
    ...V2_COMMON,
    Name: 'chatops',
    RegionId: 'cn-hangzhou',
    SignatureNonce: '0123456789abcdef0123456789abcdef',
    Timestamp: '2026-01-01T00:00:00Z',
    Version: '2019-06-01',
  };

  it('reproduces the OOS GET vector', () => {
    expect(v2Signature('testsecret', v2StringToSign('GET', Object.entries(oosParams)))).toBe('8YG1/DCi0lfWtHNdEQQtIZowmdg=');
  });

  it('reproduces the OOS POST vector with a SecurityToken', () => {
    const params = { ...oosParams, SecurityToken: 'test-sts-token' };
    expect(v2Signature('testsecret', v2StringToSign('POST', Object.entries(params)))).toBe('gcrdm+nOO2X4/im5maDfUPYZW0A=');
  });

  it('never signs the Signature parameter itself', () => {
    const withSignature = { ...oosParams, Signature: 'anything' };
    expect(v2StringToSign('GET', Object.entries(withSignature))).toBe(v2StringToSign('GET', Object.entries(oosParams)));
  });
});
