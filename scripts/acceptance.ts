/**
 * `CHATOPS_ACCEPTANCE=1 npm run test:acceptance`: the acceptance suite (__tests__/acceptance)
 * against the OOS the usual variables point at: real Alibaba Cloud by default, or any endpoint in
 * ALIBABA_CLOUD_OOS_ENDPOINT (e.g. the strict emulator). It creates real chat configurations
 * named acc-<random>-…, so it refuses to start unless asked to explicitly and given credentials.
 * `npm test` runs the same suite against an in-process strict emulator. docs/acceptance.md.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../lib/tooling';

/** Why the suite may not run against a real account from this environment, or undefined. */
export function acceptanceProblem(env: NodeJS.ProcessEnv): string | undefined {
  if (env.CHATOPS_ACCEPTANCE !== '1') {
    return 'the acceptance suite creates real chat configurations: set CHATOPS_ACCEPTANCE=1 to run it (npm test already runs it against the strict emulator)';
  }
  const keys = env.ALIBABA_CLOUD_ACCESS_KEY_ID && env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  const other = env.ALIBABA_CLOUD_PROFILE || env.ALIBABA_CLOUD_ROLE_ARN || env.ALIBABA_CLOUD_CREDENTIALS_FILE;
  if (!keys && !other) {
    return 'no credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (or ALIBABA_CLOUD_PROFILE, ALIBABA_CLOUD_ROLE_ARN)';
  }
  if (!env.ALIBABA_CLOUD_REGION_ID && !env.ALIBABA_CLOUD_REGION) return 'no region: set ALIBABA_CLOUD_REGION_ID, e.g. cn-hangzhou';
  return undefined;
}

if (require.main === module) {
  const problem = acceptanceProblem(process.env);
  if (problem) {
    process.stderr.write(`test:acceptance: ${problem}.\n`);
    process.exit(1);
  }
  const jest = join(PACKAGE_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const run = spawnSync(process.execPath, [jest, '--runInBand', '--testPathPattern', '__tests__/acceptance/'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
