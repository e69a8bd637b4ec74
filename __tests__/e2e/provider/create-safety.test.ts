/**
 * The create path under faults (issue 8): a configuration that OOS made is never lost from state,
 * never owned by a state that did not make it, and bad input fails at plan, before anything exists.
 */
import { OosFixture, startInitializedOosFixture } from '../support/oos-fixture';
import { chatBots } from '../support/chat-bots';
import { valuesOf } from '../support/terraform-workspace';

const APPLY = ['apply', '-auto-approve', '-input=false', '-no-color'];

describe('creates under faults', () => {
  let fixture: OosFixture;

  beforeEach(async () => {
    fixture = await startInitializedOosFixture();
  });
  afterEach(async () => fixture?.dispose());

  test('a failure after Create (tagging throttled, no retries) keeps every configuration in state, untainted; the next apply repairs them in place', async () => {
    const names = ['orphan-0', 'orphan-1', 'orphan-2', 'orphan-3', 'orphan-4'];
    fixture.workspace.writeConfig(chatBots(names, { max_retries: 0 }));
    fixture.emulator.setFaults({ throttlingRate: 1, actions: ['TagResources'] });
    const interrupted = await fixture.workspace.run(APPLY);
    // A warning, not an error: Terraform would taint (and the next apply replace) a create that failed.
    expect(interrupted.code).toBe(0);
    const output = (interrupted.stdout + interrupted.stderr).replace(/\s+/g, ' ');
    expect(output).toMatch(/Chat configuration "orphan-\d" was created but not finished/);
    expect(output).toMatch(/Tagging chat configuration "orphan-\d" failed: .*Throttling\.User/);
    // All five exist in OOS and all five are in state, none tainted, so none is an orphan.
    expect((await fixture.client.listChatConfigurations()).map((c) => c.name).sort()).toEqual(names);
    const state = await fixture.workspace.state();
    expect(state.values?.root_module.resources?.map((r) => r.values.name).sort()).toEqual(names);
    expect(JSON.stringify(state)).not.toMatch(/"tainted":\s*true/);

    fixture.emulator.setFaults({});
    const plan = await fixture.workspace.planView();
    expect(plan.resourceChanges.map((change) => change.actions.join('+'))).toEqual(names.map(() => 'update'));
    const converged = await fixture.workspace.run([...APPLY, 'plan.tfplan']);
    expect(converged.stderr + converged.stdout).not.toMatch(/already exists/);
    expect(converged.code).toBe(0);
    expect(await fixture.client.getChatConfigurationTags('orphan-3')).toEqual({ Team: 'sre' });
    expect((await fixture.workspace.planExitCode()).code).toBe(0);
  });

  test('a retry after Throttling that meets a configuration another state made is refused, never adopted', async () => {
    // Another state (or a person) made the same name with the same fields just now.
    await fixture.client.createChatConfiguration({
      name: 'contested',
      type: 'DingTalk',
      configuration: { DingTalkTemplateId: 'tpl', DingTalkClientId: 'cid-0' },
    });
    fixture.workspace.writeConfig(chatBots(['contested']));
    // Exactly our first attempt is throttled (not carried out); the retry then meets the other one.
    fixture.emulator.setFaults({ throttlingRate: 1, actions: ['CreateChatConfiguration'], maxFaults: 1 });
    const result = await fixture.workspace.run(APPLY);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/already exists in region cn-hangzhou,\s+and it was not created by this Terraform working directory/);
    expect((await fixture.workspace.state()).values?.root_module.resources ?? []).toEqual([]);
  });

  test('a Create whose answer was lost is adopted by its retry: the configuration carries this folder’s token', async () => {
    fixture.workspace.writeConfig(chatBots(['lost-answer']));
    fixture.emulator.setFaults({ lostResponseRate: 1, actions: ['CreateChatConfiguration'], maxFaults: 1 });
    await fixture.workspace.apply();
    fixture.emulator.setFaults({});
    expect(valuesOf(await fixture.workspace.state(), 'oos_chat_configuration.lost_answer').webhook_url).toMatch(/^https:\/\//);
    expect((await fixture.workspace.planExitCode()).code).toBe(0);
  });

  test('a malformed Get after Create is a warning naming the action, the field and the RequestId; the configuration stays in state and the next apply reads it', async () => {
    fixture.workspace.writeConfig(chatBots(['malformed-get']));
    fixture.emulator.setFaults({ malformedRate: 1, actions: ['GetChatConfiguration'] });
    const result = await fixture.workspace.run(APPLY);
    fixture.emulator.setFaults({});
    expect(result.code).toBe(0);
    const output = (result.stdout + result.stderr).replace(/\s+/g, ' ');
    expect(output).toMatch(/was created but not finished/);
    expect(output).toMatch(/GetChatConfiguration.*ChatConfiguration.*RequestId/);
    expect(output).not.toMatch(/webhook_url = null|created_date = ""/);
    expect(valuesOf(await fixture.workspace.state(), 'oos_chat_configuration.malformed_get').name).toBe('malformed-get');
    expect((await fixture.workspace.run(APPLY)).code).toBe(0);
    expect(valuesOf(await fixture.workspace.state(), 'oos_chat_configuration.malformed_get').webhook_url).toMatch(/^https:\/\//);
    expect((await fixture.workspace.planExitCode()).code).toBe(0);
  });

  test('a timeouts block bounds the retries of one operation', async () => {
    fixture.workspace.writeConfig(chatBots(['impatient'], {}, { timeouts: { create: '2s' } }));
    fixture.emulator.setFaults({ throttlingRate: 1, actions: ['CreateChatConfiguration'] });
    const started = Date.now();
    const result = await fixture.workspace.run(APPLY);
    fixture.emulator.setFaults({});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Throttling\.User/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('checks at plan time, before anything is created', () => {
  let fixture: OosFixture;

  beforeAll(async () => {
    fixture = await startInitializedOosFixture();
  });
  afterAll(async () => fixture?.dispose());

  const plan = () => fixture.workspace.run(['plan', '-input=false', '-no-color']);

  test('tags plus the provider default_tags over 20 keys fail at plan, naming tags and default_tags', async () => {
    const defaults = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`Default${i}`, 'x']));
    const own = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`Own${i}`, 'y']));
    fixture.workspace.writeConfig(chatBots(['too-many-tags'], { default_tags: defaults }, { tags: own }));
    const result = await plan();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Invalid tags/);
    expect(result.stderr).toMatch(/21 tags given; OOS allows at most 20/);
    expect(result.stderr).toMatch(/default_tags/);
    expect(await fixture.client.listChatConfigurations()).toEqual([]);
  });

  test('a default_tags key with a reserved prefix fails at validation, naming default_tags', async () => {
    fixture.workspace.writeConfig(chatBots(['reserved-default'], { default_tags: { 'aliyun:owner': 'me' } }));
    const result = await plan();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/default_tags/);
    expect(result.stderr).toMatch(/reserved prefix "aliyun"/);
  });

  test('a configuration over 16 KiB fails at plan naming extra_configuration; one just inside the limit is created', async () => {
    fixture.workspace.writeConfig(chatBots(['too-large'], {}, { extra_configuration: { Notes: 'n'.repeat(17_000) } }));
    const tooLarge = await plan();
    expect(tooLarge.code).toBe(1);
    expect(tooLarge.stderr).toMatch(/Configuration too large/);
    expect(tooLarge.stderr).toMatch(/extra_configuration/);

    fixture.workspace.writeConfig(chatBots(['just-inside'], {}, { extra_configuration: { Notes: 'n'.repeat(16_200) } }));
    await fixture.workspace.apply();
    expect((await fixture.client.getChatConfiguration('just-inside')).configuration.Notes).toHaveLength(16_200);
  });

  test('client_secret is refused with a pointer to client_secret_wo and client_secret_parameter', async () => {
    fixture.workspace.writeConfig(chatBots(['plain-secret'], {}, { client_secret: 'do-not-store-me' }));
    const result = await plan();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/client_secret is not supported/);
    expect(result.stderr).toMatch(/client_secret_wo .*client_secret_parameter/s);
    // Terraform quotes the offending source line itself; nothing else may repeat the value.
    const withoutSourceSnippet = (result.stdout + result.stderr).replace(/^\s*\d+:.*$/gm, '');
    expect(withoutSourceSnippet).not.toContain('do-not-store-me');
  });
});
