/**
 * Builds this checkout's provider release executable for this machine into its cache (the provider
 * bundle, Bun's compile, the zip), and nothing else: the cdktf app runs it in a process of its own
 * so that the build and synthesis share the machine's cores on a fresh clone.
 */
import { defineCommand, runCommand } from '../lib/command-line';
import { releaseProvider } from '../lib/tooling';

const BUILD_PROVIDER = defineCommand({
  name: 'build-provider',
  invocation: 'node scripts/run.js scripts/build-provider.ts',
  description: "Builds this checkout's provider release executable for this machine into its cache.",
  options: {},
});

void runCommand(BUILD_PROVIDER, async () => {
  await releaseProvider();
  return 0;
});
