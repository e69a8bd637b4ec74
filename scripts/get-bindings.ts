/**
 * `npm run bindings` (alias `npm run get`): regenerates .gen/, the cdktf bindings of this
 * package's provider (lib/tooling/bindings.ts).
 */
import { relative } from 'node:path';
import { defineCommand, runCommand } from '../lib/command-line';
import { PACKAGE_ROOT } from '../lib/tooling';
import { bindingsDir, getBindings } from '../lib/tooling/bindings';

const GET_BINDINGS = defineCommand({
  name: 'get-bindings',
  invocation: 'npm run bindings',
  description: "Regenerates .gen/, the cdktf bindings of this package's provider, with cdktf get against a local mirror.",
  options: {},
});

void runCommand(GET_BINDINGS, async () => {
  const started = Date.now();
  await getBindings(PACKAGE_ROOT, bindingsDir(PACKAGE_ROOT));
  console.error(`get-bindings: wrote ${relative(PACKAGE_ROOT, bindingsDir(PACKAGE_ROOT))}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
});
