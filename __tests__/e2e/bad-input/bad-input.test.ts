/**
 * The bad-input corpus (cases/, see README.md) against the real terraform binary and the emulator:
 * every case fails before anything is created, with an error that names its field and says the fix,
 * and nothing crashes. The cases of one phase share one `terraform apply -json` (a file and, for
 * provider settings, a provider alias each), so the corpus costs two runs, side by side.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROVIDER_SOURCE } from '../../../lib/domain';
import { DEFAULT_EMULATOR_CREDENTIAL, RunningEmulator, startEmulator } from '../../../lib/emulator';
import { TerraformResult, TerraformWorkspace, emulatorClient, emulatorClientEnvironment } from '../../../lib/tooling';
import { BadInputCase, PHASES, Phase, loadCorpus } from './corpus';

/** One line of Terraform's machine-readable output that reports a diagnostic. */
interface JsonDiagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly detail?: string;
  readonly address?: string;
  readonly range?: { readonly filename: string };
}

/** Signs of a provider that died or threw instead of answering with a diagnostic. */
const CRASH_TEXT = /Plugin did not respond|panic:|stack trace|The plugin encountered an error|unexpected EOF|^\s+at .+:\d+:\d+\)?$/m;

const corpus = loadCorpus();

const SHARED_CONFIG = `
terraform {
  required_providers {
    oos = { source = "${PROVIDER_SOURCE}" }
  }
}

# The default provider: the emulator, from the environment.
provider "oos" {}

variable "emulator_access_key" {
  type    = string
  default = null
}

variable "closed_endpoint" {
  type    = string
  default = null
}
`;

interface PhaseRun {
  readonly result: TerraformResult;
  readonly diagnostics: JsonDiagnostic[];
}

let emulator: RunningEmulator;
const workspaces: TerraformWorkspace[] = [];
const runs = new Map<Phase, PhaseRun>();

beforeAll(async () => {
  emulator = await startEmulator({});
  const env = {
    ...emulatorClientEnvironment(emulator.url),
    TF_VAR_emulator_access_key: DEFAULT_EMULATOR_CREDENTIAL.accessKeyId,
    TF_VAR_closed_endpoint: `http://127.0.0.1:${await closedPort()}`,
  };
  await Promise.all(
    PHASES.map(async (phase) => {
      const workspace = await TerraformWorkspace.temporary({ env, prefix: `oos-bad-input-${phase}-` });
      workspaces.push(workspace);
      workspace.writeFile('_shared.tf', SHARED_CONFIG);
      for (const badCase of corpus.filter((candidate) => candidate.phase === phase)) workspace.writeFile(badCase.file, badCase.hcl);
      await workspace.init();
      const result = await workspace.run(['apply', '-auto-approve', '-input=false', '-no-color', '-json']);
      runs.set(phase, { result, diagnostics: errorDiagnostics(result.stdout) });
    }),
  );
}, 120_000);

afterAll(async () => {
  workspaces.forEach((workspace) => workspace.dispose());
  await emulator?.close();
});

describe('the corpus', () => {
  test('has at least 40 cases, each in a file of its own with a header', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.map((badCase) => badCase.file)).size).toBe(corpus.length);
  });

  test('README.md lists every case', () => {
    const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
    expect(corpus.filter((badCase) => !readme.includes(`| \`${badCase.id}\` |`)).map((badCase) => badCase.id)).toEqual([]);
  });
});

describe.each(PHASES)('%s-phase cases', (phase) => {
  test('terraform fails without crashing the provider', () => {
    const { result } = runOf(phase);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).not.toMatch(CRASH_TEXT);
  });

  test('every error belongs to a case of the corpus (nothing fails for another reason)', () => {
    const strays = runOf(phase).diagnostics.filter((diagnostic) => caseOf(diagnostic) === undefined);
    expect(strays).toEqual([]);
  });

  const ofPhase = corpus.filter((badCase) => badCase.phase === phase);
  const asRows = (cases: BadInputCase[]) => cases.map((badCase) => [badCase.id, badCase] as const);
  test.each(asRows(ofPhase.filter((badCase) => badCase.knownGap === undefined)))('%s: fails naming its field and the fix', (_id, badCase) =>
    expectNamedFailure(phase, badCase),
  );
  // A known gap is a defect reported to the owner of the message: this flips to a failure once it is
  // fixed, so that the `# known-gap:` line gets removed and the case guards the fix.
  const gaps = asRows(ofPhase.filter((badCase) => badCase.knownGap !== undefined));
  if (gaps.length > 0) test.failing.each(gaps)('%s: known gap, the message does not name its field yet', (_id, badCase) => expectNamedFailure(phase, badCase));
});

test('nothing was created in OOS', async () => {
  expect(runs.size).toBe(PHASES.length);
  await expect(emulatorClient(emulator.url).listChatConfigurations()).resolves.toEqual([]);
});

function expectNamedFailure(phase: Phase, badCase: BadInputCase): void {
  const messages = runOf(phase)
    .diagnostics.filter((diagnostic) => caseOf(diagnostic) === badCase)
    .map((diagnostic) => `${diagnostic.summary}: ${diagnostic.detail ?? ''}`);
  expect(messages).toContainEqual(expect.stringMatching(badCase.expectText));
  expect(messages.filter((message) => badCase.expectText.test(message))).toContainEqual(expect.stringContaining(badCase.expectField));
}

function runOf(phase: Phase): PhaseRun {
  const run = runs.get(phase);
  if (!run) throw new Error(`the ${phase} run did not happen; see beforeAll`);
  return run;
}

/** The case a diagnostic is about: by the file its range points into, else by the resource address's label. */
function caseOf(diagnostic: JsonDiagnostic): BadInputCase | undefined {
  const file = diagnostic.range?.filename;
  if (file) return corpus.find((badCase) => badCase.file === file);
  const label = diagnostic.address?.split('.').pop();
  return label ? corpus.find((badCase) => badCase.id.replace(/-/g, '_') === label) : undefined;
}

function errorDiagnostics(jsonLines: string): JsonDiagnostic[] {
  return jsonLines
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { type?: string; diagnostic?: JsonDiagnostic })
    .flatMap((message) => (message.type === 'diagnostic' && message.diagnostic?.severity === 'error' ? [message.diagnostic] : []));
}

/** A port on this machine where nothing listens: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
