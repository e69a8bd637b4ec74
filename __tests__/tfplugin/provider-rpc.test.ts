/**
 * tfplugin6 over real gRPC and mTLS against the bundled echo provider, with the test in
 * Terraform's place: every value crosses the wire as msgpack, exactly as Terraform sends it.
 */
import { testing, blockType, CtyValue, isUnknown, ObjectValue, UNKNOWN } from '../../lib/tfplugin';
import { echoProvider, echoResource } from './fixtures/echo-provider';
import { bundleEchoProvider } from './fixtures/echo-bundle';

const { PluginConnection, decodeMsgpack, encodeMsgpack, shutDown, startProvider } = testing;
type DynamicValue = testing.DynamicValue;
type GetProviderSchemaResponse = testing.GetProviderSchemaResponse;
type PluginConnection = testing.PluginConnection;
type ProtoDiagnostic = testing.ProtoDiagnostic;
type RunningProvider = testing.RunningProvider;

const ECHO = blockType(echoResource.schema.block);
const PROVIDER = blockType(echoProvider.schema.block);
const ECHO_DATA = blockType(echoProvider.dataSources[0].schema.block);

const ERROR = 1;

function dynamic(value: CtyValue, type = ECHO): DynamicValue {
  return { msgpack: encodeMsgpack(value, type) };
}
function value(dynamicValue: DynamicValue | null | undefined, type = ECHO): ObjectValue | null {
  return dynamicValue?.msgpack ? (decodeMsgpack(dynamicValue.msgpack, type) as ObjectValue | null) : null;
}
/** The steps of a diagnostic's attribute path. */
function steps(diagnostic: ProtoDiagnostic) {
  return diagnostic.attribute?.steps ?? [];
}

/** A config as Terraform builds it: every attribute present, computed ones null. */
function config(attributes: ObjectValue): ObjectValue {
  return { id: null, tags: null, secret_wo: null, secret_version: null, secret_received: null, length: null, echoed: null, rule: [], ...attributes };
}

let provider: RunningProvider;
let connection: PluginConnection;

beforeAll(async () => {
  provider = await startProvider(await bundleEchoProvider());
  connection = new PluginConnection(provider);
  const configured = await connection.provider6('ConfigureProvider', { terraform_version: '1.11.4', config: dynamic({ prefix: '> ' }, PROVIDER) });
  expect(configured.diagnostics).toEqual([]);
});

afterAll(async () => {
  await shutDown(provider, connection);
  connection.close();
});

describe('GetProviderSchema', () => {
  let schema: GetProviderSchemaResponse;
  beforeAll(async () => {
    schema = await connection.provider6('GetProviderSchema', {});
  });

  test('attribute types are the JSON of the cty type, as bytes', () => {
    const attributes = schema.resource_schemas.echo.block.attributes;
    const types = Object.fromEntries(attributes.map((attribute) => [attribute.name, Buffer.from(attribute.type).toString()]));
    expect(types).toMatchObject({ message: '"string"', tags: '["map","string"]', secret_version: '"number"', secret_received: '"bool"' });
  });

  test('the write-only attribute is marked write_only, and only it', () => {
    const attributes = schema.resource_schemas.echo.block.attributes;
    expect(attributes.filter((attribute) => attribute.write_only).map((attribute) => attribute.name)).toEqual(['secret_wo']);
  });

  test('provider, data source, nested block (LIST) and schema version are all there', () => {
    expect(schema.provider.block.attributes.map((attribute) => attribute.name)).toEqual(['prefix']);
    expect(Object.keys(schema.data_source_schemas)).toEqual(['echo']);
    expect(schema.resource_schemas.echo.version).toBe(1);
    expect(schema.resource_schemas.echo.block.block_types[0]).toMatchObject({ type_name: 'rule', nesting: 2 });
    expect(schema.resource_schemas.echo.block.description_kind).toBe(1 /* MARKDOWN */);
  });

  test('announces that Terraform may cache the schema, and no destroy planning', () => {
    expect(schema.server_capabilities).toMatchObject({ get_provider_schema_optional: true, plan_destroy: false });
  });

  test('GetMetadata lists the resource and data source types', async () => {
    const metadata = await connection.provider6('GetMetadata', {});
    expect(metadata.resources).toEqual([{ type_name: 'echo' }]);
    expect(metadata.data_sources).toEqual([{ type_name: 'echo' }]);
  });
});

