/**
 * The floor under any provider on this stack: the Go anchor's `echo_thing` written as directly as
 * Node allows, on the libraries the project requires (grpc-js, protobufjs, @msgpack/msgpack) and
 * nothing of the provider kit: no schema-driven decoding, validation, plan modifiers or
 * diagnostics. Read returns the state it was given; Plan returns the proposed state (with `id` and
 * `created_date` unknown on create); Apply fills them in. What it costs per RPC and per start is
 * what grpc-js, Node's HTTP/2 and TLS and the codecs cost by themselves (bench/rpc-bench.ts and
 * the `grpc_floor` variant of bench/compare-bench.ts measure it beside the kit and the Go anchor).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { Decoder, Encoder, ExtensionCodec } from '@msgpack/msgpack';
import { CORE_PROTOCOL_VERSION, PROTOCOL_VERSION, generateSelfSignedCertificate, handshakeCertificate, testing } from '../lib/tfplugin';
import { echoThingSchema } from './echo-thing-provider';

type Request = Record<string, unknown>;
type Unary = (call: grpc.ServerUnaryCall<Request, object>, callback: grpc.sendUnaryData<object>) => void;

/** cty's unknown value on the wire is msgpack extension 0. */
const UNKNOWN = Symbol('unknown');
const extensions = new ExtensionCodec();
extensions.register({ type: 0, encode: (value) => (value === UNKNOWN ? new Uint8Array([0]) : null), decode: () => UNKNOWN });
const encoder = new Encoder({ extensionCodec: extensions });
const decoder = new Decoder({ extensionCodec: extensions });
const msgpack = (value: unknown): testing.DynamicValue => ({ msgpack: Buffer.from(encoder.encode(value)) });
const decode = (value: unknown): Record<string, unknown> | null => {
  const bytes = (value as testing.DynamicValue | null)?.msgpack;
  return bytes && bytes.length > 0 ? (decoder.decode(bytes) as Record<string, unknown> | null) : null;
};

const CAPABILITIES = { plan_destroy: false, get_provider_schema_optional: true, move_resource_state: false };
const NO_DIAGNOSTICS = { diagnostics: [] };

const provider: { [method: string]: (request: Request) => object } = {
  GetMetadata: () => ({ server_capabilities: CAPABILITIES, resources: [{ type_name: 'echo_thing' }], data_sources: [] }),
  GetProviderSchema: () => ({
    provider: testing.schemaToProto({ version: 0, block: { attributes: {} } }),
    resource_schemas: { echo_thing: testing.schemaToProto(echoThingSchema) },
    data_source_schemas: {},
    server_capabilities: CAPABILITIES,
    diagnostics: [],
  }),
  ValidateProviderConfig: () => NO_DIAGNOSTICS,
  ConfigureProvider: () => NO_DIAGNOSTICS,
  ValidateResourceConfig: () => NO_DIAGNOSTICS,
  UpgradeResourceState: (request) => ({
    upgraded_state: msgpack(JSON.parse(((request.raw_state as { json: Buffer }).json ?? Buffer.from('null')).toString('utf8'))),
    diagnostics: [],
  }),
  ReadResource: (request) => ({ new_state: request.current_state, private: request.private, diagnostics: [] }),
  PlanResourceChange: (request) => {
    const proposed = decode(request.proposed_new_state);
    if (proposed === null || decode(request.prior_state) !== null) {
      return { planned_state: request.proposed_new_state, requires_replace: [], planned_private: request.prior_private, diagnostics: [] };
    }
    return { planned_state: msgpack({ ...proposed, id: UNKNOWN, created_date: UNKNOWN }), requires_replace: [], diagnostics: [] };
  },
  ApplyResourceChange: (request) => {
    const planned = decode(request.planned_state);
    if (planned === null) return { new_state: msgpack(null), diagnostics: [] };
    const filled: Record<string, unknown> = { ...planned, id: planned.id === UNKNOWN ? planned.name : planned.id };
    if (filled.created_date === UNKNOWN) filled.created_date = new Date().toISOString();
    return { new_state: msgpack(filled), private: request.planned_private, diagnostics: [] };
  },
  StopProvider: () => ({ Error: '' }),
};

export function serveFloor(): void {
  const clientCertPem = process.env.PLUGIN_CLIENT_CERT;
  if (!clientCertPem) throw new Error('grpc-floor-provider: start it as a plugin (PLUGIN_CLIENT_CERT)');
  const certificate = generateSelfSignedCertificate();
  const socketDir = mkdtempSync(join(tmpdir(), 'grpc-floor-'));
  const socketPath = join(socketDir, 'plugin.sock');
  process.on('exit', () => rmSync(socketDir, { recursive: true, force: true }));
  const server = new grpc.Server({ 'grpc.enable_channelz': 0 });
  const unary =
    (answer: (request: Request) => object): Unary =>
    (call, callback) =>
      callback(null, answer(call.request));
  server.addService(
    testing.serviceDefinition('tfplugin6.Provider'),
    Object.fromEntries(Object.entries(provider).map(([method, answer]) => [method, unary(answer)])),
  );
  // go-plugin's client pings through the health service and holds the stdio stream open.
  server.addService(testing.serviceDefinition('grpc.health.v1.Health'), { Check: unary(() => ({ status: 1 })) });
  server.addService(testing.serviceDefinition('plugin.GRPCStdio'), { StreamStdio: () => undefined });
  server.addService(testing.serviceDefinition('plugin.GRPCBroker'), { StartStream: () => undefined });
  server.addService(testing.serviceDefinition('plugin.GRPCController'), {
    Shutdown: (_call: unknown, callback: grpc.sendUnaryData<object>) => {
      callback(null, {});
      setImmediate(() => process.exit(0));
    },
  });
  const credentials = grpc.ServerCredentials.createSsl(
    Buffer.from(clientCertPem),
    [{ private_key: Buffer.from(certificate.keyPem), cert_chain: Buffer.from(certificate.certPem) }],
    true,
  );
  process.on('SIGTERM', () => process.exit(0));
  process.on('SIGINT', () => undefined);
  server.bindAsync(`unix://${socketPath}`, credentials, (error) => {
    if (error) throw error;
    process.stdout.write(`${CORE_PROTOCOL_VERSION}|${PROTOCOL_VERSION}|unix|${socketPath}|grpc|${handshakeCertificate(certificate.certDer)}\n`);
  });
}
