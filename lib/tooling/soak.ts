/**
 * Soak runs behind the reliability figures (issue 8): many applies of many chat configurations
 * against the emulator under faults, kills and races, each checked for convergence, orphans and
 * double ownership. Figures come from here (`npm run soak`, scripts/soak.ts), never from a one-off.
 *
 * Everything runs on this machine: an in-process emulator on 127.0.0.1 and the real terraform
 * with this package's provider.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHAT_CONFIGURATION_RESOURCE } from '../domain';
import { type FaultSettings, type RunningEmulator, startEmulator } from '../emulator';
import type { OosClient } from '../oos';
import { emulatorClient, emulatorClientEnvironment } from './emulator-client';
import { terraformBinary } from './terraform-cli';
import { TerraformWorkspace, oosProviderConfig } from './workspace';

/** The fault mix issue 8 names: every action, default provider settings. */
const FAULT_MIX: FaultSettings = { throttlingRate: 0.3, serverErrorRate: 0.1, dropRate: 0.05, lostResponseRate: 0.05 };
const RACE_FAULTS: FaultSettings = { throttlingRate: 0.5, actions: ['CreateChatConfiguration'] };
/** How long a provider may outlive its killed terraform before the soak counts it as left behind. */
const PROVIDER_EXIT_GRACE_MS = 3000;
/** How often the crash soak looks at OOS while it waits for its moment to kill. */
const KILL_POLL_MS = 25;

interface Verdict {
  readonly converged: boolean;
  /** Configurations in OOS that no state holds. */
  readonly orphans: number;
  /** Names held by more than one state. */
  readonly doubleOwners: number;
  /** State entries whose fields differ from OOS. */
  readonly mismatches: number;
  /** The plan after it all: true when it says "No changes". */
  readonly noChanges: boolean;
  readonly note: string;
}

export type SoakMode = 'faults' | 'crash' | 'race';

export interface SoakSettings {
  readonly modes: readonly SoakMode[];
  /** Runs of each soak; by default faults 10, crash 20 (40 when killing both), race 10. */
  readonly runs?: number;
  /** Chat configurations per run; by default 300, race 50. */
  readonly count?: number;
  /** What the crash soak kills; `both` alternates. */
  readonly kill: 'terraform' | 'provider' | 'both';
  /** Runs at once, each with its own emulator, folder and provider: fault runs mostly wait on the rate limiter, not the CPU. */
  readonly parallel: number;
}

/** Runs the soaks and returns their summary, printing a line per run. */
export async function runSoaks(settings: SoakSettings): Promise<Record<string, unknown>> {
  const { kill } = settings;
  const parallel = Math.max(1, settings.parallel);
  const summary: Record<string, unknown> = {};
  for (const current of settings.modes) {
    if (current === 'faults') summary.faults = await soak('faults', settings.runs ?? 10, parallel, (run) => faultRun(run, settings.count ?? 300));
    else if (current === 'crash') {
      summary.crash = await soak('crash', settings.runs ?? (kill === 'both' ? 40 : 20), parallel, (run) =>
        crashRun(run, settings.count ?? 300, kill === 'both' ? (run % 2 === 0 ? 'terraform' : 'provider') : kill),
      );
    } else summary.race = await soak('race', settings.runs ?? 10, parallel, (run) => raceRun(run, settings.count ?? 50));
  }
  return summary;
}

/** Runs `runs` soaks, `parallel` at a time (each has its own emulator, folder and provider, so they do not interfere). */
async function soak(name: string, runs: number, parallel: number, once: (run: number) => Promise<Verdict>) {
  const verdicts: Verdict[] = [];
  const runOne = async (run: number) => {
    const started = Date.now();
    const verdict = await once(run);
    verdicts.push(verdict);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `${name} ${run}/${runs}: ${verdict.converged && verdict.noChanges ? 'converged' : 'NOT CONVERGED'}; orphans ${verdict.orphans}, double owners ${verdict.doubleOwners}, mismatches ${verdict.mismatches}; ${verdict.note} (${seconds} s)\n`,
    );
  };
  for (let first = 1; first <= runs; first += parallel) {
    await Promise.all(Array.from({ length: Math.min(parallel, runs - first + 1) }, (_, i) => runOne(first + i)));
  }
  const count = (test: (verdict: Verdict) => boolean) => verdicts.filter(test).length;
  return {
    runs,
    converged: count((v) => v.converged && v.noChanges),
    orphans: verdicts.reduce((sum, v) => sum + v.orphans, 0),
    doubleOwners: verdicts.reduce((sum, v) => sum + v.doubleOwners, 0),
    mismatches: verdicts.reduce((sum, v) => sum + v.mismatches, 0),
  };
}

