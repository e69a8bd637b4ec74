/**
 * tfplugin6 ValidateResourceConfig carries the client's `write_only_attributes_allowed`. A client
 * that leaves it unset (Terraform or OpenTofu before 1.11) would keep a write-only value in plan and
 * state, so the OOS provider refuses `client_secret_wo` from it, naming `client_secret_parameter` as
 * what works everywhere. Over real gRPC and mTLS against the provider's release bundle of this code.
 */
import { testing, blockType, ObjectValue } from '../../lib/tfplugin';
import { chatConfigurationSchema } from '../../lib/provider/resources/chat-configuration';
import { freshProviderBundle } from '../../lib/release';

const { PluginConnection, encodeMsgpack, shutDown, startProvider } = testing;
type ClientCapabilities = testing.ClientCapabilities;
type PluginConnection = testing.PluginConnection;
type RunningProvider = testing.RunningProvider;

const TYPE = blockType(chatConfigurationSchema.block);
const ERROR = 1;

/** A configuration as Terraform sends it: every attribute present, unset ones null. */
function config(attributes: ObjectValue): ObjectValue {
  const nulls = Object.fromEntries(Object.keys(chatConfigurationSchema.block.attributes).map((name) => [name, null]));
  return { ...nulls, timeouts: null, name: 'bot', type: 'DingTalk', template_id: 't', client_id: 'c', ...attributes };
}

let provider: RunningProvider;
let connection: PluginConnection;

beforeAll(async () => {
  provider = await startProvider(await freshProviderBundle());
  connection = new PluginConnection(provider);
});
afterAll(async () => {
  await shutDown(provider, connection);
  connection.close();
});

async function validate(attributes: ObjectValue, capabilities?: ClientCapabilities) {
  const response = await connection.provider6('ValidateResourceConfig', {
    type_name: 'oos_chat_configuration',
    config: { msgpack: encodeMsgpack(config(attributes), TYPE) },
    ...(capabilities ? { client_capabilities: capabilities } : {}),
  });
  return response.diagnostics;
}

const WRITE_ONLY_SECRET = { client_secret_wo: 'from-an-ephemeral-variable', client_secret_wo_version: 1 };

describe('ValidateResourceConfig and the client capability write_only_attributes_allowed', () => {
  test('a client that leaves the flag unset gets an error on client_secret_wo naming client_secret_parameter', async () => {
    const diagnostics = await validate(WRITE_ONLY_SECRET);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: ERROR, summary: 'Write-only Attribute Not Allowed' });
    expect(diagnostics[0].detail).toContain('client_secret_wo is write-only');
    expect(diagnostics[0].detail).toContain('Terraform 1.11+ and OpenTofu 1.11+');
    expect(diagnostics[0].detail).toContain('Use client_secret_parameter instead');
    expect(diagnostics[0].detail).not.toContain(WRITE_ONLY_SECRET.client_secret_wo);
    expect(diagnostics[0].attribute?.steps?.[0]).toMatchObject({ attribute_name: 'client_secret_wo' });
  });

  test('so does a client that sends the capabilities with the flag false', async () => {
    const diagnostics = await validate(WRITE_ONLY_SECRET, { deferral_allowed: true, write_only_attributes_allowed: false });
    expect(diagnostics.map((diagnostic) => diagnostic.summary)).toEqual(['Write-only Attribute Not Allowed']);
  });

  test('a client that announces write-only support may set client_secret_wo', async () => {
    expect(await validate(WRITE_ONLY_SECRET, { write_only_attributes_allowed: true })).toEqual([]);
  });

  test('client_secret_parameter works on a client without the flag', async () => {
    expect(await validate({ client_secret_parameter: 'chatops-dev-ops-secret' })).toEqual([]);
  });
});
