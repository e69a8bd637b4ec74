/**
 * The cdktf app (cdktf.json "app", run by `cdktf synth|diff|deploy` and `npm run plan|apply`):
 * synthesises main.ts's stacks, then lays this checkout's provider release executable, with the
 * committed .terraform.lock.hcl, into every stack's folder (lib/release/stacks.ts). Terraform
 * installs it from there and checks it against the lock, with no CLI configuration.
 *
 * Synthesis is skipped when nothing it depends on changed (see SynthesisCache). A mistake in the
 * app (a validation error, a duplicate id) is printed once, as the constructs word it, without a
 * Node stack trace.
 */
import { resolve } from 'node:path';
import { LOCK_COMMAND } from '../lib/release';
import { layOutReleaseProvider, releaseProvider, SynthesisCache } from '../lib/tooling';

/** cdktf's validation error ends with advice to skip validation, which is never the fix here. */
function appErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\n+If you wish to ignore these validations.*$/s, '').trim();
}

async function main(): Promise<number> {
  const outdir = resolve(process.env.CDKTF_OUTDIR ?? 'cdktf.out');
  // This file is the whole app bundled (main.ts, config/, lib/constructs, .gen/): its bytes stand for the app's code.
  const cache = new SynthesisCache(outdir, __filename);
  // Started first: the provider is bundled by esbuild's own process while this one synthesises.
  const provider = releaseProvider();
  provider.catch(() => undefined);
  if (!cache.isFresh()) {
    try {
      // Loaded only when needed: cdktf and the constructs cost ~0.4 s to load.
      const { buildApp } = require('../main') as typeof import('../main');
      buildApp({ outdir }).app.synth();
    } catch (error) {
      process.stderr.write(`cdktf app: ${appErrorMessage(error)}\n`);
      return 1;
    }
    cache.record();
  }
  await provider;
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
