/**
 * Soak runs behind the reliability figures (issue 8): many applies of many chat configurations
 * against the emulator under faults, kills and races, each checked for convergence, orphans and
 * double ownership. Figures come from here, never from a one-off.
 *
 *   npm run soak -- faults [--runs 10] [--count 300]
 *   npm run soak -- crash  [--runs 20] [--count 300] [--kill terraform|provider|both]
 *     (kills in folder A, then a plain apply from a fresh folder B sharing the state: another CI runner)
 *   npm run soak -- race   [--runs 10] [--count 50]
 *   npm run soak -- all    (the three above with their defaults)
 *   add --parallel N to run N soaks at once (each with its own emulator, folder and provider)
 *
 * Everything runs on this machine: an in-process emulator on 127.0.0.1 and the real terraform
 * with this package's provider (npm run build first; `npm run soak` does).
 */
import { type CommandLine, defineCommand, runCommand } from '../lib/command-line';
import { type SoakMode, runSoaks } from '../lib/tooling/soak';

const SOAK = defineCommand({
  name: 'soak',
  invocation: 'npm run soak --',
  description: 'Many applies of many chat configurations against the emulator under faults, kills and races, each checked for convergence.',
  positionals: [
    { name: 'mode', optional: true, choices: ['faults', 'crash', 'race', 'all'], description: 'the soak to run (default all: the three with their defaults)' },
  ],
  options: {
    runs: { type: 'number', integer: true, value: 'n', description: 'runs of each soak (default faults 10, crash 20 or 40 with --kill both, race 10)' },
    count: { type: 'number', integer: true, value: 'n', description: 'chat configurations per run (default 300, race 50)' },
    kill: { type: 'string', choices: ['terraform', 'provider', 'both'], default: 'both', description: 'what the crash soak kills (both: alternately)' },
    parallel: { type: 'number', integer: true, value: 'n', default: 1, description: 'soaks run at once, each with its own emulator, folder and provider' },
  },
});

async function main({ options, positionals }: CommandLine<(typeof SOAK)['options']>): Promise<number> {
  const mode = positionals[0] ?? 'all';
  const modes: SoakMode[] = mode === 'all' ? ['faults', 'crash', 'race'] : [mode as SoakMode];
  const summary = await runSoaks({
    modes,
    runs: options.runs,
    count: options.count,
    kill: options.kill as 'terraform' | 'provider' | 'both',
    parallel: options.parallel,
  });
  process.stdout.write(`\n${JSON.stringify(summary, null, 2)}\n`);
  return 0;
}

void runCommand(SOAK, main);
