/**
 * The go-plugin side of the provider process: checks that Terraform started it, listens on a
 * unix socket in a fresh temp dir with mutual TLS (our in-process certificate; the client must
 * present exactly PLUGIN_CLIENT_CERT), prints the handshake line, serves tfplugin6 plus the
 * services go-plugin's client expects, and exits on GRPCController.Shutdown or SIGTERM.
 *
 * TLS is ended here, not by grpc-js: a Node TLS context given any CA certificate first builds
 * Node's whole root store (~20 ms of every start, and Terraform starts the provider 3-4 times per
 * command). The context trusts nothing instead, and each connection is checked against
 * PLUGIN_CLIENT_CERT byte for byte (and its validity dates, as go-plugin's verification does)
 * before grpc-js gets it through its connection injector. The TLS handshake itself makes the
 * client sign with the key of the certificate it presents, so presenting Terraform's certificate
 * proves holding Terraform's key, as chain verification would.
 *
 * Like go-plugin, SIGINT is ignored: Ctrl-C reaches the whole process group, and Terraform
 * stops providers itself (StopProvider, then Shutdown, then a kill). stdin is Terraform's own
 * stdin and says nothing about Terraform's state, so it is not watched; instead the process
 * exits when its parent is gone, so a killed Terraform leaves no provider behind.
 *
 * Logs go to stderr only (Terraform files them under TF_LOG), never values.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TLSSocket, createServer as createTlsServer } from 'node:tls';
import * as grpc from '@grpc/grpc-js';
import { generateSelfSignedCertificate, handshakeCertificate } from './certificate';
import { serviceDefinition } from './grpc-services';
import { CORE_PROTOCOL_VERSION, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, NOT_A_PROGRAM_MESSAGE, PROTOCOL_VERSION } from './handshake';
import type { Empty, FailedResponse, HealthCheckRequest, HealthCheckResponse, ProviderMethod, RequestOf, ResponseOf } from './messages';
import type { ProviderDefinitionSource, ProviderService } from './provider-service';
/** gRPC health status reported for go-plugin's Ping. */
const HEALTH_SERVING = 1;
const PARENT_CHECK_INTERVAL_MS = 2000;
const SHUTDOWN_GRACE_MS = 500;

/** Plugin log lines in the `[LEVEL] message` form go-plugin's client maps onto log levels. */
export const pluginLog = {
  enabled: Boolean(process.env.TF_LOG || process.env.TF_LOG_PROVIDER),
  debug(message: string): void {
    if (pluginLog.enabled) process.stderr.write(`[DEBUG] ${message}\n`);
  },
  warn(message: string): void {
    process.stderr.write(`[WARN] ${message}\n`);
  },
  error(message: string): void {
    process.stderr.write(`[ERROR] ${message}\n`);
  },
};

