/**
 * The guard of `npm run test:acceptance`: the acceptance suite creates real chat configurations,
 * so it runs against a real account only when asked to explicitly and given credentials and a region.
 */

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
