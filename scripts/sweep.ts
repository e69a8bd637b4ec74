/**
 * `npm run sweep -- --prefix acc- [--dry-run]`: deletes every chat configuration whose name starts
 * with the prefix, in the region and account of the usual variables (ALIBABA_CLOUD_REGION_ID,
 * the credential chain, ALIBABA_CLOUD_OOS_ENDPOINT). What an acceptance run killed before its own
 * clean-up leaves behind; docs/acceptance.md. Exit codes: 0 done, 1 a delete failed or bad usage.
 */
import { OosClient } from '../lib/oos';
import { sweepChatConfigurations, sweepPrefixProblem } from '../lib/tooling/sweep';

const USAGE = 'npm run sweep -- --prefix <name prefix> [--dry-run]';

async function main(args: readonly string[]): Promise<number> {
  let prefix: string | undefined;
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    if (flag === '--prefix') prefix = inline ?? args[++i];
    else if (flag === '--dry-run' && inline === undefined) dryRun = true;
    else {
      process.stderr.write(`sweep: unknown argument ${args[i]}.\nusage: ${USAGE}\n`);
      return 1;
    }
  }
  const problem = sweepPrefixProblem(prefix);
  if (problem || prefix === undefined) {
    process.stderr.write(`sweep: ${problem}.\nusage: ${USAGE}\n`);
    return 1;
  }
  const client = new OosClient({ userAgent: 'chatops-sweep' });
  const result = await sweepChatConfigurations(client, prefix, { dryRun });
  for (const name of result.deleted) process.stdout.write(`${dryRun ? 'would delete' : 'deleted'} ${name}\n`);
  for (const { name, error } of result.failed) process.stderr.write(`could not delete ${name}: ${error}\n`);
  process.stdout.write(
    `${result.deleted.length} chat configuration(s) ${dryRun ? 'match' : 'deleted'} "${prefix}*" in ${client.regionId}; ${result.failed.length} failed\n`,
  );
  return result.failed.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`sweep failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
