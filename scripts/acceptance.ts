/**
 * `CHATOPS_ACCEPTANCE=1 npm run test:acceptance`: the acceptance suite (__tests__/acceptance)
 * against the OOS the usual variables point at: real Alibaba Cloud by default, or any endpoint in
 * ALIBABA_CLOUD_OOS_ENDPOINT (e.g. the strict emulator). It creates real chat configurations
 * named acc-<random>-…, so it refuses to start unless asked to explicitly and given credentials
 * (lib/tooling/acceptance.ts). `npm test` runs the same suite against an in-process strict emulator. docs/acceptance.md.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { defineCommand, runCommand } from '../lib/command-line';
import { PACKAGE_ROOT, acceptanceProblem } from '../lib/tooling';

const ACCEPTANCE = defineCommand({
  name: 'test:acceptance',
  invocation: 'CHATOPS_ACCEPTANCE=1 npm run test:acceptance',
  description: 'Runs the acceptance suite against the OOS the usual ALIBABA_CLOUD_ variables point at.',
  options: {},
});

void runCommand(ACCEPTANCE, () => {
  const problem = acceptanceProblem(process.env);
  if (problem) throw new Error(`${problem}.`);
  const jest = join(PACKAGE_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const run = spawnSync(process.execPath, [jest, '--runInBand', '--testPathPattern', '__tests__/acceptance/'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
  return run.status ?? 1;
});
