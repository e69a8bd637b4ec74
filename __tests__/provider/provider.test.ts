/** The provider block: its validation, configuration and StopProvider. */
import { OosClient } from '../../lib/oos';
import { createProvider } from '../../lib/provider/provider';
import { ObjectValue, validateBlock } from '../../lib/tfplugin';

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

  test('a malformed region and an out-of-range max_retries are refused by their validators, each at its attribute', () => {
    const diagnostics = validateBlock(createProvider().schema.block, providerConfig({ region: 'Hangzhou', max_retries: 99 }));
    expect(diagnostics.map((d) => [d.attribute, d.detail])).toEqual([
      [[{ attribute: 'region' }], expect.stringMatching(/"Hangzhou" is not a region id: use one like cn-hangzhou/)],
      [[{ attribute: 'max_retries' }], expect.stringMatching(/whole number from 0 to 20, got 99/)],
    ]);
  });

  test('the region and max_retries rules are declared on the attributes, so the docs show them', () => {
    const { region, max_retries } = createProvider().schema.block.attributes;
    expect(region.validators?.map((v) => v.description)).toEqual([expect.stringMatching(/region id such as `cn-hangzhou`/)]);
    expect(max_retries.validators?.map((v) => v.description)).toEqual(['A whole number from 0 to 20.']);
  });

  test('configure refuses a configuration its validators refuse, before making a client', async () => {
    const diagnostics = await createProvider().configure(providerConfig({ region: 'cn-hangzhou', max_retries: 2.5 }), '1.11.4');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', summary: 'Invalid max_retries', attribute: [{ attribute: 'max_retries' }] })]);
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

describe('settings where the emulator is not the cloud', () => {
  test('tagging accepts auto, on and off only, named at its attribute', () => {
    const [problem] = validateBlock(createProvider().schema.block, providerConfig({ tagging: 'maybe' }));
    expect(problem.attribute).toEqual([{ attribute: 'tagging' }]);
    expect(problem.detail).toMatch(/"auto", "on", "off"/);
  });

  test('emulator_only refuses the default endpoint and a remote one at configuration, before any call', async () => {
    const configure = (values: ObjectValue) =>
      createProvider().configure(
        providerConfig({ region: 'cn-hangzhou', access_key: 'LTAIexample', secret_key: 'not-a-real-secret', emulator_only: true, ...values }),
        '1.11.4',
      );
    const saved = process.env.ALIBABA_CLOUD_OOS_ENDPOINT;
    delete process.env.ALIBABA_CLOUD_OOS_ENDPOINT;
    try {
      expect((await configure({}))[0].detail).toMatch(/emulator_only = true.*no endpoint is set.*npm run emulator/);
      expect((await configure({ endpoint: 'https://oos.cn-hangzhou.aliyuncs.com' }))[0].detail).toMatch(/is not on this machine/);
      expect(await configure({ endpoint: 'http://127.0.0.1:4566' })).toEqual([]);
      process.env.ALIBABA_CLOUD_OOS_ENDPOINT = 'http://localhost:4566';
      expect(await configure({})).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.ALIBABA_CLOUD_OOS_ENDPOINT;
      else process.env.ALIBABA_CLOUD_OOS_ENDPOINT = saved;
    }
  });
});
