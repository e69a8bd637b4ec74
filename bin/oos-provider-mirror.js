#!/usr/bin/env node
// Entry point of `npx oos-provider-mirror`: scripts/provider-mirror.ts, compiled on first use.
require('../scripts/run.js').runTypeScript('scripts/provider-mirror.ts', process.argv.slice(2));
