/**
 * The service definitions build their message types lazily, one top-level declaration at a time,
 * at a method's first call: defining the services builds none (the provider's start before its
 * handshake), and every method of every service still encodes and decodes its messages.
 */
import type { ServiceDefinition } from '@grpc/grpc-js';

const SERVICES = ['tfplugin6.Provider', 'plugin.GRPCController', 'plugin.GRPCStdio', 'plugin.GRPCBroker', 'grpc.health.v1.Health'];

/** A fresh copy of the module, so what another test built does not count. */
function freshModule(): typeof import('../../lib/tfplugin').testing {
  let loaded: typeof import('../../lib/tfplugin') | undefined;
  jest.isolateModules(() => {
    loaded = require('../../lib/tfplugin');
  });
  return loaded!.testing;
}

describe('serviceDefinition', () => {
  it('builds no message type while the services are defined', () => {
    const services = freshModule();
    for (const service of SERVICES) services.serviceDefinition(service);
    expect(services.builtDeclarations()).toEqual([]);
  });

  it("builds only what GetProviderSchema's messages refer to at its first call", () => {
    const services = freshModule();
    const method = services.serviceDefinition('tfplugin6.Provider').GetProviderSchema;
    const answer = { provider: { version: 1, block: { attributes: [{ name: 'region', type: Buffer.from('"string"'), optional: true }] } } };
    const decoded = method.responseDeserialize(method.responseSerialize(answer)) as { provider: { block: { attributes: { name: string }[] } } };
    expect(decoded.provider.block.attributes[0].name).toBe('region');
    const built = services.builtDeclarations();
    expect(built).toEqual(expect.arrayContaining(['tfplugin6.GetProviderSchema', 'tfplugin6.Schema', 'tfplugin6.Diagnostic']));
    expect(built).not.toContain('tfplugin6.PlanResourceChange');
  });

  it.each(SERVICES)('%s: every method encodes and decodes its request and its answer', (service) => {
    const definition: ServiceDefinition = freshModule().serviceDefinition(service);
    for (const [name, method] of Object.entries(definition)) {
      expect({ name, request: method.requestDeserialize(method.requestSerialize({})) }).toEqual({ name, request: expect.any(Object) });
      expect({ name, response: method.responseDeserialize(method.responseSerialize({})) }).toEqual({ name, response: expect.any(Object) });
    }
  });
});
