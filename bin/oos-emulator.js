#!/usr/bin/env node
// Entry point of `npx oos-emulator`: scripts/oos-emulator.ts, compiled on first use.
require('../scripts/run.js').runTypeScript('scripts/oos-emulator.ts', process.argv.slice(2));
