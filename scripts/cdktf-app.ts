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
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { defineCommand, runCommand } from '../lib/command-line';
import { LOCK_COMMAND, REPOSITORY } from '../lib/release';
import { layOutReleaseProvider, SynthesisCache } from '../lib/tooling';

/** cdktf's validation error ends with advice to skip validation, which is never the fix here. */
function appErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\n+If you wish to ignore these validations.*$/s, '').trim();
}

const CDKTF_APP = defineCommand({
  name: 'cdktf app',
  invocation: 'cdktf synth',
  description: "The cdktf app: synthesises main.ts's stacks and lays this checkout's provider into every stack's folder.",
  options: {},
});

async function main(): Promise<number> {
  const outdir = resolve(process.env.CDKTF_OUTDIR ?? 'cdktf.out');
  // This file is the whole app bundled (main.ts, config/, lib/constructs, .gen/): its bytes stand for the app's code.
  const cache = new SynthesisCache(outdir, __filename);
  if (!cache.isFresh()) {
    // On a fresh clone the provider's build (bundle, Bun compile, zip: several seconds) runs in a
    // process of its own while this one synthesises; a failure there is reported by the build below, which then finds the cache empty.
    const build = spawn(process.execPath, [join(REPOSITORY, 'scripts', 'run.js'), 'scripts/build-provider.ts'], { stdio: ['ignore', 'ignore', 'ignore'] });
    const built = new Promise<void>((done) => build.on('close', () => done()).on('error', () => done()));
    try {
      // Loaded only when needed: cdktf and the constructs cost ~0.4 s to load.
      const { buildApp } = require('../main') as typeof import('../main');
      buildApp({ outdir }).app.synth();
    } catch (error) {
      // The build is left to finish (a killed one would leave its scratch folder in the cache).
      process.stderr.write(`cdktf app: ${appErrorMessage(error)}\n`);
      return 1;
    }
    cache.record();
    await built;
  }
  const { archive, locked } = await layOutReleaseProvider(outdir);
  if (!locked) {
    process.stderr.write(
      `WARNING: the provider built from this checkout (${archive.platform} ${archive.h1}) is not in .terraform.lock.hcl, so terraform init will refuse it: run "${LOCK_COMMAND}" and commit the lock file.\n`,
    );
  }
  return 0;
}

void runCommand(CDKTF_APP, () =>
  main().catch((error: unknown) => {
    throw new Error(appErrorMessage(error));
  }),
);
