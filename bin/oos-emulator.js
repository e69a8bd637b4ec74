#!/usr/bin/env node
// Entry point of `npx oos-emulator`; the emulator is compiled into dist/ by `npx tsc -p tsconfig.json`.
'use strict';

let cli;
try {
  cli = require('../dist/lib/emulator/cli.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('oos-emulator: dist/ is missing; build first with `npx tsc -p tsconfig.json`.\n');
    process.exit(1);
  }
  throw error;
}

cli.main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`oos-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
