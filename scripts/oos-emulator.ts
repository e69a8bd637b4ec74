/** `npx oos-emulator [options]`: the emulator's command line (lib/emulator/cli.ts), run by bin/oos-emulator.js. */
import { main } from '../lib/emulator/cli';

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`oos-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
