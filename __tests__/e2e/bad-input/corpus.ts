/**
 * The bad-input corpus: one Terraform file per case under cases/<phase>/, each opening with a
 * header that says which field the error must name, what the message must say and what the case
 * proves:
 *
 *   # field: tags
 *   # expect: /at most 20/
 *   # proves: more than 20 tags are refused
 *   # known-gap: what the message lacks (optional: a defect reported, not yet fixed)
 *
 * `validate` cases fail on the arguments alone (Terraform's validate walk); `plan` cases need the
 * provider configured or OOS asked (provider configure, ModifyPlan, data source reads). Terraform
 * stops before planning when anything fails validation, so each phase is its own run.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

export const PHASES = ['validate', 'plan'] as const;
export type Phase = (typeof PHASES)[number];

export interface BadInputCase {
  /** The file name without `.tf`, e.g. `tags-21-keys`. */
  readonly id: string;
  readonly phase: Phase;
  /** The file name inside the workspace: cases of both phases may not share one. */
  readonly file: string;
  readonly hcl: string;
  /** The argument the error must name (in its summary or detail). */
  readonly expectField: string;
  /** What the error's summary or detail must say: the problem and the fix. */
  readonly expectText: RegExp;
  readonly proves: string;
  /** Set (`# known-gap: …`) while the message falls short; says what is missing. */
  readonly knownGap?: string;
}

const CASES_DIR = join(__dirname, 'cases');

/** Every case of the corpus, in file-name order within each phase. */
export function loadCorpus(): BadInputCase[] {
  return PHASES.flatMap((phase) =>
    readdirSync(join(CASES_DIR, phase))
      .filter((file) => file.endsWith('.tf'))
      .sort()
      .map((file) => parseCase(phase, file, readFileSync(join(CASES_DIR, phase, file), 'utf8'))),
  );
}

function parseCase(phase: Phase, file: string, hcl: string): BadInputCase {
  const header = (name: string): string => {
    const line = hcl.match(new RegExp(`^# ${name}: (.+)$`, 'm'));
    if (!line) throw new Error(`cases/${phase}/${file} has no "# ${name}:" header line`);
    return line[1].trim();
  };
  const expect = header('expect').match(/^\/(.+)\/([a-z]*)$/);
  if (!expect) throw new Error(`cases/${phase}/${file}: "# expect:" must be a /regular expression/`);
  return {
    id: basename(file, '.tf'),
    phase,
    file,
    hcl,
    expectField: header('field'),
    expectText: new RegExp(expect[1], expect[2]),
    proves: header('proves'),
    knownGap: hcl.match(/^# known-gap: (.+)$/m)?.[1].trim(),
  };
}