// ---- the three soaks ----------------------------------------------------------------------

/** 300 creates under the fault mix with default settings; then the faults stop and a plan must say "No changes". */
async function faultRun(run: number, count: number): Promise<Verdict> {
  return withEmulator({ faults: FAULT_MIX }, async (emulator, client) => {
    const workspace = await stateFolder(emulator, `soak-f${run}`, count, { owner: `soak/faults-${run}` });
    try {
      const applied = await workspace.run(['apply', '-auto-approve', '-input=false', '-no-color']);
      emulator.setFaults({});
      return await verify(client, [workspace], count, applied.code === 0, `apply exit ${applied.code}${firstError(applied.stdout + applied.stderr)}`);
    } finally {
      workspace.dispose();
    }
  });
}

/**
 * Kills terraform or the provider at a random moment of a 300-create apply in folder A, then runs
 * a plain apply from a fresh folder B (another CI runner) that shares A's state and stack owner.
 */
async function crashRun(run: number, count: number, target: 'terraform' | 'provider'): Promise<Verdict> {
  return withEmulator({}, async (emulator, client) => {
    const shared = mkdtempSync(join(tmpdir(), `soak-c${run}-state-`));
    const statePath = join(shared, 'terraform.tfstate');
    const stack = { owner: `soak/crash-${run}`, statePath };
    const runnerA = await stateFolder(emulator, `soak-c${run}`, count, stack);
    let runnerB: TerraformWorkspace | undefined;
    try {
      // A random moment of the creates: once OOS holds 1 to count-1 of them.
      const killed = await applyAndKill(runnerA, target, client, 1 + Math.floor(Math.random() * (count - 1)));
      // Terraform's local backend rewrites the state file in place, so a kill during that write
      // can leave it cut short; the operator's remedy is Terraform's own backup of the state.
      const truncated = existsSync(statePath) && !isJson(readFileSync(statePath, 'utf8'));
      if (truncated) writeFileSync(statePath, existsSync(`${statePath}.backup`) ? readFileSync(`${statePath}.backup`, 'utf8') : '');
      // Runner A is gone with its folder (its .terraform, a journal included); runner B starts fresh.
      runnerB = await stateFolder(emulator, `soak-c${run}`, count, stack);
      // What the kill left behind: configurations OOS has that the saved state does not know.
      const inOos = (await remoteNames(client)).size;
      const inState = (await stateNames(runnerB).catch(() => new Set<string>())).size;
      const second = await runnerB.run(['apply', '-auto-approve', '-input=false', '-no-color']);
      let note = `killed ${target} in folder A at ${killed.when} with ${inOos} in OOS, ${inState} in state; plain apply from fresh folder B`;
      if (truncated) note += ' (the kill cut the state file short: restored its .backup)';
      if (killed.survivors > 0) note += `, ${killed.survivors} PROVIDER(S) STILL RUNNING ${PROVIDER_EXIT_GRACE_MS} ms later`;
      let code = second.code;
      if (code !== 0 && /state lock/i.test(second.stdout + second.stderr)) {
        const lockId = /ID:\s+([0-9a-f-]{36})/.exec(second.stdout + second.stderr)?.[1];
        if (lockId) await runnerB.run(['force-unlock', '-force', lockId]);
        code = (await runnerB.run(['apply', '-auto-approve', '-input=false', '-no-color'])).code;
        note += ', force-unlock needed';
      }
      const imports = (second.stdout + second.stderr).match(/already exists/g)?.length ?? 0;
      if (imports > 0) note += `, ${imports} "already exists" (MANUAL IMPORTS NEEDED)`;
      // A provider left running after its terraform died counts against convergence: it may still create.
      const applied = code === 0 && killed.survivors === 0 && imports === 0;
      return await verify(client, [runnerB], count, applied, `${note}; re-apply exit ${code}${firstError(second.stdout + second.stderr)}`);
    } finally {
      runnerA.dispose();
      runnerB?.dispose();
      rmSync(shared, { recursive: true, force: true });
    }
  });
}

