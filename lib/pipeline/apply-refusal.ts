/** Why terraform refused to apply a saved plan, in the words a CI job log needs (`npm run apply`). */

/** The refusal terraform's output shows, worded with its fix; undefined for errors shown as they are. */
export function applyRefusal(output: string, stack: string, planFile: string): string | undefined {
  if (/Saved plan is stale/i.test(output)) {
    return (
      `refused: ${planFile} is stale. The state of ${stack} changed since this plan was made (another apply ran), so applying it ` +
      `could undo or repeat that change. Nothing was applied. Plan again (npm run plan -- ${stack}), review the new summary and apply that plan.`
    );
  }
  if (/Error acquiring the state lock/i.test(output)) {
    return (
      `refused: another run holds the state lock of ${stack} (see the lock info above). Nothing was applied and the state is untouched. ` +
      'Wait for that run and retry (raise --lock-timeout to wait longer); its apply may make this plan stale.'
    );
  }
  return undefined;
}
