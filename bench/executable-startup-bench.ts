/**
 * Start to handshake of the release executable (Bun, what Terraform installs) beside the Go
 * anchor, in one run, interleaved so that machine load hits both alike (issue 18: ≤ 2.0× Go).
 */
import { cachedReleaseExecutable, measureStartup, type StartupFigures } from '../lib/release';
import { findGoAnchor } from './bench-support';

export interface ExecutableStartupResult {
  readonly executable: StartupFigures;
  /** Absent when the Go anchor is not on this machine. */
  readonly goAnchor?: StartupFigures;
  /** executable median / Go median. */
  readonly ratio?: number;
}

const ROUNDS = 3;
const RUNS_PER_ROUND = 10;

export async function runExecutableStartupBench(): Promise<ExecutableStartupResult> {
  const executable = cachedReleaseExecutable().executable;
  const anchor = findGoAnchor();
  const ours: StartupFigures[] = [];
  const go: StartupFigures[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(await measureStartup(executable, RUNS_PER_ROUND));
    if (anchor) go.push(await measureStartup(anchor, RUNS_PER_ROUND));
  }
  const executableFigures = merged(ours);
  const goFigures = anchor ? merged(go) : undefined;
  return { executable: executableFigures, goAnchor: goFigures, ratio: goFigures ? executableFigures.medianMs / goFigures.medianMs : undefined };
}

/** The rounds' figures as one: the median of medians, the worst p90, the best minimum. */
function merged(rounds: readonly StartupFigures[]): StartupFigures {
  const medians = rounds.map((round) => round.medianMs).sort((a, b) => a - b);
  return {
    runs: rounds.reduce((sum, round) => sum + round.runs, 0),
    medianMs: medians[Math.floor(medians.length / 2)],
    p90Ms: Math.max(...rounds.map((round) => round.p90Ms)),
    minMs: Math.min(...rounds.map((round) => round.minMs)),
  };
}
