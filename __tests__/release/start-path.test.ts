/**
 * Nothing heavy before it is needed (issue 18): up to the handshake line a provider process loads
 * gRPC, protobufjs and the kit's plugin server, nothing of the provider itself. The rest comes at
 * the first RPC, and the OOS SDK at the first call. Checked on the release bundle, each module
 * reporting as it is evaluated (bench/module-load.ts's instrumentation).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleProgram } from '../../lib/release/provider-bundle';
import { testing } from '../../lib/tfplugin';
import { instrumentBundle } from '../../bench/module-load';

const work = mkdtempSync(join(tmpdir(), 'start-path-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The modules evaluated so far, as the bundle names them (`lib/oos/client.ts`, `node_modules/@msgpack/...`). */
function evaluated(stderr: string): string[] {
  return [...stderr.matchAll(/^MODULE-LOAD module (\S+) /gm)].map((match) => match[1]);
}

test('the handshake loads only the plugin server; the provider loads at the first RPC', async () => {
  const raw = join(work, 'raw.js');
  await bundleProgram({ outfile: raw });
  const bundle = join(work, 'terraform-provider-oos.bundle.js');
  writeFileSync(bundle, instrumentBundle(readFileSync(raw, 'utf8')));
  const provider = await testing.startProvider(bundle);
  const connection = new testing.PluginConnection(provider);
  try {
    const atHandshake = evaluated(provider.stderr());
    expect(atHandshake).toContain('node_modules/@grpc/grpc-js/build/src/server.js');
    expect(atHandshake).toContain('lib/tfplugin/protocol/plugin-server.ts');
    const early = atHandshake.filter((module) =>
      /^(lib\/(provider|oos|domain)\/|node_modules\/(@msgpack|@alicloud)\/|lib\/tfplugin\/protocol\/(cty-codec|provider-service)\.ts)/.test(module),
    );
    expect(early).toEqual([]);

    await connection.provider6('GetProviderSchema', {});
    const atSchema = evaluated(provider.stderr());
    expect(atSchema).toEqual(expect.arrayContaining(['lib/provider/provider.ts', 'lib/tfplugin/protocol/provider-service.ts']));
    expect(atSchema.filter((module) => module.startsWith('node_modules/@alicloud/openapi-core/'))).toEqual([]);
  } finally {
    await testing.shutDown(provider, connection);
    connection.close();
  }
}, 60_000);
