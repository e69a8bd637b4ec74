/**
 * `npm run plan -- <stack> [--out dir] [--allow-destructive]`: the pull-request half of the
 * pipeline. Synthesises this checkout's app, plans into a saved plan file and writes, in the out
 * folder (default plan-out/<stack>): plan.tfplan (what `npm run apply` applies), plan.json
 * (`terraform show -json`) and summary.md (the PR comment, with the policy results).
 *
 * Exit codes (lib/pipeline/exit-code.ts): 0 no changes, 2 changes, 1 error, 3 policy violation.
 * docs/pipelines.md is the user's guide.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENVIRONMENT_NAMES, EnvironmentName, environments } from '../config/environments';
import { SecretRedactor } from '../lib/oos/redaction';
import {
  EXIT_CODES,
  PlanExitCode,
  PlanView,
  PolicyReport,
  Violation,
  builtInPolicies,
  evaluatePolicies,
  headline,
  planExitCode,
  readPlanFile,
  writeReviewFiles,
} from '../lib/pipeline';
import { TerraformWorkspace, expectTerraform, setUpLocalProvider } from '../lib/tooling';

/** Where the synthesised stacks go, below the checkout. */
const SYNTH_DIR = 'cdktf.out';

/** A stack synthesised, with its provider installed and terraform initialised, ready to plan or apply. */
export interface PreparedStack {
  readonly stack: EnvironmentName;
  readonly workspace: TerraformWorkspace;
  /** The synthesised configuration (cdk.tf.json). */
  readonly configFile: string;
}

/** Progress and terraform output go to stderr so stdout stays for what a CI step may capture. */
export function log(line: string): void {
  process.stderr.write(line + '\n');
}

/** The stack named on the command line, or a usage error naming the known ones. */
export function stackName(name: string | undefined, usage: string): EnvironmentName {
  if (name && (ENVIRONMENT_NAMES as readonly string[]).includes(name)) return name as EnvironmentName;
  throw new UsageError(`${name ? `unknown stack "${name}"` : 'no stack given'}: expected one of ${ENVIRONMENT_NAMES.join(', ')}.\nusage: ${usage}`);
}

/** A mistake on the command line: printed without a stack trace. */
export class UsageError extends Error {}

/**
 * The value after `--flag` (or `--flag=value`) and the flags present; the remaining words are positional.
 * Unknown flags are errors, so a misspelt --allow-destructive never passes silently.
 */
export function parseArgs(
  args: readonly string[],
  spec: { readonly values: readonly string[]; readonly switches: readonly string[] },
  usage: string,
): { positional: string[]; values: Map<string, string>; switches: Set<string> } {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i += 1) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    if (!flag.startsWith('--')) positional.push(args[i]);
    else if (spec.switches.includes(flag) && inline === undefined) switches.add(flag);
    else if (spec.values.includes(flag)) {
      const value = inline ?? args[(i += 1)];
      if (value === undefined) throw new UsageError(`${flag} needs a value.\nusage: ${usage}`);
      values.set(flag, value);
    } else throw new UsageError(`unknown option ${args[i]}.\nusage: ${usage}`);
  }
  return { positional, values, switches };
}

/**
 * The environment terraform needs from this run, passed on deliberately: the tooling strips
 * Alibaba Cloud keys and TF_VAR_ values by default so an emulator run cannot reach real OOS, but
 * here the job's credentials and ephemeral variables are exactly what is wanted.
 */
export function runEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key.startsWith('ALIBABA_CLOUD_') || key.startsWith('TF_VAR_')));
}

/** Every secret the job was given, so none can reach the log through a terraform line. */
function redactorFor(env: NodeJS.ProcessEnv): SecretRedactor {
  const redactor = new SecretRedactor();
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('TF_VAR_') || /SECRET|TOKEN|PASSWORD/.test(key)) redactor.remember(value);
  }
  return redactor;
}

/**
 * Synthesises the checkout in `projectDir` the way `cdktf synth` does (the `app` command of its
 * cdktf.json with CDKTF_OUTDIR), so the app is this checkout's main.ts even when this script was
 * built elsewhere.
 */
