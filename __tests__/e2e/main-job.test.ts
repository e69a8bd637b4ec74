/**
 * The main job end to end: `node dist/scripts/start.js` against the emulator with the real
 * terraform binary, then an edit that must plan as an in-place update, apply, and destroy.
 * Needs `npm run build` first (npm test does it) and terraform >= 1.11 on PATH.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PACKAGE_ROOT } from '../../lib/tooling';
import type { MainJobOptions, MainJobResult } from '../../lib/tooling/main-job';
import type { BuildOptions } from '../../main';

const START_SCRIPT = path.join(PACKAGE_ROOT, 'dist', 'scripts', 'start.js');
const COMPILED_JOB = path.join(PACKAGE_ROOT, 'dist', 'lib', 'tooling', 'main-job.js');
const COMPILED_APP = path.join(PACKAGE_ROOT, 'dist', 'main.js');
type Stacks = Parameters<NonNullable<BuildOptions['customize']>>[0];
const EDITED_ROLE = 'ChatOpsOperator';

/** The compiled job with the compiled app, the same code `npm start` runs. */
function mainJob(): (options: MainJobOptions<Stacks>) => Promise<MainJobResult> {
  if (!fs.existsSync(COMPILED_JOB)) throw new Error(`${COMPILED_JOB} is missing: run "npm run build" before this test`);
  const { runMainJob } = require(COMPILED_JOB) as typeof import('../../lib/tooling/main-job');
  const { buildApp } = require(COMPILED_APP) as typeof import('../../main');
  return (options) => runMainJob(buildApp, options);
}

function npmStart(cwd: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [START_SCRIPT], { cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm start', () => {
  let workDir: string;
  let localDir: string;
  let outdir: string;
  let firstUrls: Record<string, string>;
  const quiet = { log: () => undefined };
  const editRole: MainJobOptions<Stacks>['customize'] = (stacks) => {
    stacks.dev.chatConfigurations.find((c) => c.name === 'dev-ops-dingtalk')!.resource.ramRole = EDITED_ROLE;
  };

  beforeAll(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'main-job-'));
    localDir = path.join(workDir, '.chatops');
    outdir = path.join(workDir, 'cdktf.out');
  });

  afterAll(() => {
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  test('deploys dev to the emulator and prints the webhook URLs', () => {
    const { status, output } = npmStart(workDir);
    expect(output).toContain('[1/6] starting the OOS emulator');
    expect(output).toContain('Apply complete! Resources: 2 added');
    expect(output).toMatch(/dev-ops-dingtalk\s+DingTalk\s+https:\/\/\S+/);
    expect(output).toMatch(/dev-alerts-wechat\s+WeChat\s+https:\/\/\S+/);
    expect(status).toBe(0);
  });

  test('keeps state in .chatops, without any secret', () => {
    const state = fs.readFileSync(path.join(localDir, 'state', 'dev.tfstate'), 'utf8');
    expect(JSON.parse(state).resources).toHaveLength(2);
    expect(state).not.toMatch(/dev-[0-9a-f]{24}/); // the shape of the seeded dev secrets
    expect(state).not.toContain('emulator-secret-not-for-production');
  });

  test('a second run finds no changes', () => {
    const { status, output } = npmStart(workDir);
    expect(output).toContain('No changes.');
    expect(status).toBe(0);
  });

  test('editing a configuration plans an in-place update', async () => {
    const { plannedChanges } = await mainJob()({ localDir, outdir, mode: 'plan', customize: editRole, ...quiet });
    const byAddress = Object.fromEntries((plannedChanges ?? []).map((c) => [c.address, c]));
    expect(byAddress['oos_chat_configuration.ops-dingtalk'].actions).toEqual(['update']);
    expect(byAddress['oos_chat_configuration.ops-dingtalk'].after).toEqual(expect.objectContaining({ ram_role: EDITED_ROLE }));
    expect(byAddress['oos_chat_configuration.alerts-wechat'].actions).toEqual(['no-op']);
  });

  test('applying the edit keeps the configuration and its webhook URL', async () => {
    const before = await mainJob()({ localDir, outdir, ...quiet });
    firstUrls = before.webhookUrls;
    const lines: string[] = [];
    const after = await mainJob()({ localDir, outdir, customize: editRole, log: (l) => lines.push(l) });
    expect(lines.join('\n')).toContain('Resources: 0 added, 1 changed, 0 destroyed');
    expect(after.webhookUrls).toEqual(firstUrls);
  });

  test('destroy removes every configuration', async () => {
    await mainJob()({ localDir, outdir, mode: 'destroy', customize: editRole, ...quiet });
    const state = JSON.parse(fs.readFileSync(path.join(localDir, 'state', 'dev.tfstate'), 'utf8'));
    expect(state.resources).toEqual([]);
  });

  test('fails with a clear message when terraform cannot run', async () => {
    await expect(mainJob()({ localDir, outdir, terraform: path.join(workDir, 'no-terraform'), ...quiet })).rejects.toThrow(
      /could not run .*no-terraform (init|apply): .*set TERRAFORM_BINARY/,
    );
  });
});