/** Two states apply the same names at once while Create is throttled half the time. */
async function raceRun(run: number, count: number): Promise<Verdict> {
  return withEmulator({ faults: RACE_FAULTS }, async (emulator, client) => {
    // Two stacks (two owners) declaring the same names: neither may adopt the other's configurations.
    const left = await stateFolder(emulator, `soak-r${run}`, count, { owner: `soak/race-${run}-left` });
    const right = await stateFolder(emulator, `soak-r${run}`, count, { owner: `soak/race-${run}-right` });
    try {
      const results = await Promise.all([left, right].map((w) => w.run(['apply', '-auto-approve', '-input=false', '-no-color'])));
      emulator.setFaults({});
      const conflicts = results.map((r) => (r.stdout + r.stderr).match(/already exists/g)?.length ?? 0);
      const owned = await Promise.all([left, right].map(stateNames));
      const union = new Set([...owned[0], ...owned[1]]);
      const remote = await remoteNames(client);
      const verdict = await verify(
        client,
        [left, right],
        count,
        union.size === count,
        `states own ${owned[0].size} + ${owned[1].size}; conflict errors ${conflicts.join(' + ')}`,
        false,
      );
      return { ...verdict, orphans: [...remote].filter((name) => !union.has(name)).length };
    } finally {
      left.dispose();
      right.dispose();
    }
  });
}

// ---- plumbing -----------------------------------------------------------------------------

async function withEmulator<T>(options: { faults?: FaultSettings }, body: (emulator: RunningEmulator, client: OosClient) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ faults: options.faults });
  try {
    return await body(emulator, emulatorClient(emulator.url));
  } finally {
    await emulator.close();
  }
}

/**
 * A state folder declaring `count` configurations named <prefix>-<index>, for the stack `owner`
 * (the provider's owner, as ChatOpsStack sets it); with `statePath`, its state lives there (shared
 * by every folder of the stack, as a remote backend would be), else in the folder.
 */
async function stateFolder(
  emulator: RunningEmulator,
  prefix: string,
  count: number,
  stack: { readonly owner: string; readonly statePath?: string },
): Promise<TerraformWorkspace> {
  const workspace = await TerraformWorkspace.temporary({ env: emulatorClientEnvironment(emulator.url), prefix: `${prefix}-` });
  const base = oosProviderConfig({ owner: stack.owner });
  workspace.writeConfig({
    ...base,
    terraform: { ...(base.terraform as object), ...(stack.statePath ? { backend: { local: { path: stack.statePath } } } : {}) },
    resource: {
      [CHAT_CONFIGURATION_RESOURCE]: {
        bot: {
          count,
          name: `${prefix}-\${count.index}`,
          type: 'DingTalk',
          ram_role: 'AliyunOOSDefaultRole',
          template_id: 'soak-template',
          client_id: `client-\${count.index}`,
          tags: { Soak: prefix, Index: '${count.index}' },
        },
      },
    },
  });
  await workspace.init();
  return workspace;
}

/**
 * Starts `terraform apply` and SIGKILLs terraform or its provider once OOS holds `afterCreates`
 * configurations (polled, so a few more may land before the kill); says when it struck.
 */
