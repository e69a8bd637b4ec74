/**
 * `npm run sweep -- --prefix acc- [--dry-run]`: deletes every chat configuration whose name starts
 * with the prefix, in the region and account of the usual variables (ALIBABA_CLOUD_REGION_ID,
 * the credential chain, ALIBABA_CLOUD_OOS_ENDPOINT). What an acceptance run killed before its own
 * clean-up leaves behind; docs/acceptance.md. Exit codes: 0 done, 1 a delete failed or bad usage.
 */
import { UsageError, defineCommand, runCommand } from '../lib/command-line';
import { OosClient } from '../lib/oos';
import { sweepChatConfigurations, sweepPrefixProblem } from '../lib/tooling/sweep';

const SWEEP = defineCommand({
  name: 'sweep',
  invocation: 'npm run sweep --',
  description: 'Deletes every chat configuration whose name starts with the prefix, in the region and account of the usual variables.',
  options: {
    prefix: { type: 'string', value: 'name prefix', required: true, description: 'the name prefix, e.g. acc-' },
    'dry-run': { type: 'boolean', description: 'list what would be deleted, delete nothing' },
  },
  usageExitCode: 1,
});

void runCommand(SWEEP, async ({ options: { prefix, 'dry-run': dryRun } }) => {
  const problem = sweepPrefixProblem(prefix);
  if (problem) throw new UsageError(`${problem}.`);
  const client = new OosClient({ userAgent: 'chatops-sweep' });
  const result = await sweepChatConfigurations(client, prefix, { dryRun });
  for (const name of result.deleted) process.stdout.write(`${dryRun ? 'would delete' : 'deleted'} ${name}\n`);
  for (const { name, error } of result.failed) process.stderr.write(`could not delete ${name}: ${error}\n`);
  process.stdout.write(
    `${result.deleted.length} chat configuration(s) ${dryRun ? 'match' : 'deleted'} "${prefix}*" in ${client.regionId}; ${result.failed.length} failed\n`,
  );
  return result.failed.length > 0 ? 1 : 0;
});
