/** The provider block: its validation, configuration and StopProvider. */
import { OosClient } from '../../lib/oos';
import { createProvider } from '../../lib/provider/provider';
import { ObjectValue } from '../../lib/tfplugin/schema';

function providerConfig(values: ObjectValue = {}): ObjectValue {
  const config: ObjectValue = {};
  for (const name of Object.keys(createProvider().schema.block.attributes)) config[name] = null;
  return { ...config, assume_role: [], ...values };
}

describe('provider configuration', () => {
  test('access_key without secret_key is refused at the secret_key attribute', () => {
    const [diagnostic] = createProvider().validateConfig!(providerConfig({ access_key: 'LTAIexample' }));
    expect(diagnostic.attribute).toEqual([{ attribute: 'secret_key' }]);
    expect(diagnostic.detail).toMatch(/set both, or neither to use the default credential chain/);
  });

  test('a malformed region and an out-of-range max_retries are each named', () => {
    const diagnostics = createProvider().validateConfig!(providerConfig({ region: 'Hangzhou', max_retries: 99 }));
    expect(diagnostics.map((d) => d.attribute)).toEqual([[{ attribute: 'max_retries' }], [{ attribute: 'region' }]]);
  });

  test('a missing region fails configuration with the settings that provide one', async () => {
    const saved = { id: process.env.ALIBABA_CLOUD_REGION_ID, region: process.env.ALIBABA_CLOUD_REGION };
    delete process.env.ALIBABA_CLOUD_REGION_ID;
    delete process.env.ALIBABA_CLOUD_REGION;
    try {
      const [diagnostic] = await createProvider().configure(providerConfig({ access_key: 'LTAIexample', secret_key: 'not-a-real-secret' }), '1.11.4');
      expect(diagnostic.severity).toBe('error');
      expect(diagnostic.detail).toMatch(/region.*ALIBABA_CLOUD_REGION_ID/);
      expect(diagnostic.detail).not.toContain('not-a-real-secret');
    } finally {
      if (saved.id !== undefined) process.env.ALIBABA_CLOUD_REGION_ID = saved.id;
      if (saved.region !== undefined) process.env.ALIBABA_CLOUD_REGION = saved.region;
    }
  });

  test('StopProvider tells the configured OOS client to stop retrying', async () => {
    const stop = jest.spyOn(OosClient.prototype, 'stop');
    const provider = createProvider();
    provider.stop!(); // before configuration: nothing to stop, and no error
    expect(stop).not.toHaveBeenCalled();
    const diagnostics = await provider.configure(
      providerConfig({ region: 'cn-hangzhou', endpoint: 'http://127.0.0.1:1', access_key: 'LTAIexample', secret_key: 'not-a-real-secret' }),
      '1.11.4',
    );
    expect(diagnostics).toEqual([]);
    provider.stop!();
    expect(stop).toHaveBeenCalledTimes(1);
    stop.mockRestore();
  });
});
