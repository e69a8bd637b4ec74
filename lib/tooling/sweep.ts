/**
 * Deletes chat configurations whose names start with a prefix: what an acceptance run leaves
 * behind when it is killed before its own clean-up. Used by the acceptance suite's clean-up and
 * by `npm run sweep`.
 */
import type { OosClient } from '../oos';
import { isNotFound } from '../oos/errors';

/** Shorter prefixes could match a team's real bots. */
export const MIN_SWEEP_PREFIX_LENGTH = 4;

export interface SweepResult {
  readonly deleted: readonly string[];
  /** Names whose delete failed, with the error. */
  readonly failed: readonly { readonly name: string; readonly error: string }[];
}

/** Problem with a sweep prefix, or undefined. */
export function sweepPrefixProblem(prefix: string | undefined): string | undefined {
  if (!prefix) return 'no --prefix given: say which names to delete, e.g. --prefix acc-';
  if (prefix.length < MIN_SWEEP_PREFIX_LENGTH) return `--prefix "${prefix}" is shorter than ${MIN_SWEEP_PREFIX_LENGTH} characters and could match real bots`;
  return undefined;
}

/** Lists (ListChatConfigurations with a Name prefix filter) and deletes every match; a failure does not stop the others. */
export async function sweepChatConfigurations(client: OosClient, prefix: string, options: { readonly dryRun?: boolean } = {}): Promise<SweepResult> {
  const problem = sweepPrefixProblem(prefix);
  if (problem) throw new Error(problem);
  const names = (await client.listChatConfigurations([{ name: 'Name', value: prefix }])).map((c) => c.name).filter((name) => name.startsWith(prefix));
  if (options.dryRun) return { deleted: names, failed: [] };
  const deleted: string[] = [];
  const failed: { name: string; error: string }[] = [];
  for (const name of names) {
    try {
      await client.deleteChatConfiguration(name);
      deleted.push(name);
    } catch (error) {
      if (isNotFound(error)) deleted.push(name);
      else failed.push({ name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { deleted, failed };
}
