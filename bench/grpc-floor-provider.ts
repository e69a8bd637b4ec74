/**
 * The floor under any provider on this stack: go-plugin's handshake and tfplugin6 served by
 * grpc-js and protobufjs with no provider logic at all. Each RPC of a plan answers at once
 * (Read and Plan hand back the state they were given, Upgrade a fixed state), so the CPU it
 * spends per RPC is what grpc-js, Node's HTTP/2 and TLS and protobuf decoding/encoding cost by
 * themselves. bench/rpc-bench.ts measures it beside the kit and the Go anchor.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { encode } from '@msgpack/msgpack';
import { generateSelfSignedCertificate, handshakeCertificate } from '../lib/tfplugin/protocol/certificate';
import { serviceDefinition } from '../lib/tfplugin/protocol/grpc-services';
import { CORE_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../lib/tfplugin/protocol/handshake';
import type { DynamicValue } from '../lib/tfplugin/protocol/messages';

type Unary = (call: grpc.ServerUnaryCall<Record<string, unknown>, object>, callback: grpc.sendUnaryData<object>) => void;

const UPGRADED_STATE: DynamicValue = {
  msgpack: Buffer.from(
    encode({ id: 'x', name: 'x', type: null, ram_role: null, template_id: null, client_id: null, resource_group_id: null, tags: null, created_date: null }),
  ),
};

const answers: { [method: string]: (request: Record<string, unknown>) => object } = {
  GetProviderSchema: () => ({ resource_schemas: {}, data_source_schemas: {}, diagnostics: [] }),
  ConfigureProvider: () => ({ diagnostics: [] }),
  ValidateResourceConfig: () => ({ diagnostics: [] }),
  UpgradeResourceState: () => ({ upgraded_state: UPGRADED_STATE, diagnostics: [] }),
  ReadResource: (request) => ({ new_state: request.current_state, private: request.private, diagnostics: [] }),
  PlanResourceChange: (request) => ({
    planned_state: request.proposed_new_state,
    requires_replace: [],
    planned_private: request.prior_private,
    diagnostics: [],
  }),
};

export function serveFloor(): void {
  const clientCertPem = process.env.PLUGIN_CLIENT_CERT;
  if (!clientCertPem) throw new Error('grpc-floor-provider: start it as a plugin (PLUGIN_CLIENT_CERT)');
  const certificate = generateSelfSignedCertificate();
  const socketDir = mkdtempSync(join(tmpdir(), 'grpc-floor-'));
  const socketPath = join(socketDir, 'plugin.sock');
  process.on('exit', () => rmSync(socketDir, { recursive: true, force: true }));
  const server = new grpc.Server({ 'grpc.enable_channelz': 0 });
  const implementation: { [method: string]: Unary } = {};
  for (const [method, answer] of Object.entries(answers)) implementation[method] = (call, callback) => callback(null, answer(call.request));
  server.addService(serviceDefinition('tfplugin6.Provider'), implementation);
  server.addService(serviceDefinition('plugin.GRPCController'), {
    Shutdown: (_call: unknown, callback: grpc.sendUnaryData<object>) => {
      callback(null, {});
      setImmediate(() => server.tryShutdown(() => process.exit(0)));
    },
  });
  const credentials = grpc.ServerCredentials.createSsl(
    Buffer.from(clientCertPem),
    [{ private_key: Buffer.from(certificate.keyPem), cert_chain: Buffer.from(certificate.certPem) }],
    true,
  );
  process.on('SIGTERM', () => process.exit(0));
  server.bindAsync(`unix://${socketPath}`, credentials, (error) => {
    if (error) throw error;
    process.stdout.write(`${CORE_PROTOCOL_VERSION}|${PROTOCOL_VERSION}|unix|${socketPath}|grpc|${handshakeCertificate(certificate.certDer)}\n`);
  });
}
