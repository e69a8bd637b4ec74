import { X509Certificate } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { testing, generateSelfSignedCertificate, NOT_A_PROGRAM_MESSAGE } from '../../lib/tfplugin';
import { bundleEchoProvider } from './fixtures/echo-bundle';

const { PluginConnection, certificatePemFromHandshake, runProvider, shutDown, startProvider, terraformEnvironment } = testing;
type PluginConnection = testing.PluginConnection;
type RunningProvider = testing.RunningProvider;

let bundle: string;
beforeAll(async () => {
  bundle = await bundleEchoProvider();
});

describe('starting the provider outside Terraform', () => {
  test('without the magic cookie it says it is a plugin and exits 1', async () => {
    const result = await runProvider(bundle, { PATH: process.env.PATH });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(NOT_A_PROGRAM_MESSAGE);
    expect(result.stdout).toBe('');
  });

  test('when the client offers no protocol 6 it explains and exits 1', async () => {
    const env = { ...terraformEnvironment(generateSelfSignedCertificate()), PLUGIN_PROTOCOL_VERSIONS: '4,5' };
    const result = await runProvider(bundle, env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/protocol 6 only, but the client offers 4,5/);
  });

  test('without a client certificate it refuses to serve in plain text', async () => {
    const env = terraformEnvironment(generateSelfSignedCertificate());
    delete env.PLUGIN_CLIENT_CERT;
    const result = await runProvider(bundle, env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PLUGIN_CLIENT_CERT is not set/);
  });
});

