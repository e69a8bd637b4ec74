/**
 * The cdktf app (cdktf.json "app", run by `cdktf synth|diff|deploy` and `npm run plan|apply`):
 * synthesises main.ts's stacks, then lays this checkout's provider release executable, with the
 * committed .terraform.lock.hcl, into every stack's folder (lib/release/stacks.ts). Terraform
 * installs it from there and checks it against the lock, with no CLI configuration.
 *
 * A mistake in the app (a validation error, a duplicate id) is printed once, as the constructs
 * word it, without a Node stack trace.
 */
import { resolve } from 'node:path';
import { LOCK_COMMAND } from '../lib/release';
import { layOutReleaseProvider } from '../lib/tooling';
import { buildApp } from '../main';

/** cdktf's validation error ends with advice to skip validation, which is never the fix here. */
function appErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\n+If you wish to ignore these validations.*$/s, '').trim();
}

async function main(): Promise<number> {
  const outdir = resolve(process.env.CDKTF_OUTDIR ?? 'cdktf.out');
  try {
    buildApp({ outdir }).app.synth();
  } catch (error) {
    process.stderr.write(`cdktf app: ${appErrorMessage(error)}\n`);
    return 1;
  }
  const { archive, locked } = await layOutReleaseProvider(outdir);
  if (!locked) {
    process.stderr.write(
      `WARNING: the provider built from this checkout (${archive.platform} ${archive.h1}) is not in .terraform.lock.hcl, so terraform init will refuse it: run "${LOCK_COMMAND}" and commit the lock file.\n`,
    );
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`cdktf app: ${appErrorMessage(error)}\n`);
    process.exitCode = 1;
  },
);
