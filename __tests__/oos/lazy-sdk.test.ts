/**
 * The SDK and the credential chain load on the first call, never at import or construction: a
 * provider process that only answers the plugin handshake or a schema request must not pay for
 * them, nor read credential files.
 */
const loaded: string[] = [];

beforeEach(() => {
  loaded.length = 0;
  jest.resetModules();
  for (const name of ['@alicloud/openapi-core', '@alicloud/credentials', '@darabonba/typescript']) {
    jest.doMock(name, () => {
      loaded.push(name);
      return jest.requireActual(name);
    });
  }
});

test('importing lib/oos and building a client loads neither the SDK nor the credential chain', () => {
  const { OosClient } = require('../../lib/oos') as typeof import('../../lib/oos');
  new OosClient({ regionId: 'cn-hangzhou', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'id', accessKeySecret: 'secret' } });
  expect(loaded).toEqual([]);
});

test('the first call loads them', async () => {
  const { OosClient } = require('../../lib/oos') as typeof import('../../lib/oos');
  const client = new OosClient({
    regionId: 'cn-hangzhou',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'id', accessKeySecret: 'secret' },
    retry: { maxRetries: 0 },
    requestTimeoutMs: 200,
  });
  await client.deleteChatConfiguration('c').catch(() => undefined);
  expect(loaded).toEqual(expect.arrayContaining(['@alicloud/openapi-core', '@alicloud/credentials']));
});