async function applyAndKill(
  workspace: TerraformWorkspace,
  target: 'terraform' | 'provider',
  client: OosClient,
  afterCreates: number,
): Promise<{ when: string; survivors: number }> {
  const child = spawn(terraformBinary(), ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: workspace.dir, env: workspace.env, stdio: 'ignore' });
  let finished = false;
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve())).then(() => (finished = true));
  const started = Date.now();
  while (!finished && (await remoteNames(client)).size < afterCreates) await sleep(KILL_POLL_MS);
  if (finished) return { when: 'never (the apply finished first)', survivors: 0 };
  const victims = target === 'terraform' ? [child.pid] : providerProcesses(child);
  for (const pid of victims) if (pid !== undefined) process.kill(pid, 'SIGKILL');
  await exited;
  const killedAt = Date.now() - started;
  // A killed terraform leaves its provider behind only until the provider notices.
  const deadline = Date.now() + PROVIDER_EXIT_GRACE_MS;
  while (providersIn(workspace.dir).length > 0 && Date.now() < deadline) await sleep(50);
  const survivors = providersIn(workspace.dir);
  for (const pid of survivors) process.kill(pid, 'SIGKILL');
  return { when: `${killedAt} ms (${afterCreates} created)`, survivors: survivors.length };
}

/** Provider processes working in `dir`, whoever their parent is now (a killed terraform's are adopted by init). */
function providersIn(dir: string): number[] {
  return processes()
    .filter((p) => p.command.includes('terraform-provider-oos') && p.cwd === dir)
    .map((p) => p.pid);
}

/** Provider processes terraform started: children of `parent` running the oos provider. */
function providerProcesses(parent: ChildProcess): number[] {
  return processes()
    .filter((p) => p.parentPid === parent.pid && p.command.includes('terraform-provider-oos'))
    .map((p) => p.pid);
}

/** Every process of this machine with its parent, command line and working directory (from /proc). */
function processes(): { pid: number; parentPid: number; command: string; cwd: string }[] {
  const found: { pid: number; parentPid: number; command: string; cwd: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(join('/proc', entry, 'stat'), 'utf8');
      const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(join('/proc', entry, 'cmdline'), 'utf8');
      found.push({ pid: Number(entry), parentPid, command, cwd: readlinkSync(join('/proc', entry, 'cwd')) });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

async function stateNames(workspace: TerraformWorkspace): Promise<Set<string>> {
  const state = await workspace.state();
  return new Set((state.values?.root_module.resources ?? []).filter((r) => r.type === CHAT_CONFIGURATION_RESOURCE).map((r) => String(r.values.name)));
}

async function remoteNames(client: OosClient): Promise<Set<string>> {
  return new Set((await client.listChatConfigurations()).map((summary) => summary.name));
}

/** Compares the states with OOS, then asks each state for a plan that must say "No changes". */
async function verify(
  client: OosClient,
  workspaces: readonly TerraformWorkspace[],
  count: number,
  applied: boolean,
  note: string,
  singleOwner = true,
): Promise<Verdict> {
  const remote = await remoteNames(client);
  const ownersByName = new Map<string, number>();
  let mismatches = 0;
  for (const workspace of workspaces) {
    const state = await workspace.state();
    for (const resource of state.values?.root_module.resources ?? []) {
      if (resource.type !== CHAT_CONFIGURATION_RESOURCE) continue;
      const name = String(resource.values.name);
      ownersByName.set(name, (ownersByName.get(name) ?? 0) + 1);
      const live = remote.has(name) ? await client.getChatConfiguration(name) : undefined;
      if (!live || live.type !== resource.values.type || (live.ramRole || null) !== resource.values.ram_role) mismatches++;
    }
  }
  let noChanges = true;
  for (const workspace of workspaces) {
    const plan = await workspace.run(['plan', '-input=false', '-no-color', '-detailed-exitcode']);
    // In a race the losing state still declares the names it could not own: it plans creates.
    if (plan.code !== 0 && singleOwner) noChanges = false;
  }
  const owned = [...ownersByName.keys()];
  return {
    converged: applied && (!singleOwner || owned.length === count),
    orphans: [...remote].filter((name) => !ownersByName.has(name)).length,
    doubleOwners: [...ownersByName.values()].filter((owners) => owners > 1).length,
    mismatches,
    noChanges,
    note,
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function firstError(output: string): string {
  const line = output.split('\n').find((l) => l.startsWith('Error:') || l.includes('│ Error:'));
  return line ? `; first error: ${line.replace(/^[│\s]+/, '').slice(0, 160)}` : '';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
