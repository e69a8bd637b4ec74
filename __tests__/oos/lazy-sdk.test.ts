/**
 * The SDK and the credential chain load on the first call or after loadSoon() (the provider calls
 * it at ConfigureProvider), never at import or construction: a provider process that only answers
 * the plugin handshake or a schema request must not pay for them, nor read credential files.
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

describe('loadSoon', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
  /** Until `done` holds or 5 s passed (jest's module loader is slower than a provider's). */
  async function waitFor(done: () => boolean): Promise<void> {
    for (let waited = 0; !done() && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  test('loads them in the turns after it returns, without a call', async () => {
    const { OosClient } = require('../../lib/oos') as typeof import('../../lib/oos');
    const client = new OosClient({ regionId: 'cn-hangzhou', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'id', accessKeySecret: 'secret' } });
    client.loadSoon();
    expect(loaded).toEqual([]);
    await waitFor(() => loaded.length === 3);
    expect(loaded).toEqual(expect.arrayContaining(['@alicloud/credentials', '@darabonba/typescript', '@alicloud/openapi-core']));
  });

  test('leaves a credential chain that cannot be built to the first call, which reports it', async () => {
    const { OosClient } = require('../../lib/oos') as typeof import('../../lib/oos');
    const client = new OosClient({
      regionId: 'cn-hangzhou',
      endpoint: 'http://127.0.0.1:9',
      credentials: { profile: 'no-such-profile-anywhere' },
      retry: { maxRetries: 0 },
      requestTimeoutMs: 200,
    });
    client.loadSoon();
    await settle();
    await expect(client.deleteChatConfiguration('c')).rejects.toThrow(/no-such-profile-anywhere/);
  });
});
