/**
 * .gen/ is what `npm run bindings` writes today: `cdktf get` is run again into a scratch folder
 * (against the release executable of the current code, through a local mirror) and compared byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../../lib/tooling';
import { REGENERATE_BINDINGS_COMMAND, bindingsDir, filesUnder, getBindings } from '../../lib/tooling/bindings';

const ROOT = PACKAGE_ROOT;
const STALE = `.gen/ is stale: run \`${REGENERATE_BINDINGS_COMMAND}\` and commit the result.`;

function contentsUnder(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((file) => [relative(dir, file), readFileSync(file, 'utf8')]));
}

describe('generated bindings (.gen/)', () => {
  let scratch: string;
  let regenerated: Map<string, string>;
  let committed: Map<string, string>;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'oos-bindings-fresh-'));
    await getBindings(ROOT, join(scratch, 'gen'));
    regenerated = contentsUnder(join(scratch, 'gen'));
    committed = contentsUnder(bindingsDir(ROOT));
  });

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('holds exactly the files cdktf get writes', () => {
    expect({ files: [...committed.keys()], fix: STALE }).toEqual({ files: [...regenerated.keys()], fix: STALE });
  });

  test('every file is byte for byte what cdktf get writes now', () => {
    const differing = [...regenerated].filter(([file, text]) => committed.get(file) !== text).map(([file]) => file);
    expect({ differing, fix: STALE }).toEqual({ differing: [], fix: STALE });
  });

  test('every generated TypeScript file says so and reaches cdktf only through the framework module', () => {
    const typescript = [...committed].filter(([file]) => file.endsWith('.ts'));
    expect(typescript.length).toBeGreaterThan(0);
    for (const [file, text] of typescript) {
      expect({ file, header: text.split('\n')[0] }).toEqual({ file, header: expect.stringContaining(`Regenerate with \`${REGENERATE_BINDINGS_COMMAND}\``) });
      expect({ file, importsCdktf: /from 'cdktf'/.test(text) }).toEqual({ file, importsCdktf: false });
    }
  });
});
