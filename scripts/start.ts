/**
 * `npm start`: the main job (lib/tooling/main-job.ts) with this checkout's app: deploys the `dev`
 * environment to a local OOS emulator with the real terraform binary and prints the webhook URLs
 * of its chat configurations.
 */
import { defineCommand, runCommand } from '../lib/command-line';
import { runMainJob } from '../lib/tooling/main-job';
import { buildApp } from '../main';

const START = defineCommand({
  name: 'npm start',
  description:
    'Deploys the dev environment to a local OOS emulator with the real terraform binary and prints the webhook URLs of its chat configurations.\nEverything it keeps is under .chatops/, so a second run finds nothing to change.',
  options: {},
});

void runCommand(START, async () => {
  await runMainJob(buildApp);
  return 0;
});
