/**
 * `node dist/scripts/bundle-provider.js [entry.ts] [--outfile <file>] [--minify] [--no-code-cache]`
 * (part of `npm run build`): the provider's development bundle, made by lib/release/development-bundle.ts.
 */
import { relative } from 'node:path';
import { defineCommand, runCommand } from '../lib/command-line';
import { bundleProvider } from '../lib/release';

const BUNDLE_PROVIDER = defineCommand({
  name: 'bundle-provider',
  invocation: 'node dist/scripts/bundle-provider.js',
  description: 'Bundles a provider entry point into one CommonJS file with a loader and V8 code cache beside it.',
  positionals: [{ name: 'entry', optional: true, description: 'the provider entry point (default lib/provider/main.ts)' }],
  options: {
    outfile: { type: 'string', value: 'file', description: 'the loader to write (default dist/provider/terraform-provider-oos.js)' },
    minify: { type: 'boolean', description: 'minify the bundle' },
    'no-code-cache': { type: 'boolean', description: 'skip the warm start-up that writes the code cache' },
  },
});

void runCommand(BUNDLE_PROVIDER, async ({ options, positionals }) => {
  const outfile = await bundleProvider({ entry: positionals[0], outfile: options.outfile, minify: options.minify, codeCache: !options['no-code-cache'] });
  console.error(`bundle-provider: wrote ${relative(process.cwd(), outfile)}`);
  return 0;
});
