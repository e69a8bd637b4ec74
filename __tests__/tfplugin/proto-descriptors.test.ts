import { testing } from '../../lib/tfplugin';
import { echoProvider } from './fixtures/echo-provider';

const { ProviderService, serviceDefinition } = testing;
type ProviderService = testing.ProviderService;

test('every RPC that tfplugin6.proto declares has a handler in ProviderService', () => {
  const service = new ProviderService(echoProvider);
  const declared = Object.keys(serviceDefinition('tfplugin6.Provider'));
  expect(declared.length).toBeGreaterThan(10);
  expect(declared.filter((method) => !service.handles(method))).toEqual([]);
});

test('a method the service does not answer is not taken for one', () => {
  expect(new ProviderService(echoProvider).handles('toString')).toBe(false);
});