describe('the handshake with Terraform', () => {
  let provider: RunningProvider;
  beforeAll(async () => {
    provider = await startProvider(bundle);
  });
  afterAll(async () => {
    await shutDown(provider);
  });

  test('prints one line: core version 1, protocol 6, a unix socket, grpc and the certificate', () => {
    expect(provider.handshakeLine).toMatch(/^1\|6\|unix\|\/[^|]+\/plugin\.sock\|grpc\|[A-Za-z0-9+/]+\n$/);
    expect(provider.handshake.certificateBase64).not.toMatch(/=$/);
    expect(existsSync(provider.handshake.address)).toBe(true);
  });

  test('the certificate is a self-signed CA certificate for localhost', () => {
    const certificate = new X509Certificate(certificatePemFromHandshake(provider.handshake));
    expect(certificate.subjectAltName).toBe('DNS:localhost');
    expect(certificate.checkHost('localhost')).toBe('localhost');
    expect(certificate.ca).toBe(true);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  test('a client presenting PLUGIN_CLIENT_CERT is served over mutual TLS', async () => {
    const connection = new PluginConnection(provider);
    try {
      expect(await connection.call('grpc.health.v1.Health', 'Check', { service: 'plugin' })).toEqual({ status: 1 });
      const schema = await connection.provider6('GetProviderSchema', {});
      expect(Object.keys(schema.resource_schemas)).toEqual(['echo']);
    } finally {
      connection.close();
    }
  });

  test('a client presenting a different certificate is rejected', async () => {
    const stranger = new PluginConnection(provider, generateSelfSignedCertificate());
    try {
      await expect(stranger.provider6('GetProviderSchema')).rejects.toMatchObject({ code: 14 /* UNAVAILABLE: TLS handshake failed */ });
    } finally {
      stranger.close();
    }
  });
});

describe('who may connect', () => {
  test('a client presenting no certificate at all is rejected', async () => {
    const provider = await startProvider(bundle);
    const client = new grpc.Client(
      `unix://${provider.handshake.address}`,
      grpc.credentials.createSsl(Buffer.from(certificatePemFromHandshake(provider.handshake))),
      {
        'grpc.ssl_target_name_override': 'localhost',
        'grpc.default_authority': 'localhost',
      },
    );
    try {
      const answer = new Promise<grpc.ServiceError | null>((resolve) =>
        client.makeUnaryRequest(
          '/grpc.health.v1.Health/Check',
          () => Buffer.alloc(0),
          (bytes: Buffer) => bytes,
          {},
          { deadline: Date.now() + 10_000 },
          (error) => resolve(error),
        ),
      );
      expect(await answer).toMatchObject({ code: grpc.status.UNAVAILABLE });
    } finally {
      client.close();
      await shutDown(provider);
    }
  });

  test('PLUGIN_CLIENT_CERT itself is refused once it has expired, as go-plugin verifies validity', async () => {
    const expired = generateSelfSignedCertificate({ now: new Date(Date.now() - 40 * 86_400_000), validDays: 30 });
    const provider = await startProvider(bundle, terraformEnvironment(expired));
    const connection = new PluginConnection(provider, expired);
    try {
      await expect(connection.provider6('GetProviderSchema')).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
      expect(provider.stderr()).toMatch(/refused a connection: the client certificate is valid only from/);
    } finally {
      connection.close();
      await shutDown(provider);
    }
  });
});

describe('stopping the provider', () => {
  test('GRPCController.Shutdown answers, then the process exits 0 and removes its socket dir', async () => {
    const provider = await startProvider(bundle);
    const connection = new PluginConnection(provider);
    await expect(connection.call('plugin.GRPCController', 'Shutdown')).resolves.toEqual({});
    const result = await provider.exited;
    connection.close();
    expect(result).toMatchObject({ code: 0, signal: null });
    expect(existsSync(dirname(provider.handshake.address))).toBe(false);
  });

  test('Shutdown also ends the stdio stream go-plugin keeps open', async () => {
    const provider = await startProvider(bundle);
    const connection = new PluginConnection(provider);
    const stream = connection.stream('plugin.GRPCStdio', 'StreamStdio');
    const ended = new Promise<string>((resolve) => {
      stream.on('end', () => resolve('end'));
      stream.on('error', (error: Error) => resolve(`error: ${error.message}`));
    });
    stream.on('data', () => undefined);
    await connection.call('plugin.GRPCController', 'Shutdown');
    expect(await ended).toBe('end');
    expect((await provider.exited).code).toBe(0);
    connection.close();
  });

  test('when Terraform goes away (its stdio stream is cut), the provider exits at once instead of serving on', async () => {
    const provider = await startProvider(bundle);
    const connection = new PluginConnection(provider);
    const stream = connection.stream('plugin.GRPCStdio', 'StreamStdio');
    stream.on('error', () => undefined);
    await connection.call('grpc.health.v1.Health', 'Check', { service: 'plugin' });
    const cutAt = Date.now();
    stream.cancel();
    connection.close();
    expect((await provider.exited).code).toBe(0);
    // The parent (this test) is alive, so only the cut stream can have ended it (without the fix it
    // serves on until the test times out); the bound only keeps a slow machine from hiding a stall.
    expect(Date.now() - cutAt).toBeLessThan(10_000);
  });

  test('when Terraform stops reading its stderr (Terraform was killed), the provider exits instead of spinning on the broken pipe', async () => {
    const certificate = generateSelfSignedCertificate();
    const provider = await startProvider(bundle, { ...terraformEnvironment(certificate), TF_LOG: 'debug' });
    const connection = new PluginConnection(provider, certificate);
    provider.child.stderr!.destroy();
    // Each RPC logs a debug line to the stderr nobody reads any more.
    await connection.call('grpc.health.v1.Health', 'Check', { service: 'plugin' }).catch(() => undefined);
    await connection.call('grpc.health.v1.Health', 'Check', { service: 'plugin' }).catch(() => undefined);
    connection.close();
    expect((await provider.exited).signal).toBeNull();
  }, 20_000);

  test('SIGTERM exits 0; SIGINT is ignored, as go-plugin does', async () => {
    const provider = await startProvider(bundle);
    provider.child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect({ exitCode: provider.child.exitCode, signalCode: provider.child.signalCode }).toEqual({ exitCode: null, signalCode: null });
    provider.child.kill('SIGTERM');
    expect(await provider.exited).toMatchObject({ code: 0, signal: null });
    expect(existsSync(dirname(provider.handshake.address))).toBe(false);
  });
});