describe('validation', () => {
  test('a provider config diagnostic comes back with its attribute path', async () => {
    const response = await connection.provider6('ValidateProviderConfig', { config: dynamic({ prefix: 'bad' }, PROVIDER) });
    expect(response.diagnostics).toEqual([
      expect.objectContaining({
        severity: ERROR,
        summary: 'prefix "bad" is not allowed',
        attribute: { steps: [expect.objectContaining({ attribute_name: 'prefix' })] },
      }),
    ]);
  });

  test('a resource config with unknown values validates', async () => {
    const response = await connection.provider6('ValidateResourceConfig', { type_name: 'echo', config: dynamic(config({ message: UNKNOWN })) });
    expect(response.diagnostics).toEqual([]);
  });

  test('a resource config error names the attribute', async () => {
    const response = await connection.provider6('ValidateResourceConfig', { type_name: 'echo', config: dynamic(config({ message: '' })) });
    expect(response.diagnostics[0]).toMatchObject({ severity: ERROR, summary: 'message must not be empty', detail: 'Set message to any non-empty string.' });
    expect(steps(response.diagnostics[0])[0].attribute_name).toBe('message');
  });

  test('an unknown resource type is an error diagnostic naming the known types', async () => {
    const response = await connection.provider6('ValidateResourceConfig', { type_name: 'nope', config: dynamic(null) });
    expect(response.diagnostics[0]).toMatchObject({ severity: ERROR, summary: 'This provider has no resource type "nope"; it has: echo.' });
  });
});

describe('plan and apply of a create', () => {
  const createConfig = config({ message: 'hello', secret_wo: 's3cr3t', secret_version: 1, rule: [{ name: 'first', priority: 1 }] });
  // Terraform proposes the config with write-only values already null.
  const proposed = { ...createConfig, secret_wo: null };
  let planned: ObjectValue;

  beforeAll(async () => {
    const response = await connection.provider6('PlanResourceChange', {
      type_name: 'echo',
      prior_state: dynamic(null),
      proposed_new_state: dynamic(proposed),
      config: dynamic(createConfig),
    });
    expect(response.diagnostics).toEqual([]);
    planned = value(response.planned_state)!;
  });

  test('computed attributes are unknown in the planned state', () => {
    expect(isUnknown(planned.id)).toBe(true);
    expect(isUnknown(planned.length)).toBe(true);
    expect(isUnknown(planned.echoed)).toBe(true);
    expect(planned).toMatchObject({ message: 'hello', secret_version: 1, rule: [{ name: 'first', priority: 1 }] });
  });

  test('the write-only attribute is null in the planned state, even though the resource put the secret there', () => {
    expect(planned.secret_wo).toBeNull();
  });

  test('apply fills the unknowns, keeps the planned known values and gets the secret from config only', async () => {
    const response = await connection.provider6('ApplyResourceChange', {
      type_name: 'echo',
      prior_state: dynamic(null),
      planned_state: dynamic(planned),
      config: dynamic(createConfig),
    });
    expect(response.diagnostics).toEqual([]);
    const state = value(response.new_state)!;
    expect(state).toMatchObject({ message: 'hello', echoed: '> hello', length: 7, secret_received: true, secret_version: 1 });
    expect(state.id).toMatch(/^echo-/);
    expect(state.secret_wo).toBeNull();
    expect(String(response.private)).toBe('applied');
    expect(encodeMsgpack(state, ECHO).includes(Buffer.from('s3cr3t'))).toBe(false);
  });
});

describe('plan and apply of an update, a replace and a destroy', () => {
  const prior = config({ id: 'echo-1', message: 'hello', secret_version: 1, secret_received: true, length: 7, echoed: '> hello' });

  test('a changed message requires replacement at path message', async () => {
    const proposed = { ...prior, message: 'bye' };
    const response = await connection.provider6('PlanResourceChange', {
      type_name: 'echo',
      prior_state: dynamic(prior),
      proposed_new_state: dynamic(proposed),
      config: dynamic(proposed),
    });
    expect(response.requires_replace).toEqual([{ steps: [expect.objectContaining({ attribute_name: 'message' })] }]);
  });

  test('a bumped secret version plans secret_received as unknown and keeps the id', async () => {
    const proposed = { ...prior, secret_version: 2 };
    const response = await connection.provider6('PlanResourceChange', {
      type_name: 'echo',
      prior_state: dynamic(prior),
      proposed_new_state: dynamic(proposed),
      config: dynamic({ ...proposed, secret_wo: 'new' }),
    });
    const planned = value(response.planned_state)!;
    expect(isUnknown(planned.secret_received)).toBe(true);
    expect(planned.id).toBe('echo-1');
    expect(response.requires_replace).toEqual([]);
  });

  test('a destroy (null proposed state) plans a null state and keeps the private data', async () => {
    const response = await connection.provider6('PlanResourceChange', {
      type_name: 'echo',
      prior_state: dynamic(prior),
      proposed_new_state: dynamic(null),
      config: dynamic(null),
      prior_private: Buffer.from('kept'),
    });
    expect(value(response.planned_state)).toBeNull();
    expect(String(response.planned_private)).toBe('kept');
  });

  test('applying a null plan deletes and returns a null state', async () => {
    const response = await connection.provider6('ApplyResourceChange', {
      type_name: 'echo',
      prior_state: dynamic(prior),
      planned_state: dynamic(null),
      config: dynamic(null),
    });
    expect(response.diagnostics).toEqual([]);
    expect(value(response.new_state)).toBeNull();
  });
});