export function synthesise(projectDir: string, stack: EnvironmentName): string {
  const cdktfJson = path.join(projectDir, 'cdktf.json');
  if (!fs.existsSync(cdktfJson)) throw new Error(`${projectDir} has no cdktf.json: run npm run plan/apply from the project's root folder.`);
  const { app } = JSON.parse(fs.readFileSync(cdktfJson, 'utf8')) as { app?: string };
  if (!app) throw new Error(`${cdktfJson} has no "app" command to synthesise with.`);
  const outdir = path.join(projectDir, SYNTH_DIR);
  log(`synthesising ${stack} into ${path.relative(projectDir, outdir)}`);
  const result = spawnSync(app, { cwd: projectDir, shell: true, env: { ...process.env, CDKTF_OUTDIR: outdir }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`synthesis failed (${app} exited ${result.status ?? result.signal}): see its output above.`);
  const configFile = path.join(outdir, 'stacks', stack, 'cdk.tf.json');
  if (!fs.existsSync(configFile)) throw new Error(`synthesis wrote no ${configFile}: does main.ts define the "${stack}" stack?`);
  return configFile;
}

/** The ephemeral variables a configuration declares (Secret.fromVariable makes them): they are never saved in a plan. */
export function ephemeralVariables(configFile: string): string[] {
  const json = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { variable?: Record<string, { ephemeral?: boolean }> };
  return Object.entries(json.variable ?? {})
    .filter(([, variable]) => variable.ephemeral === true)
    .map(([name]) => name);
}

/** Refuses to run terraform when an ephemeral variable has no TF_VAR_ value, naming each and why it is needed now. */
export function requireEphemeralVariables(names: readonly string[], when: 'plan' | 'apply', env: NodeJS.ProcessEnv = process.env): void {
  const missing = names.filter((name) => env[`TF_VAR_${name}`] === undefined);
  if (missing.length === 0) return;
  const why =
    when === 'apply'
      ? 'Ephemeral variables are never written to the plan file, so terraform needs them again to apply it: the write-only client_secret_wo is sent from them at apply time.'
      : 'They feed write-only secrets (client_secret_wo), which terraform needs at plan time too.';
  throw new Error(
    `missing ${missing.map((name) => `TF_VAR_${name}`).join(', ')} (ephemeral variable${missing.length > 1 ? 's' : ''} of this stack). ${why} ` +
      'Set them from the same secret store as the plan job; a rotation bumps the version in code, not here.',
  );
}

/** Synthesises, installs the provider from the local mirror and runs terraform init for `stack`. */
export async function prepareStack(
  projectDir: string,
  stack: EnvironmentName,
  when: 'plan' | 'apply',
  extraVariables: readonly string[] = [],
): Promise<PreparedStack> {
  const configFile = synthesise(projectDir, stack);
  requireEphemeralVariables([...new Set([...ephemeralVariables(configFile), ...extraVariables])], when);
  const provider = setUpLocalProvider(path.join(projectDir, '.chatops'));
  const redactor = redactorFor(process.env);
  const workspace = new TerraformWorkspace(path.dirname(configFile), provider, {
    env: runEnvironment(),
    onLine: (line) => log(`  terraform │ ${redactor.redact(line)}`),
  });
  log(`terraform init (${stack})`);
  // -upgrade: the mirror's launcher is written per checkout, so its hash may differ from an old lock file's.
  // -reconfigure: the backend comes from the synthesised configuration every time; never migrate state here.
  await workspace.init(['-upgrade', '-reconfigure']);
  return { stack, workspace, configFile };
}

/** Runs the environment's built-in and custom policies over a plan. */
export function judge(plan: PlanView, stack: EnvironmentName, allowDestructive: boolean): PolicyReport {
  const { policies } = environments()[stack];
  return evaluatePolicies(plan, [...builtInPolicies(policies.builtIn), ...(policies.custom ?? [])], { stack, environment: stack, allowDestructive });
}

/** One line per violation for the job log: the same facts as summary.md. */
export function reportViolations(report: PolicyReport): void {
  const line = (item: Violation) =>
    `${item.severity === 'error' ? 'POLICY VIOLATION' : 'policy warning'} [${item.rule}] ${item.stack}: ${item.configurationName ?? item.address} (${item.address}): ${item.message} Fix: ${item.fix}`;
  for (const item of report.violations) log(line(item));
}

/** Runs `main` and exits with its code; a failure prints its message (never a stack trace for usage errors) and exits 1. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      log(`\n${error instanceof Error ? error.message : String(error)}`);
      process.exit(EXIT_CODES.error);
    },
  );
}

const USAGE = 'npm run plan -- <stack> [--out <dir>] [--allow-destructive]';

async function main(args: readonly string[]): Promise<PlanExitCode> {
  const parsed = parseArgs(args, { values: ['--out'], switches: ['--allow-destructive'] }, USAGE);
  const stack = stackName(parsed.positional[0], USAGE);
  const projectDir = process.cwd();
  const outDir = path.resolve(parsed.values.get('--out') ?? path.join('plan-out', stack));
  const allowDestructive = parsed.switches.has('--allow-destructive');
  fs.mkdirSync(outDir, { recursive: true });
  const files = { plan: path.join(outDir, 'plan.tfplan'), json: path.join(outDir, 'plan.json'), summary: path.join(outDir, 'summary.md') };
  // A failed run must not leave an older plan behind for a later step to apply.
  for (const file of Object.values(files)) fs.rmSync(file, { force: true });

  const { workspace } = await prepareStack(projectDir, stack, 'plan');
  log(`terraform plan (${stack})`);
  await workspace.expect(['plan', '-input=false', '-no-color', '-detailed-exitcode', `-out=${files.plan}`], [0, 2]);
  // Not through the workspace's line printer: the JSON is data for the file, not log lines.
  const planJson = await expectTerraform(['show', '-json', files.plan], { cwd: workspace.dir, env: workspace.env });
  fs.writeFileSync(files.json, planJson.stdout);

  const plan = readPlanFile(files.json);
  const policy = judge(plan, stack, allowDestructive);
  writeReviewFiles(outDir, { stack, plan, policy, projectDir });
  reportViolations(policy);
  const code = planExitCode({ plan, policy });
  log(`\n${headline(plan)}`);
  log(`wrote ${path.relative(projectDir, files.plan)}, ${path.relative(projectDir, files.json)} and ${path.relative(projectDir, files.summary)}`);
  if (code === EXIT_CODES.policyViolation) {
    fs.rmSync(files.plan, { force: true });
    log(`exit ${code}: a policy blocks this plan; the plan file was removed so it cannot be applied. See summary.md.`);
  } else log(`exit ${code}: ${code === EXIT_CODES.changes ? 'changes to review, then npm run apply -- ' + stack + ' ' + files.plan : 'no changes'}`);
  return code;
}

if (require.main === module) runCli(() => main(process.argv.slice(2)));
