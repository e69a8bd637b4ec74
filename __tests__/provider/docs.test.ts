/** The reference pages under docs/ are what lib/tooling/reference-docs.ts (npm run docs) makes of today's schemas and templates. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../lib/tooling';
import { DocumentedBlock, GENERATED_FOLDERS, REGENERATE_DOCS_COMMAND, docPages, generateDocs, schemaMarkdown } from '../../lib/tooling/reference-docs';

const ROOT = PACKAGE_ROOT;
const STALE = `docs/ is stale: run \`${REGENERATE_DOCS_COMMAND}\` and commit the result.`;
const generated = generateDocs(ROOT);

/** Every attribute and block name of a schema, nested ones and the attributes of object types included. */
function namesIn(block: DocumentedBlock): string[] {
  const objectNames = (type: unknown): string[] => (Array.isArray(type) ? (type[0] === 'object' ? Object.keys(type[1] as object) : objectNames(type[1])) : []);
  return [
    ...Object.entries(block.attributes).flatMap(([name, attribute]) => [name, ...objectNames(attribute.type)]),
    ...Object.entries(block.blocks ?? {}).flatMap(([name, nested]) => [name, ...namesIn(nested.block)]),
  ];
}

describe.each(docPages().map((page) => [page.file, page] as const))('docs/%s', (file, page) => {
  test('is what npm run docs generates', () => {
    const committed = existsSync(join(ROOT, 'docs', file)) ? readFileSync(join(ROOT, 'docs', file), 'utf8') : '(missing)';
    expect({ page: committed, fix: STALE }).toEqual({ page: generated.get(file), fix: STALE });
  });

  test('lists every attribute of the schema', () => {
    const text = generated.get(file) ?? '';
    const missing = namesIn(page.schema.block).filter((name) => !text.includes(`- \`${name}\` (`));
    expect(missing).toEqual([]);
  });

  test('carries an example', () => {
    expect(generated.get(file)).toContain('## Example Usage\n\n```terraform\n');
  });
});

test.each(GENERATED_FOLDERS)('docs/%s holds only generated pages', (folder) => {
  const pages = readdirSync(join(ROOT, 'docs', folder)).map((name) => `${folder}/${name}`);
  expect({ pages, fix: STALE }).toEqual({ pages: [...generated.keys()].filter((file) => file.startsWith(`${folder}/`)).sort(), fix: STALE });
});

test('a resource page has an Import section from examples/resources/<name>/import.sh', () => {
  const resources = [...generated].filter(([file]) => file.startsWith('resources/'));
  expect(resources.length).toBeGreaterThan(0);
  for (const [, text] of resources) expect(text).toMatch(/## Import\n\n[^]*```shell\n[^]*terraform import /);
});

describe('schema section', () => {
  test('groups attributes as Required, Optional and Read-Only, each sorted by name', () => {
    const markdown = schemaMarkdown({
      attributes: {
        id: { type: 'string', computed: true, description: 'Id' },
        zone: { type: 'string', optional: true, computed: true, description: 'Zone' },
        name: { type: 'string', required: true, description: 'Name' },
        labels: { type: ['map', 'string'], optional: true, description: 'Labels' },
      },
    });
    expect(markdown).toBe(
      [
        '## Schema',
        '',
        '### Required',
        '',
        '- `name` (String) Name.',
        '',
        '### Optional',
        '',
        '- `labels` (Map of String) Labels.',
        '- `zone` (String) Zone.',
        '',
        '### Read-Only',
        '',
        '- `id` (String) Id.',
      ].join('\n'),
    );
  });

  test('says when changing an attribute forces a new resource and what its validators accept', () => {
    const markdown = schemaMarkdown({
      attributes: {
        name: {
          type: 'string',
          required: true,
          description: 'The name',
          planModifiers: [{ description: 'Changing this forces a new resource.' }],
          validators: [{ description: 'length between 1 and 128' }, { description: 'one of `a`, `b`.' }],
        },
      },
    });
    expect(markdown).toContain('- `name` (String) The name. Changing this forces a new resource. Validation: length between 1 and 128; one of `a`, `b`.');
  });

  test('flags sensitive and write-only attributes', () => {
    const markdown = schemaMarkdown({ attributes: { secret: { type: 'string', optional: true, sensitive: true, writeOnly: true, description: 'S.' } } });
    expect(markdown).toContain('- `secret` (String, Sensitive, Write-only) S.');
  });

  test('gives a nested block its own schema, linked from the parent entry', () => {
    const markdown = schemaMarkdown({
      attributes: {},
      blocks: {
        assume_role: {
          nesting: 'list',
          maxItems: 1,
          block: { description: 'Assume a role', attributes: { role_arn: { type: 'string', required: true, description: 'ARN' } } },
        },
      },
    });
    expect(markdown).toContain('- `assume_role` (Block List, Max: 1) Assume a role. (see [below for nested schema](#nestedblock--assume_role))');
    expect(markdown).toContain('<a id="nestedblock--assume_role"></a>\n### Nested Schema for `assume_role`\n\nRequired:\n\n- `role_arn` (String) ARN.');
  });
});
