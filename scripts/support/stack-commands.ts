/**
 * What the stack commands (npm run plan, apply and policy) share: arguments, the stack named on the
 * command line, a stack synthesised and initialised for terraform, the policy gate, and the exit.
 * A module of its own, without a main, so each command's bundle runs only its own main.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENVIRONMENT_NAMES, EnvironmentName, environments } from '../../config/environments';
import { SecretRedactor } from '../../lib/oos/redaction';
import { EXIT_CODES, PolicyReport, PlanView, Violation, builtInPolicies, evaluatePolicies } from '../../lib/pipeline';
import { TerraformWorkspace, initStack, localDirOf, stackWorkspace, synthesizeStack } from '../../lib/tooling';

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

/**
 * Synthesises the checkout (the app lays the provider's release executable and the committed lock
 * into the stack's folder), checks the ephemeral variables, and runs terraform init unless the
 * folder is initialised for this configuration, lock and provider already.
 */
export async function prepareStack(
  projectDir: string,
  stack: EnvironmentName,
  when: 'plan' | 'apply',
  extraVariables: readonly string[] = [],
): Promise<PreparedStack> {
  const stackDir = synthesizeStack(projectDir, stack, log);
  const configFile = path.join(stackDir, 'cdk.tf.json');
  requireEphemeralVariables([...new Set([...ephemeralVariables(configFile), ...extraVariables])], when);
  const redactor = redactorFor(process.env);
  const workspace = stackWorkspace(stackDir, localDirOf(projectDir), {
    env: runEnvironment(),
    onLine: (line) => log(`  terraform │ ${redactor.redact(line)}`),
  });
  await initStack(workspace, (line) => log(`${line} (${stack})`));
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
