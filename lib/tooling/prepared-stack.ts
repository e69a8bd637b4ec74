/**
 * What the stack commands (npm run plan, apply, diff, deploy, destroy) share: progress on stderr,
 * the environment terraform gets, the ephemeral variables checked before terraform starts, and a
 * stack synthesised and initialised for terraform.
 */
import { join } from 'node:path';
import { SecretRedactor } from '../oos/redaction';
import { initStack, localDirOf, stackWorkspace, synthesizeStack } from './synthesized-stack';
import { readSynthesizedConfig } from './synthesized-config';
import type { TerraformWorkspace } from './workspace';

/** A stack synthesised, with its provider installed and terraform initialised, ready to plan or apply. */
export interface PreparedStack {
  readonly stack: string;
  readonly workspace: TerraformWorkspace;
  /** The synthesised configuration (cdk.tf.json). */
  readonly configFile: string;
}

/** Progress and terraform output go to stderr so stdout stays for what a CI step may capture. */
export function logProgress(line: string): void {
  process.stderr.write(line + '\n');
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

/** Synthesises the checkout's stack and checks its ephemeral variables; returns the stack's folder. */
export function synthesizeCheckedStack(projectDir: string, stack: string, when: 'plan' | 'apply', extraVariables: readonly string[] = []): string {
  const stackDir = synthesizeStack(projectDir, stack, logProgress);
  const { ephemeralVariables } = readSynthesizedConfig(join(stackDir, 'cdk.tf.json'));
  requireEphemeralVariables([...new Set([...ephemeralVariables, ...extraVariables])], when);
  return stackDir;
}

/**
 * Synthesises the checkout (the app lays the provider's release executable and the committed lock
 * into the stack's folder), checks the ephemeral variables, and runs terraform init unless the
 * folder is initialised for this configuration, lock and provider already.
 */
export async function prepareStack(projectDir: string, stack: string, when: 'plan' | 'apply', extraVariables: readonly string[] = []): Promise<PreparedStack> {
  const stackDir = synthesizeCheckedStack(projectDir, stack, when, extraVariables);
  const redactor = redactorFor(process.env);
  const workspace = stackWorkspace(stackDir, localDirOf(projectDir), {
    env: runEnvironment(),
    onLine: (line) => logProgress(`  terraform │ ${redactor.redact(line)}`),
  });
  await initStack(workspace, (line) => logProgress(`${line} (${stack})`));
  return { stack, workspace, configFile: join(stackDir, 'cdk.tf.json') };
}
