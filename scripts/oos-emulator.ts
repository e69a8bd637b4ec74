/** `npx oos-emulator [options]`: the emulator's command line (lib/emulator/cli.ts), run by bin/oos-emulator.js. */
import { runCommand } from '../lib/command-line';
import { EMULATOR_COMMAND, serveEmulator } from '../lib/emulator/cli';

void runCommand(EMULATOR_COMMAND, serveEmulator);
