/**
 * The provider bundle leaves out `long` (lib/release/provider-bundle.ts): protobufjs then reads and
 * writes tfplugin6's int64 fields as plain numbers. Checked over gRPC against a bundle built here:
 * the schema versions Terraform reads, and the prior version it sends in UpgradeResourceState.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testing, blockType } from '../../lib/tfplugin';
import { chatConfigurationSchema } from '../../lib/provider/resources/chat-configuration';
import { bundleProgram } from '../../lib/release/provider-bundle';

const { PluginConnection, decodeMsgpack, shutDown, startProvider } = testing;

const work = mkdtempSync(join(tmpdir(), 'provider-bundle-test-'));
const bundle = join(work, 'terraform-provider-oos.bundle.js');
let inputs: string[];
let provider: testing.RunningProvider;
let connection: testing.PluginConnection;

beforeAll(async () => {
  inputs = await bundleProgram({ outfile: bundle });
  provider = await startProvider(bundle);
  connection = new PluginConnection(provider);
}, 60_000);
afterAll(async () => {
  await shutDown(provider, connection);
  connection.close();
  rmSync(work, { recursive: true, force: true });
});

test('long is not bundled', () => {
  expect(inputs.filter((input) => input.startsWith('node_modules/long/'))).toEqual([]);
  expect(inputs).toContain('node_modules/protobufjs/src/util/minimal.js');
});

test('schema versions reach Terraform as numbers', async () => {
  const schema = await connection.provider6('GetProviderSchema', {});
  expect(Number(schema.resource_schemas.oos_chat_configuration.version)).toBe(chatConfigurationSchema.version);
  expect(chatConfigurationSchema.version).toBeGreaterThan(0);
});

test('the prior schema version Terraform sends is read as a number', async () => {
  const name = 'bundle-check';
  const upgraded = await connection.provider6('UpgradeResourceState', {
    type_name: 'oos_chat_configuration',
    version: chatConfigurationSchema.version,
    raw_state: { json: Buffer.from(JSON.stringify({ id: name, name, type: 'DingTalk', template_id: 't', client_id: 'c' })) },
  });
  expect(upgraded.diagnostics ?? []).toEqual([]);
  const state = decodeMsgpack(upgraded.upgraded_state!.msgpack!, blockType(chatConfigurationSchema.block)) as Record<string, unknown>;
  expect(state).toMatchObject({ id: name, name, type: 'DingTalk' });
});
