/**
 * The last step of the cdktf app (cdktf.json "app"), after main.ts has synthesised: builds the
 * provider's release executable for this machine from the current code (cached in
 * dist/release/cache, so only a code change costs a rebuild) and lays it, with the committed
 * .terraform.lock.hcl, into every stack's working directory. Plain `cdktf diff|deploy|destroy`
 * then install it from the stack's `terraform.d/plugins` with no CLI configuration and verify it
 * against the committed lock.
 */
import { join, relative, resolve } from 'node:path';
import { cachedReleaseExecutable, layOutProviderForStacks, LOCK_COMMAND, providerBundle, REPOSITORY } from '../lib/release';
import { bundleProvider } from './bundle-provider';

async function main(): Promise<void> {
  const outdir = resolve(process.env.CDKTF_OUTDIR ?? 'cdktf.out');
  // A bundle of its own: the development bundle of `npm run build` keeps its code cache beside it.
  const loader = await bundleProvider({ outfile: join(REPOSITORY, 'dist/release/stack-provider/terraform-provider-oos.js'), codeCache: false });
  const { archive } = cachedReleaseExecutable({ bundle: providerBundle(loader) });
  const { stackDirs, locked } = layOutProviderForStacks(outdir, archive);
  console.log(`provider ${archive.h1} laid out for ${stackDirs.map((dir) => relative(process.cwd(), dir)).join(', ')}`);
  if (!locked) {
    console.error(
      `WARNING: the provider built from this checkout (${archive.platform} ${archive.h1}) is not in .terraform.lock.hcl, so terraform init will refuse it: run "${LOCK_COMMAND}" and commit the lock file.`,
    );
  }
}

main().catch((error: Error) => {
  console.error(`cdktf app: ${error.message}`);
  process.exitCode = 1;
});