describe('failures become diagnostics', () => {
  test('a DiagnosticsError comes back with its path: rule[0].name', async () => {
    const proposed = config({ message: 'plan-diagnostic', rule: [{ name: 'x', priority: null }] });
    const response = await connection.provider6('PlanResourceChange', {
      type_name: 'echo',
      prior_state: dynamic(null),
      proposed_new_state: dynamic(proposed),
      config: dynamic(proposed),
    });
    expect(response.diagnostics).toHaveLength(1);
    expect(response.diagnostics[0]).toMatchObject({ severity: ERROR, summary: 'rule name is not allowed', detail: 'Pick another name.' });
    expect(steps(response.diagnostics[0])).toEqual([
      expect.objectContaining({ selector: 'attribute_name', attribute_name: 'rule' }),
      expect.objectContaining({ selector: 'element_key_int', element_key_int: 0 }),
      expect.objectContaining({ selector: 'attribute_name', attribute_name: 'name' }),
    ]);
  });

  test('an exception in plan is an error diagnostic whose summary is the message', async () => {
    const proposed = config({ message: 'plan-throws' });
    const response = await connection.provider6('PlanResourceChange', {
      type_name: 'echo',
      prior_state: dynamic(null),
      proposed_new_state: dynamic(proposed),
      config: dynamic(proposed),
    });
    expect(response.diagnostics).toEqual([expect.objectContaining({ severity: ERROR, summary: 'echo: planning failed on purpose', detail: '' })]);
  });

  test('an exception in apply is an error diagnostic and leaves the prior state', async () => {
    const prior = config({ id: 'echo-2', message: 'ok', length: 4, echoed: '> ok', secret_received: false });
    const planned = { ...prior, message: 'apply-throws' };
    const response = await connection.provider6('ApplyResourceChange', {
      type_name: 'echo',
      prior_state: dynamic(prior),
      planned_state: dynamic(planned),
      config: dynamic(planned),
    });
    expect(response.diagnostics).toEqual([expect.objectContaining({ severity: ERROR, summary: 'echo: applying failed on purpose' })]);
    expect(value(response.new_state)).toEqual(prior);
  });

  test('the provider process survives all of it', async () => {
    expect(provider.child.exitCode).toBeNull();
    expect(await connection.call('grpc.health.v1.Health', 'Check', { service: 'plugin' })).toEqual({ status: 1 });
  });
});

describe('read, import and upgrade', () => {
  test('ReadResource returns the current state and private data', async () => {
    const current = config({ id: 'echo-3', message: 'hi', length: 4, echoed: '> hi', secret_received: false });
    const response = await connection.provider6('ReadResource', { type_name: 'echo', current_state: dynamic(current), private: Buffer.from('p') });
    expect(value(response.new_state)).toEqual(current);
    expect(String(response.private)).toBe('p');
  });

  test('ReadResource of an object that is gone returns a null state', async () => {
    const response = await connection.provider6('ReadResource', { type_name: 'echo', current_state: dynamic(config({ id: 'gone', message: 'x' })) });
    expect(value(response.new_state)).toBeNull();
  });

  test('ImportResourceState returns one imported resource, with write-only values stripped', async () => {
    const response = await connection.provider6('ImportResourceState', { type_name: 'echo', id: 'imported' });
    expect(response.imported_resources).toHaveLength(1);
    expect(response.imported_resources[0].type_name).toBe('echo');
    expect(value(response.imported_resources[0].state)).toEqual(
      config({ id: 'imported', message: 'imported', length: 8, echoed: 'imported', secret_received: false }),
    );
  });

  test('UpgradeResourceState reads the stored JSON and answers msgpack of the current schema', async () => {
    const raw = { id: 'echo-old', text: 'from v0', length: 9 };
    const response = await connection.provider6('UpgradeResourceState', {
      type_name: 'echo',
      version: 0,
      raw_state: { json: Buffer.from(JSON.stringify(raw)) },
    });
    expect(response.diagnostics).toEqual([]);
    expect(value(response.upgraded_state)).toEqual(config({ id: 'echo-old', message: 'from v0', length: 9 }));
  });

  test('UpgradeResourceState strips a write-only value that an old state still holds', async () => {
    const raw = { id: 'echo-old', message: 'm', secret_wo: 'old-secret' };
    const response = await connection.provider6('UpgradeResourceState', {
      type_name: 'echo',
      version: 1,
      raw_state: { json: Buffer.from(JSON.stringify(raw)) },
    });
    expect(value(response.upgraded_state)!.secret_wo).toBeNull();
  });
});

describe('data sources and stopping', () => {
  test('ReadDataSource fills the computed attributes', async () => {
    const response = await connection.provider6('ReadDataSource', { type_name: 'echo', config: dynamic({ input: 'hey', output: null }, ECHO_DATA) });
    expect(value(response.state, ECHO_DATA)).toEqual({ input: 'hey', output: 'HEY' });
  });

  test('StopProvider answers with an empty Error', async () => {
    expect(await connection.provider6('StopProvider', {})).toEqual({ Error: '' });
  });
});
