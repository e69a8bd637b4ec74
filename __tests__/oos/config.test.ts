import { isLoopbackHost } from '../../lib/domain';
import { resolveEndpoint, resolveRegion } from '../../lib/oos/config';
import { OosClient } from '../../lib/oos/client';

describe('region resolution', () => {
  test('the region argument wins over the environment', () => {
    expect(resolveRegion('cn-shanghai', { ALIBABA_CLOUD_REGION_ID: 'cn-beijing', ALIBABA_CLOUD_REGION: 'cn-hangzhou' })).toBe('cn-shanghai');
  });

  test('ALIBABA_CLOUD_REGION_ID is used before ALIBABA_CLOUD_REGION', () => {
    expect(resolveRegion(undefined, { ALIBABA_CLOUD_REGION_ID: 'cn-beijing', ALIBABA_CLOUD_REGION: 'cn-hangzhou' })).toBe('cn-beijing');
  });

  test('ALIBABA_CLOUD_REGION is the last fallback', () => {
    expect(resolveRegion('', { ALIBABA_CLOUD_REGION: 'ap-southeast-1' })).toBe('ap-southeast-1');
  });

  test('no region anywhere is an error naming the argument and both variables', () => {
    expect(() => resolveRegion(undefined, {})).toThrow(
      "region is not set: set the provider's region argument or ALIBABA_CLOUD_REGION_ID or ALIBABA_CLOUD_REGION",
    );
  });

  test('a malformed region is refused with where it came from', () => {
    expect(() => resolveRegion(undefined, { ALIBABA_CLOUD_REGION_ID: 'CN Hangzhou' })).toThrow(/ALIBABA_CLOUD_REGION_ID "CN Hangzhou" is not a region id/);
  });

  test('the client reads the region from the environment when the argument is absent', () => {
    const saved = { id: process.env.ALIBABA_CLOUD_REGION_ID, region: process.env.ALIBABA_CLOUD_REGION };
    try {
      delete process.env.ALIBABA_CLOUD_REGION_ID;
      process.env.ALIBABA_CLOUD_REGION = 'cn-shenzhen';
      expect(new OosClient({}).regionId).toBe('cn-shenzhen');
      delete process.env.ALIBABA_CLOUD_REGION;
      expect(() => new OosClient({})).toThrow(/region is not set/);
    } finally {
      for (const [k, v] of [
        ['ALIBABA_CLOUD_REGION_ID', saved.id],
        ['ALIBABA_CLOUD_REGION', saved.region],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe('endpoint resolution', () => {
  test('defaults to oos.<region>.aliyuncs.com over HTTPS', () => {
    expect(resolveEndpoint(undefined, 'cn-hangzhou', {})).toEqual({ host: 'oos.cn-hangzhou.aliyuncs.com', protocol: 'HTTPS' });
  });

  test('falls back to ALIBABA_CLOUD_OOS_ENDPOINT, and the argument wins over it', () => {
    const env = { ALIBABA_CLOUD_OOS_ENDPOINT: 'http://127.0.0.1:4566' };
    expect(resolveEndpoint(undefined, 'cn-hangzhou', env)).toEqual({ host: '127.0.0.1:4566', protocol: 'HTTP' });
    expect(resolveEndpoint('oos.cn-beijing.aliyuncs.com', 'cn-hangzhou', env)).toEqual({ host: 'oos.cn-beijing.aliyuncs.com', protocol: 'HTTPS' });
  });

  test('accepts an https URL and a bare host:port (HTTPS)', () => {
    expect(resolveEndpoint('https://oos.cn-beijing.aliyuncs.com', 'cn-hangzhou')).toEqual({ host: 'oos.cn-beijing.aliyuncs.com', protocol: 'HTTPS' });
    expect(resolveEndpoint('oos-vpc.cn-beijing.aliyuncs.com:8443', 'cn-hangzhou')).toEqual({ host: 'oos-vpc.cn-beijing.aliyuncs.com:8443', protocol: 'HTTPS' });
  });

  test('allows plain http to loopback hosts', () => {
    expect(resolveEndpoint('http://127.0.0.1:4566', 'cn-hangzhou')).toEqual({ host: '127.0.0.1:4566', protocol: 'HTTP' });
    expect(resolveEndpoint('http://localhost:4566/', 'cn-hangzhou')).toEqual({ host: 'localhost:4566', protocol: 'HTTP' });
    expect(resolveEndpoint('http://[::1]:4566', 'cn-hangzhou')).toEqual({ host: '[::1]:4566', protocol: 'HTTP' });
    expect(resolveEndpoint('http://127.1.2.3', 'cn-hangzhou').protocol).toBe('HTTP');
  });

  test('refuses plain http to a non-loopback host', () => {
    expect(() => resolveEndpoint('http://oos.cn-hangzhou.aliyuncs.com', 'cn-hangzhou')).toThrow(/plain http to a non-loopback host: use https:\/\//);
    expect(() => resolveEndpoint('http://10.0.0.5:4566', 'cn-hangzhou')).toThrow(/non-loopback/);
    expect(() => resolveEndpoint('http://128.0.0.1', 'cn-hangzhou')).toThrow(/non-loopback/);
    expect(() => new OosClient({ regionId: 'cn-hangzhou', endpoint: 'http://example.com' })).toThrow(/endpoint "http:\/\/example.com"/);
  });

  test('refuses paths, queries and other schemes', () => {
    expect(() => resolveEndpoint('https://oos.cn-hangzhou.aliyuncs.com/v1', 'cn-hangzhou')).toThrow(/without path/);
    expect(() => resolveEndpoint('ftp://127.0.0.1', 'cn-hangzhou')).toThrow(/scheme ftp/);
  });

  test('loopback detection covers localhost, 127.0.0.0/8 and ::1 only', () => {
    expect(['localhost', '127.0.0.1', '127.255.255.254', '::1', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '192.168.1.1', 'localhost.example.com', '::'].some(isLoopbackHost)).toBe(false);
  });
});
