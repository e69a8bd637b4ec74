/**
 * Client secrets with the real terraform binary: write-only rotation through a version bump, rotation
 * of an OOS secret parameter, and a scan proving the secret never reaches files, plans, state or logs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../../../lib/pipeline';
import { OosFixture, startOosFixture } from '../support/oos-fixture';
import { actionsFor, providerConfig, valuesOf } from '../support/terraform-workspace';

const FIRST_SECRET = 'wo-secret-Alpha-7f3k';
const SECOND_SECRET = 'wo-secret-Bravo-9q2m';
const PARAMETER_SECRET_V1 = 'param-secret-Charlie-1x8z';
const PARAMETER_SECRET_V2 = 'param-secret-Delta-4t6w';

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

function writeOnlyConfig(version: number) {
  return {
    ...providerConfig(),
    variable: { client_secret: { type: 'string', sensitive: true, ephemeral: true } },
    resource: {
      oos_chat_configuration: {
        bot: {
          name: 'secret-bot',
          type: 'DingTalk',
          template_id: 'tpl',
          client_id: 'cid',
          client_secret_wo: '${var.client_secret}',
          client_secret_wo_version: version,
        },
      },
    },
  };
}

describe('write-only client secret', () => {
  let fixture: OosFixture;
  afterAll(async () => fixture?.dispose());

  test('bumping client_secret_wo_version pushes the new secret in place, and no secret leaks anywhere', async () => {
    fixture = await startOosFixture({ TF_VAR_client_secret: FIRST_SECRET, TF_LOG: 'trace', TF_LOG_PATH: 'trace.log' });
    const workspace = fixture.workspace;
    workspace.writeConfig(writeOnlyConfig(1));
    await workspace.init();
    const firstApply = await workspace.apply();
    expect(firstApply.stdout).toMatch(/client_secret_wo\s+= \(write-only attribute\)/);
    expect(fixture.cloudData()).toContain(FIRST_SECRET);

    workspace.writeConfig(writeOnlyConfig(2));
    const planOutput = await workspace.expect(['plan', '-input=false', '-no-color', '-out=rotate.tfplan'], 0, { TF_VAR_client_secret: SECOND_SECRET });
    const planJson = await workspace.expect(['show', '-json', 'rotate.tfplan']);
    expect(actionsFor(parsePlan(planJson.stdout), 'oos_chat_configuration.bot')).toEqual(['update']);
    const secondApply = await workspace.expect(['apply', '-input=false', '-no-color', 'rotate.tfplan'], 0, { TF_VAR_client_secret: SECOND_SECRET });

    const cloud = fixture.cloudData();
    expect(cloud).toContain(SECOND_SECRET);
    expect(cloud).not.toContain(FIRST_SECRET);

    // The leak scan: every artefact a user or CI keeps.
    const artefacts: Record<string, string> = {
      'main.tf.json': workspace.readFile('main.tf.json'),
      'apply output': firstApply.stdout + firstApply.stderr + secondApply.stdout + secondApply.stderr,
      'plan output': planOutput.stdout + planOutput.stderr,
      'show -json of the plan': planJson.stdout,
      'terraform.tfstate': workspace.readFile('terraform.tfstate'),
      'TF_LOG=trace log': readFileSync(join(workspace.dir, 'trace.log'), 'utf8'),
    };
    expect(artefacts['TF_LOG=trace log'].length).toBeGreaterThan(10_000);
    for (const [name, text] of Object.entries(artefacts)) {
      expect({ name, first: occurrences(text, FIRST_SECRET), second: occurrences(text, SECOND_SECRET) }).toEqual({ name, first: 0, second: 0 });
    }
  });
});

describe('secret parameter', () => {
  let fixture: OosFixture;

  beforeAll(async () => {
    fixture = await startOosFixture();
    await fixture.client.createSecretParameter('ops-bot-secret', PARAMETER_SECRET_V1);
    fixture.workspace.writeConfig({
      ...providerConfig(),
      resource: {
        oos_chat_configuration: {
          bot: { name: 'param-bot', type: 'DingTalk', template_id: 'tpl', client_id: 'cid', client_secret_parameter: 'ops-bot-secret' },
        },
      },
    });
    await fixture.workspace.init();
  });
  afterAll(async () => fixture?.dispose());

  test('apply reads the parameter and stores only its version in state', async () => {
    await fixture.workspace.apply();
    expect(fixture.cloudData()).toContain(PARAMETER_SECRET_V1);
    const values = valuesOf(await fixture.workspace.state(), 'oos_chat_configuration.bot');
    expect(values.client_secret_parameter_version).toBe(1);
    expect(fixture.workspace.readFile('terraform.tfstate')).not.toContain(PARAMETER_SECRET_V1);
    expect((await fixture.workspace.planExitCode()).code).toBe(0);
  });

  test('a new parameter version shows as an update in the next plan and apply pushes it', async () => {
    await fixture.client.updateSecretParameter('ops-bot-secret', PARAMETER_SECRET_V2);
    const plan = await fixture.workspace.planView();
    expect(actionsFor(plan, 'oos_chat_configuration.bot')).toEqual(['update']);
    expect(JSON.stringify(plan)).not.toContain(PARAMETER_SECRET_V2);

    await fixture.workspace.apply();
    expect(fixture.cloudData()).toMatch(new RegExp(`DingTalkClientSecret[^,}]*${PARAMETER_SECRET_V2}`));
    expect(valuesOf(await fixture.workspace.state(), 'oos_chat_configuration.bot').client_secret_parameter_version).toBe(2);
    expect(fixture.workspace.readFile('terraform.tfstate')).not.toContain(PARAMETER_SECRET_V2);
  });

  test('a missing secret parameter fails the plan naming the argument', async () => {
    await fixture.client.deleteSecretParameter('ops-bot-secret');
    const result = await fixture.workspace.run(['plan', '-input=false', '-no-color']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Secret parameter not found');
    expect(result.stderr).toContain('client_secret_parameter');
  });
});
