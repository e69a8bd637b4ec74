/**
 * `npm run docs`: rewrites the reference pages under docs/ from the provider's schemas and the
 * templates in templates/ (lib/tooling/reference-docs.ts).
 */
import { defineCommand, runCommand } from '../lib/command-line';
import { PACKAGE_ROOT } from '../lib/tooling';
import { writeDocs } from '../lib/tooling/reference-docs';

const GENERATE_DOCS = defineCommand({
  name: 'generate-docs',
  invocation: 'npm run docs',
  description: "Rewrites the reference pages under docs/ from the provider's schemas and the templates in templates/.",
  options: {},
});

void runCommand(GENERATE_DOCS, () => {
  const written = writeDocs(PACKAGE_ROOT);
  console.error(`generate-docs: wrote ${written.map((file) => `docs/${file}`).join(', ')}`);
  return 0;
});
