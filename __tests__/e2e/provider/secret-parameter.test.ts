/**
 * oos_secret_parameter with the real terraform binary against the emulator: create, rotation by
 * value_wo_version, drift repaired in place, import by name, delete, and a scan proving the value
 * reaches OOS and nothing else (configuration, plan, plan JSON, state, TF_LOG=trace log).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OosFixture, startOosFixture } from '../support/oos-fixture';
import { parsePlan } from '../../../lib/pipeline';
import { actionsFor, providerConfig, valuesOf } from '../support/terraform-workspace';

const FIRST_VALUE = 'param-value-Echo-3k9v';
const SECOND_VALUE = 'param-value-Foxtrot-8w1p';
const ADDRESS = 'oos_secret_parameter.ops';
const APPLY = ['apply', '-auto-approve', '-input=false', '-no-color'];

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

function parameterConfig(version: number, resource: Record<string, unknown> = {}) {
  return {
    ...providerConfig(),
    variable: { parameter_value: { type: 'string', sensitive: true, ephemeral: true } },
    resource: {
      oos_secret_parameter: {
        ops: {
          name: 'ops-bot-secret',
          description: 'Client secret of the ops bot',
          value_wo: '${var.parameter_value}',
          value_wo_version: version,
          tags: { Team: 'ops' },
          ...resource,
        },
      },
    },
  };
}

describe('oos_secret_parameter lifecycle', () => {
  let fixture: OosFixture;
  /** Every terraform output of this lifecycle, scanned for the values at the end. */
  const outputs: string[] = [];
  const run = async (args: string[], value: string, expected: number | number[] = 0) => {
    const result = await fixture.workspace.expect(args, expected, { TF_VAR_parameter_value: value });
    outputs.push(result.stdout, result.stderr);
    return result;
  };

  beforeAll(async () => {
    fixture = await startOosFixture({ TF_LOG: 'trace', TF_LOG_PATH: 'trace.log' });
    fixture.workspace.writeConfig(parameterConfig(1));
    await fixture.workspace.init();
  });
  afterAll(async () => fixture?.dispose());

  test('apply creates the parameter with its value in OOS and only its version in state', async () => {
    const result = await run(APPLY, FIRST_VALUE);
    expect(result.stdout).toMatch(/value_wo\s+= \(write-only attribute\)/);
    expect((await fixture.client.getSecretParameter('ops-bot-secret', { withDecryption: true })).value).toBe(FIRST_VALUE);
    const values = valuesOf(await fixture.workspace.state(), ADDRESS);
    expect(values).toMatchObject({ id: 'ops-bot-secret', value_wo: null, value_wo_version: 1, parameter_version: 1, tags: { Team: 'ops' } });
    expect(values.key_id).toBe('alias/acs/oos');
    expect((await fixture.client.getSecretParameter('ops-bot-secret')).tags).toEqual({ Team: 'ops' });
    expect((await run(['plan', '-detailed-exitcode', '-input=false', '-no-color'], FIRST_VALUE)).code).toBe(0);
  });

  test('bumping value_wo_version plans an update and apply sends the new value as a new version', async () => {
    fixture.workspace.writeConfig(parameterConfig(2));
    await run(['plan', '-input=false', '-no-color', '-out=rotate.tfplan'], SECOND_VALUE);
    // Shown through `run`, so the plan's JSON is among the outputs scanned for the value.
    const shown = await run(['show', '-json', 'rotate.tfplan'], SECOND_VALUE);
    expect(actionsFor(parsePlan(shown.stdout, 'rotate.tfplan'), ADDRESS)).toEqual(['update']);
    await run(['apply', '-input=false', '-no-color', 'rotate.tfplan'], SECOND_VALUE);

    const remote = await fixture.client.getSecretParameter('ops-bot-secret', { withDecryption: true });
    expect(remote).toMatchObject({ value: SECOND_VALUE, parameterVersion: 2 });
    expect(valuesOf(await fixture.workspace.state(), ADDRESS)).toMatchObject({ value_wo_version: 2, parameter_version: 2 });
  });

  test('a description changed behind Terraform is detected and repaired in place, without a new version', async () => {
    await fixture.client.updateSecretParameter('ops-bot-secret', { description: 'changed in the console' });
    const drift = await run(['plan', '-detailed-exitcode', '-input=false', '-no-color'], SECOND_VALUE, 2);
    expect(drift.stdout).toContain('changed in the console');
    expect(drift.stdout).toMatch(/oos_secret_parameter\.ops will be updated in-place/);
    await run(APPLY, SECOND_VALUE);
    const remote = await fixture.client.getSecretParameter('ops-bot-secret', { withDecryption: true });
    expect(remote).toMatchObject({ description: 'Client secret of the ops bot', parameterVersion: 2, value: SECOND_VALUE });
  });

  test('tags and resource group change in place', async () => {
    fixture.workspace.writeConfig(parameterConfig(2, { tags: { Team: 'platform' }, resource_group_id: 'rg-chatops01' }));
    await run(APPLY, SECOND_VALUE);
    const remote = await fixture.client.getSecretParameter('ops-bot-secret');
    expect(remote).toMatchObject({ tags: { Team: 'platform' }, resourceGroupId: 'rg-chatops01', parameterVersion: 2 });
  });

  test('the value is in no configuration, plan, plan JSON, state or TF_LOG=trace log', async () => {
    const workspace = fixture.workspace;
    const artefacts: Record<string, string> = {
      'main.tf.json': workspace.readFile('main.tf.json'),
      'terraform output': outputs.join('\n'),
      'terraform.tfstate': workspace.readFile('terraform.tfstate'),
      'TF_LOG=trace log': readFileSync(join(workspace.dir, 'trace.log'), 'utf8'),
    };
    expect(artefacts['terraform output']).toContain('"resource_changes"');
    expect(artefacts['TF_LOG=trace log'].length).toBeGreaterThan(10_000);
    for (const [name, text] of Object.entries(artefacts)) {
      expect({ name, first: occurrences(text, FIRST_VALUE), second: occurrences(text, SECOND_VALUE) }).toEqual({ name, first: 0, second: 0 });
    }
    expect(fixture.cloudData()).toContain(SECOND_VALUE);
  });

  test('removing the resource deletes the parameter', async () => {
    fixture.workspace.writeConfig(providerConfig());
    await run(APPLY, SECOND_VALUE);
    await expect(fixture.client.getSecretParameter('ops-bot-secret')).rejects.toThrow(/EntityNotExists/);
  });
});