/** Fails the start the way go-plugin does: a message on stderr and exit status 1. */
function refuseToStart(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** What a started plugin server offers its owner (tests, serve()). */
export interface RunningPlugin {
  readonly socketPath: string;
  readonly handshakeLine: string;
  /** Ends open streams, stops the server, removes the socket dir and exits the process. */
  shutdown(reason: string): void;
}

/**
 * Performs the handshake and serves `source` until Terraform shuts the process down.
 * Never returns an error: a start-up failure prints a message and exits 1.
 */
export function startPluginServer(source: ProviderDefinitionSource, env: NodeJS.ProcessEnv = process.env): Promise<RunningPlugin> {
  const startedAt = performance.now();
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) refuseToStart(NOT_A_PROGRAM_MESSAGE);

  // go-plugin: without PLUGIN_PROTOCOL_VERSIONS the plugin offers its own version.
  const offered = (env.PLUGIN_PROTOCOL_VERSIONS ?? String(PROTOCOL_VERSION)).split(',').map((version) => version.trim());
  if (!offered.includes(String(PROTOCOL_VERSION))) {
    refuseToStart(
      `This provider speaks Terraform plugin protocol ${PROTOCOL_VERSION} only, but the client offers ${env.PLUGIN_PROTOCOL_VERSIONS}. Use Terraform 1.0 or newer.`,
    );
  }
  const clientCertPem = env.PLUGIN_CLIENT_CERT;
  if (!clientCertPem) {
    refuseToStart('PLUGIN_CLIENT_CERT is not set: this provider only serves over mutual TLS, which Terraform sets up automatically.');
  }

  const certificate = generateSelfSignedCertificate();
  const socketDir = mkdtempSync(join(env.PLUGIN_UNIX_SOCKET_DIR || tmpdir(), 'tfplugin-'));
  const socketPath = join(socketDir, 'plugin.sock');
  process.on('exit', () => rmSync(socketDir, { recursive: true, force: true }));

  // channelz keeps per-call statistics nobody reads here; off, each RPC does less bookkeeping.
  const server = new grpc.Server({ 'grpc.max_receive_message_length': 256 * 1024 * 1024, 'grpc.enable_channelz': 0 });
  const openStreams = new Set<{ end(): void }>();
  // Loaded at the first RPC with what it needs (the cty codec, msgpack, the schema model): none
  // of it is needed for the handshake, which every one of a command's 3–5 starts waits for.
  let provider: ProviderService | undefined;
  const providerService = (): ProviderService =>
    (provider ??= new (require('./provider-service') as typeof import('./provider-service')).ProviderService(source));

  let shuttingDown = false;
  const shutdown = (reason: string): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    pluginLog.debug(`plugin: shutting down (${reason})`);
    for (const stream of openStreams) stream.end();
    openStreams.clear();
    tlsServer.close();
    const exit = (): void => process.exit(0);
    // tryShutdown lets answers in flight (the Shutdown reply itself) reach Terraform first.
    server.tryShutdown(exit);
    setTimeout(() => {
      server.forceShutdown();
      exit();
    }, SHUTDOWN_GRACE_MS).unref();
  };

  server.addService(serviceDefinition('tfplugin6.Provider'), providerImplementation(providerService));
  server.addService(serviceDefinition('plugin.GRPCController'), {
    Shutdown: (_call: grpc.ServerUnaryCall<Empty, Empty>, callback: grpc.sendUnaryData<Empty>) => {
      callback(null, {});
      setImmediate(() => shutdown('GRPCController.Shutdown'));
    },
  });
  server.addService(serviceDefinition('plugin.GRPCStdio'), {
    // Our stdout/stderr are not redirected into this stream (logs stay on stderr, which Terraform
    // reads directly); the stream stays open so go-plugin's client does not log it as missing.
    // Terraform holds this stream for the provider's whole life: when it is cut without a Shutdown,
    // Terraform was killed, and no answer of ours would reach its state. Stop before starting
    // anything more (a create sent now would be an orphan).
    StreamStdio: (call: grpc.ServerWritableStream<Empty, Empty>) => {
      pluginLog.debug('plugin: GRPCStdio.StreamStdio');
      keepOpen(call, openStreams);
      call.on('cancelled', () => shutdown('Terraform closed the plugin connection'));
    },
  });
  server.addService(serviceDefinition('plugin.GRPCBroker'), {
    StartStream: (call: grpc.ServerDuplexStream<Empty, Empty>) => {
      pluginLog.debug('plugin: GRPCBroker.StartStream');
      keepOpen(call, openStreams);
      call.on('data', () => pluginLog.debug('plugin: ignoring a broker request; this provider offers no brokered services'));
      call.on('end', () => call.end());
    },
  });
  server.addService(serviceDefinition('grpc.health.v1.Health'), {
    Check: (call: grpc.ServerUnaryCall<HealthCheckRequest, HealthCheckResponse>, callback: grpc.sendUnaryData<HealthCheckResponse>) => {
      const service = call.request.service ?? '';
      pluginLog.debug(`plugin: Health.Check ${service}`);
      if (service === '' || service === 'plugin') callback(null, { status: HEALTH_SERVING });
      else callback({ code: grpc.status.NOT_FOUND, details: `unknown service ${service}` });
    },
  });

  const clientCertificate = trustedClientCertificate(clientCertPem);
  const injector = server.createConnectionInjector(grpc.ServerCredentials.createInsecure());
  const tlsServer = createTlsServer({
    key: certificate.keyPem,
    cert: certificate.certPem,
    // No CA: nothing is trusted by chain, and Node's root store is never built (see the header).
    ca: [],
    requestCert: true,
    rejectUnauthorized: false,
    minVersion: 'TLSv1.2',
    ALPNProtocols: ['h2'],
  });
  tlsServer.on('secureConnection', (socket: TLSSocket) => {
    const refusal = clientCertificate.refusal(socket);
    if (refusal) {
      pluginLog.warn(`plugin: refused a connection: ${refusal}`);
      socket.destroy();
      return;
    }
    injector.injectConnection(socket);
  });
  tlsServer.on('tlsClientError', (error) => pluginLog.debug(`plugin: TLS handshake failed: ${error.message}`));

  // Installed before the handshake line, so a signal right after it finds them in place.
  process.on('SIGINT', () => pluginLog.debug('plugin: received interrupt signal, ignoring (Terraform stops providers itself)'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  return new Promise((resolve) => {
    tlsServer.once('error', (error) => refuseToStart(`The provider could not listen on ${socketPath}: ${error.message}`));
    tlsServer.listen(socketPath, () => {
      const handshakeLine = `${CORE_PROTOCOL_VERSION}|${PROTOCOL_VERSION}|unix|${socketPath}|grpc|${handshakeCertificate(certificate.certDer)}\n`;
      process.stdout.write(handshakeLine);
      pluginLog.debug(`plugin: handshake after ${(performance.now() - startedAt).toFixed(1)} ms (process up ${(process.uptime() * 1000).toFixed(0)} ms)`);
      routeConsoleToStderr();
      watchParent(() => shutdown('parent process is gone'));
      // Terraform reads our stdout and stderr; once they are broken, Terraform is gone. Exit at
      // once: a graceful shutdown would only log to the broken pipe.
      for (const stream of [process.stdout, process.stderr]) stream.on('error', () => process.exit(0));
      resolve({ socketPath, handshakeLine, shutdown });
    });
  });
}

/** PLUGIN_CLIENT_CERT, and why a connection's certificate is not it. */
function trustedClientCertificate(pem: string): { refusal(socket: TLSSocket): string | undefined } {
  let trusted: X509Certificate;
  try {
    trusted = new X509Certificate(pem);
  } catch (error) {
    refuseToStart(`PLUGIN_CLIENT_CERT is not a PEM certificate (${(error as Error).message}).`);
  }
  const validFrom = Date.parse(trusted.validFrom);
  const validTo = Date.parse(trusted.validTo);
  return {
    refusal(socket) {
      const presented = socket.getPeerX509Certificate();
      if (!presented) return 'the client presented no certificate';
      if (!presented.raw.equals(trusted.raw)) return 'the client certificate is not PLUGIN_CLIENT_CERT';
      const now = Date.now();
      if (now < validFrom || now > validTo) return `the client certificate is valid only from ${trusted.validFrom} to ${trusted.validTo}`;
      return undefined;
    },
  };
}

/**
 * Every tfplugin6 RPC, answered by ProviderService.call (which turns failures into diagnostics):
 * the service answers each one tfplugin6.proto declares (a test checks), so all are registered
 * before it is loaded.
 */
function providerImplementation(providerService: () => ProviderService): grpc.UntypedServiceImplementation {
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const method of Object.keys(serviceDefinition('tfplugin6.Provider')) as ProviderMethod[]) {
    implementation[method] = (
      call: grpc.ServerUnaryCall<RequestOf<ProviderMethod>, ResponseOf<ProviderMethod>>,
      callback: grpc.sendUnaryData<ResponseOf<ProviderMethod> | FailedResponse>,
    ) => {
      pluginLog.debug(`tfplugin6: ${method}`);
      let provider: ProviderService;
      try {
        provider = providerService();
      } catch (error) {
        callback({ code: grpc.status.INTERNAL, details: error instanceof Error ? error.message : String(error) });
        return;
      }
      if (!provider.handles(method)) {
        callback({ code: grpc.status.UNIMPLEMENTED, details: `${method} is not implemented by this provider` });
        return;
      }
      provider.call(method, call.request).then(
        (response) => callback(null, response),
        (error: unknown) => callback({ code: grpc.status.INTERNAL, details: error instanceof Error ? error.message : String(error) }),
      );
    };
  }
  return implementation;
}

function keepOpen(call: grpc.ServerWritableStream<Empty, Empty> | grpc.ServerDuplexStream<Empty, Empty>, openStreams: Set<{ end(): void }>): void {
  openStreams.add(call);
  call.on('cancelled', () => openStreams.delete(call));
  call.on('error', () => openStreams.delete(call));
}

/** After the handshake, stdout belongs to go-plugin; stray console output goes to stderr. */
function routeConsoleToStderr(): void {
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
}

function watchParent(onGone: () => void): void {
  const parent = process.ppid;
  if (parent <= 1) return;
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') onGone();
    }
  }, PARENT_CHECK_INTERVAL_MS).unref();
}
