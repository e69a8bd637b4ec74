/**
 * Issue 17, part 1, end to end: the emulator holds dev's own bots plus five made with Alibaba's
 * official client; `npm run adopt -- dev` in a fresh clone (its own `npm ci`) offers exactly those
 * five; its output pasted after dev's stack line in main.ts, with the secrets it names created, makes
 * `npm run plan -- dev` import the five (terraform: "5 to import, 0 to add, … 0 to destroy", exit 2);
 * `npm run apply` of that plan, then the next plan exits 0, and the five keep their role, template
 * and client ids, resource group and tags in OOS. The tests are one story and run in order.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emulatorClient } from '../../../lib/tooling';
import { OosClient } from '../../../lib/oos';
import { CONSOLE_BOTS, CONSOLE_SECRETS, createConsoleBots } from '../support/console-bots';
import { Checkout, PipelineFixture, startPipeline } from './support/pipeline';

let pipeline: PipelineFixture;
let checkout: Checkout;
let oos: OosClient;
let statements = '';
const out = (name: string) => join(checkout.dir, 'plan-out', name);
const DEV_STACK_LINE = `const dev = new ChatOpsStack(app, 'dev', env.dev);\n`;

beforeAll(async () => {
  pipeline = await startPipeline();
  checkout = pipeline.checkout();
  oos = emulatorClient(pipeline.emulator.url);
  await pipeline.install(checkout);
}, 600_000);
afterAll(async () => pipeline?.dispose());

/** `npm run adopt` in the clone with stdout and stderr apart: stdout must be only the statements. */
function adopt(args: readonly string[], env: NodeJS.ProcessEnv = pipeline.env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'adopt', '--', ...args], { cwd: checkout.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('npm run adopt -- dev, then plan and apply the adopted bots', () => {
  test('dev’s own bots are applied, then five bots are made in the console with the official client', async () => {
    const plan = await pipeline.run(checkout, 'plan', ['dev', '--out', out('own')]);
    expect(plan.code).toBe(2);
    expect((await pipeline.run(checkout, 'apply', ['dev', join(out('own'), 'plan.tfplan')])).code).toBe(0);
    await createConsoleBots(pipeline.emulator);
    expect(await pipeline.configurationNames()).toEqual([...CONSOLE_BOTS.map((bot) => bot.name), 'dev-alerts-wechat', 'dev-ops-dingtalk'].sort());
  }, 300_000);

  test('adopt offers exactly the five, as statements on stdout (the same as --out writes) and progress on stderr, never a secret', async () => {
    const printed = await adopt(['dev']);
    expect(printed.code).toBe(0);
    statements = printed.stdout;
    const offered = [...statements.matchAll(/^ {2}dev\.addChatConfiguration\('[^']+', \{\n {4}name: '([^']+)'/gm)].map((match) => match[1]);
    expect(offered.sort()).toEqual(CONSOLE_BOTS.map((bot) => bot.name).sort());
    expect(printed.stderr).toContain('already managed by dev: dev-alerts-wechat, dev-ops-dingtalk');
    expect(printed.stderr).toContain('5 to adopt into dev');
    for (const secret of CONSOLE_SECRETS) expect(printed.stdout + printed.stderr).not.toContain(secret);

    const written = await adopt(['dev', '--out', 'adopted.ts']);
    expect(written.stdout).toBe('');
    expect(checkout.read('adopted.ts')).toBe(statements);
  });

  test('adopt refuses an unknown stack or platform, naming what it takes', async () => {
    const result = await adopt(['qa']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown stack "qa": expected one of dev, staging, prod.');
    expect(result.stdout).toBe('');
    const platform = await adopt(['dev', '--type', 'Slack']);
    expect(platform.code).toBe(1);
    expect(platform.stderr).toContain('--type "Slack" is not one of DingTalk, WeChat (case-sensitive).');
  });

  test('pasted after dev’s stack line, with the secrets it names created, the plan imports the five: exit 2', async () => {
    checkout.edit(DEV_STACK_LINE, DEV_STACK_LINE + statements);
    const parameters = [...statements.matchAll(/clientSecret: Secret\.fromSecretParameter\('([^']+)'\)/g)].map((match) => match[1]);
    expect(parameters).toHaveLength(4); // three DingTalk bots and the WeChat bot that has a secret
    for (const [index, name] of parameters.entries()) await oos.createSecretParameter(name, `adopted-secret-${index}`, 'the team provides it');

    const plan = await pipeline.run(checkout, 'plan', ['dev', '--out', out('adopt')]);
    expect(plan.output).toMatch(/Plan: 5 to import, 0 to add, \d+ to change, 0 to destroy\./);
    expect(plan.code).toBe(2);
    // The summary shows terraform's own count beside the breakdown by kind.
    const terraformLine = /Plan: 5 to import, 0 to add, (\d+) to change, 0 to destroy\./.exec(plan.output)?.[0];
    expect(readFileSync(join(out('adopt'), 'summary.md'), 'utf8')).toContain(`| **${terraformLine}** | 0 to create, `);
  }, 300_000);

  test('apply of that plan, then the next plan finds no changes: exit 0', async () => {
    const apply = await pipeline.run(checkout, 'apply', ['dev', join(out('adopt'), 'plan.tfplan')]);
    expect(apply.code).toBe(0);
    const again = await pipeline.run(checkout, 'plan', ['dev', '--out', out('again')]);
    expect(again.code).toBe(0);
  }, 300_000);

  test('the five keep their role, resource group, template and client ids and tags in OOS, and get the stack’s tags', async () => {
    for (const bot of CONSOLE_BOTS) {
      const remote = await oos.getChatConfiguration(bot.name);
      const keys = bot.type === 'DingTalk' ? ['DingTalkTemplateId', 'DingTalkClientId'] : ['WeChatClientId', 'CorpId', 'AgentId'];
      expect({ name: remote.name, type: remote.type, ramRole: remote.ramRole, resourceGroupId: remote.resourceGroupId }).toEqual({
        name: bot.name,
        type: bot.type,
        ramRole: bot.ramRole,
        resourceGroupId: bot.resourceGroupId,
      });
      for (const key of keys) if (bot.configuration[key] !== undefined) expect(remote.configuration[key]).toBe(bot.configuration[key]);
      expect(await oos.getChatConfigurationTags(bot.name)).toEqual(expect.objectContaining({ ...bot.tags, Environment: 'dev', ManagedBy: 'cdktf' }));
    }
  });
});
