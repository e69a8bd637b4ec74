/**
 * Builds this checkout's provider release executable for this machine into its cache (the provider
 * bundle, Bun's compile, the zip), and nothing else: the cdktf app runs it in a process of its own
 * so that the build and synthesis share the machine's cores on a fresh clone.
 */
import { releaseProvider } from '../lib/tooling';

releaseProvider().then(
  () => undefined,
  (error: unknown) => {
    process.stderr.write(`build-provider: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
