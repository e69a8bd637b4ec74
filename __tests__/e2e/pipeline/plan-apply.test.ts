/**
 * The reviewed-plan pipeline end to end, as two CI runners would run it: `npm run plan` in one
 * fresh clone, `npm run apply` of the uploaded plan file in another fresh clone in another folder
 * (each installed with its own `npm ci`), state in a real PostgreSQL, the emulator as OOS. The
 * tests are one story and run in order.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Checkout, PipelineFixture, WECHAT_SECRET, startPipeline } from './support/pipeline';

let pipeline: PipelineFixture;
let planner: Checkout;
let applier: Checkout;
const out = (name: string) => join(planner.dir, 'plan-out', name);
const stateSerial = () => pipeline.postgres.sql(`select data::json->>'serial' from chatops_dev.states where name = 'default'`).trim();

beforeAll(async () => {
  pipeline = await startPipeline();
  planner = pipeline.checkout();
  applier = pipeline.checkout();
  await Promise.all([pipeline.install(planner), pipeline.install(applier)]);
}, 600_000);
afterAll(async () => pipeline?.dispose());

// dev targets the emulator only: with real-looking keys in the shell and no emulator endpoint, the
// plan fails at provider configuration, before any call, saying what to start.
describe('dev never reaches real OOS', () => {
  test('npm run plan -- dev without ALIBABA_CLOUD_OOS_ENDPOINT fails before any call, naming npm run emulator', async () => {
    const result = await pipeline.run(planner, 'plan', ['dev'], {
      ALIBABA_CLOUD_OOS_ENDPOINT: '',
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIrealLookingKey01',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'real-looking-secret',
    });
    expect(result.code).toBe(1);
    const output = result.output.replace(/[│\s]+/g, ' ');
    expect(output).toMatch(/Invalid oos provider configuration/);
    expect(output).toMatch(/emulator_only = true .*no endpoint is set.*real OOS.*npm run emulator/);
    expect(await pipeline.configurationNames()).toEqual([]);
  });

  test('an endpoint that is not this machine is refused the same way', async () => {
    const result = await pipeline.run(planner, 'plan', ['dev'], { ALIBABA_CLOUD_OOS_ENDPOINT: 'https://oos.cn-hangzhou.aliyuncs.com' });
    expect(result.code).toBe(1);
    expect(result.output.replace(/[│\s]+/g, ' ')).toMatch(/"https:\/\/oos\.cn-hangzhou\.aliyuncs\.com" is .*not on this machine/);
  });
});

describe('npm run plan / npm run apply across two checkouts with PostgreSQL state', () => {
  test('a plan made in one checkout is applied from its plan file in another checkout, state in PostgreSQL', async () => {
    const plan = await pipeline.run(planner, 'plan', ['dev', '--out', out('first')]);
    expect(plan.code).toBe(2);
    for (const file of ['plan.tfplan', 'plan.json', 'summary.md']) expect(existsSync(join(out('first'), file))).toBe(true);
    expect(readFileSync(join(out('first'), 'summary.md'), 'utf8')).toContain(
      '| **Plan: 2 to add, 0 to change, 0 to destroy.** | 2 to create, 0 to update in place, 0 to replace, 0 to destroy',
    );

    const apply = await pipeline.run(applier, 'apply', ['dev', join(out('first'), 'plan.tfplan')]);
    expect(apply.output).toContain('applied dev');
    expect(apply.code).toBe(0);
    expect(applier.dir).not.toBe(planner.dir);
    expect(await pipeline.configurationNames()).toEqual(['dev-alerts-wechat', 'dev-ops-dingtalk']);
    expect(pipeline.postgres.sql(`select count(*) from chatops_dev.states`).trim()).toBe('1');
  });

  test('the secret of the ephemeral variable is in no file the pipeline wrote nor in the PostgreSQL state', () => {
    const written = ['plan.json', 'summary.md'].map((file) => readFileSync(join(out('first'), file), 'utf8')).join('\n');
    expect(written).not.toContain(WECHAT_SECRET);
    expect(pipeline.postgres.sql(`select data from chatops_dev.states`)).not.toContain(WECHAT_SECRET);
  });

  test('planning again finds no changes: exit 0', async () => {
    const plan = await pipeline.run(planner, 'plan', ['dev', '--out', out('again')]);
    expect(plan.code).toBe(0);
    expect(readFileSync(join(out('again'), 'summary.md'), 'utf8')).toContain('**No changes.**');
  });

  test('apply refuses, before terraform runs, when an ephemeral variable is not set again, naming it and why', async () => {
    planner.edit(`tags: { Team: 'sre' }`, `tags: { Team: 'sre', Pager: 'on' }`);
    applier.syncFrom(planner);
    expect((await pipeline.run(planner, 'plan', ['dev', '--out', out('tag')])).code).toBe(2);
    const serial = stateSerial();
    const apply = await pipeline.run(applier, 'apply', ['dev', join(out('tag'), 'plan.tfplan')], { TF_VAR_dev_alerts_wechat_secret: undefined });
    expect(apply.code).toBe(1);
    expect(apply.output).toContain('missing TF_VAR_dev_alerts_wechat_secret');
    expect(apply.output).toContain('never written to the plan file');
    expect(apply.output).not.toContain('terraform apply');
    expect(stateSerial()).toBe(serial);
  });

  test('two applies of one plan at once: one applies, the other is stopped by the PostgreSQL lock (or finds the plan stale); state intact', async () => {
    const serial = Number(stateSerial());
    // The planner's clone is the second runner: it holds the same commit as the applier.
    const plan = join(out('tag'), 'plan.tfplan');
    const results = await Promise.all([pipeline.run(applier, 'apply', ['dev', plan]), pipeline.run(planner, 'apply', ['dev', plan])]);
    const codes = results.map((result) => result.code).sort();
    expect(codes).toEqual([0, 1]);
    const loser = results.find((result) => result.code === 1)?.output ?? '';
    expect(loser).toMatch(/refused: another run holds the state lock of dev|refused: .* is stale/);
    expect(loser).toContain('Nothing was applied');
    expect(Number(stateSerial())).toBe(serial + 1);
    const state = JSON.parse(pipeline.postgres.sql(`select data from chatops_dev.states where name = 'default'`)) as { resources: unknown[] };
    expect(state.resources).toHaveLength(2);
    expect(await pipeline.configurationNames()).toEqual(['dev-alerts-wechat', 'dev-ops-dingtalk']);
  });

  test('a stale plan is refused with what to do; nothing is applied', async () => {
    const serial = stateSerial();
    const apply = await pipeline.run(applier, 'apply', ['dev', join(out('first'), 'plan.tfplan')]);
    expect(apply.code).toBe(1);
    expect(apply.output).toContain('is stale. The state of dev changed since this plan was made');
    expect(apply.output).toContain('Plan again (npm run plan -- dev)');
    expect(stateSerial()).toBe(serial);
  });

  test('a policy violation exits 3, names stack, configuration, rule and fix, and leaves no plan file to apply', async () => {
    const violating = planner;
    const reviewed = violating.read('main.ts');
    violating.edit(
      /(\n\s*\/\/ ── staging)/,
      `\n  dev.addChatConfiguration('stray', { name: 'stray-bot', platform: Platform.weChat({ settings: { CorpId: 'wwx', AgentId: '1' } }) });$1`,
    );
    const plan = await pipeline.run(violating, 'plan', ['dev', '--out', join(violating.dir, 'plan-out', 'dev')]);
    expect(plan.code).toBe(3);
    expect(plan.output).toContain('POLICY VIOLATION [name-starts-with-environment] dev: stray-bot');
    expect(plan.output).toContain('Fix: Rename it to "dev-stray-bot"');
    expect(violating.read('plan-out/dev/summary.md')).toContain('name-starts-with-environment');
    expect(violating.exists('plan-out/dev/plan.tfplan')).toBe(false);
    const policy = await pipeline.run(violating, 'policy', [join(violating.dir, 'plan-out', 'dev', 'plan.json'), '--stack', 'dev']);
    expect(policy.code).toBe(3);
    expect(await pipeline.configurationNames()).not.toContain('stray-bot');
    writeFileSync(join(violating.dir, 'main.ts'), reviewed);
  });

  test('a rotation (Secret.fromVariable version bump) shows as a version change, then applies from the other checkout', async () => {
    planner.edit(`'dev_alerts_wechat_secret', { version: 1 }`, `'dev_alerts_wechat_secret', { version: 2 }`);
    applier.syncFrom(planner);
    const plan = await pipeline.run(planner, 'plan', ['dev', '--out', out('rotation')]);
    expect(plan.code).toBe(2);
    const summary = readFileSync(join(out('rotation'), 'summary.md'), 'utf8');
    expect(summary).toContain('client secret: new version `1` → `2` (write-only `client_secret_wo`)');
    expect(summary).not.toContain(WECHAT_SECRET);
    expect((await pipeline.run(applier, 'apply', ['dev', join(out('rotation'), 'plan.tfplan')])).code).toBe(0);
  });

  test('a rename shows as a replacement with the webhook warning; prod policies would block it unless allowed for the run', async () => {
    planner.edit(`dev.addChatConfiguration('alerts-wechat', {`, `dev.addChatConfiguration('alerts-wechat', {\n    name: 'dev-alerts-wecom',`);
    const plan = await pipeline.run(planner, 'plan', ['dev', '--out', out('rename')]);
    expect(plan.code).toBe(2);
    const summary = readFileSync(join(out('rename'), 'summary.md'), 'utf8');
    expect(summary).toContain('♻️ Replace');
    expect(summary).toContain('must be registered again in DingTalk/WeChat');
    expect(summary).toContain('`dev-alerts-wechat` → `dev-alerts-wecom`');

    const planJson = join(out('rename'), 'plan.json');
    const strict = await pipeline.run(planner, 'policy', [planJson, '--stack', 'prod']);
    expect(strict.code).toBe(3);
    expect(strict.output).toContain('POLICY VIOLATION [no-replace-or-destroy] prod');
    const allowed = await pipeline.run(planner, 'policy', [planJson, '--stack', 'prod', '--allow-destructive']);
    expect(allowed.output).toContain('policy warning [no-replace-or-destroy] prod');
    expect(allowed.output).not.toContain('POLICY VIOLATION [no-replace-or-destroy]');
  });
});