describe('oos_secret_parameter import', () => {
  let fixture: OosFixture;

  beforeAll(async () => {
    fixture = await startOosFixture({ TF_VAR_parameter_value: SECOND_VALUE });
    await fixture.client.createSecretParameter('ops-bot-secret', FIRST_VALUE, { description: 'Client secret of the ops bot', tags: { Team: 'ops' } });
    fixture.workspace.writeConfig(parameterConfig(1));
    await fixture.workspace.init();
  });
  afterAll(async () => fixture?.dispose());

  test('terraform import takes the parameter by name, and the next apply sends the configured value', async () => {
    await fixture.workspace.expect(['import', '-input=false', '-no-color', ADDRESS, 'ops-bot-secret']);
    expect(valuesOf(await fixture.workspace.state(), ADDRESS)).toMatchObject({
      id: 'ops-bot-secret',
      name: 'ops-bot-secret',
      description: 'Client secret of the ops bot',
      tags: { Team: 'ops' },
      parameter_version: 1,
      value_wo_version: null,
    });
    // Terraform cannot see the value OOS holds: the first apply makes it the configured one.
    expect(actionsFor(await fixture.workspace.planView(), ADDRESS)).toEqual(['update']);
    await fixture.workspace.apply();
    expect(await fixture.client.getSecretParameter('ops-bot-secret', { withDecryption: true })).toMatchObject({ value: SECOND_VALUE, parameterVersion: 2 });
    expect((await fixture.workspace.planExitCode()).code).toBe(0);
  });

  test('creating a parameter whose name is taken fails and says how to import it', async () => {
    await fixture.workspace.expect(['state', 'rm', ADDRESS]);
    const result = await fixture.workspace.run(['apply', '-auto-approve', '-input=false', '-no-color']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Secret parameter already exists');
    expect(result.stderr).toContain('terraform import');
  });

  test('importing a name that does not exist fails naming the region', async () => {
    const result = await fixture.workspace.run(['import', '-input=false', '-no-color', ADDRESS, 'no-such-parameter']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot import a secret parameter that does not exist');
  });
});

describe('a chat configuration reading an oos_secret_parameter of the same configuration', () => {
  let fixture: OosFixture;
  const config = (version: number) => {
    const base = parameterConfig(version);
    const bot = {
      name: 'param-bot',
      type: 'DingTalk',
      template_id: 'tpl',
      client_id: 'cid',
      client_secret_parameter: '${oos_secret_parameter.ops.name}',
      client_secret_parameter_version: '${oos_secret_parameter.ops.parameter_version}',
    };
    return { ...base, resource: { ...base.resource, oos_chat_configuration: { bot } } };
  };

  beforeAll(async () => {
    fixture = await startOosFixture();
    fixture.workspace.writeConfig(config(1));
    await fixture.workspace.init();
  });
  afterAll(async () => fixture?.dispose());

  test('is created after the parameter with its value, and a rotation reaches it in the same apply', async () => {
    await fixture.workspace.expect(APPLY, 0, { TF_VAR_parameter_value: FIRST_VALUE });
    expect(fixture.cloudData()).toMatch(new RegExp(`DingTalkClientSecret[^,}]*${FIRST_VALUE}`));
    expect(valuesOf(await fixture.workspace.state(), 'oos_chat_configuration.bot').client_secret_parameter_version).toBe(1);

    fixture.workspace.writeConfig(config(2));
    await fixture.workspace.expect(APPLY, 0, { TF_VAR_parameter_value: SECOND_VALUE });
    expect(fixture.cloudData()).toMatch(new RegExp(`DingTalkClientSecret[^,}]*${SECOND_VALUE}`));
    expect(valuesOf(await fixture.workspace.state(), 'oos_chat_configuration.bot')).toMatchObject({
      client_secret_parameter: 'ops-bot-secret',
      client_secret_parameter_version: 2,
    });
    expect(
      (await fixture.workspace.expect(['plan', '-detailed-exitcode', '-input=false', '-no-color'], 0, { TF_VAR_parameter_value: SECOND_VALUE })).code,
    ).toBe(0);
  });
});
