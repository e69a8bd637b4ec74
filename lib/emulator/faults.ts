/**
 * Fault injection: the failures a client of the real service must survive (throttling, 5xx,
 * slowness, dropped connections, lost responses), at configurable rates. Decided after the
 * signature check, so an unsigned request is never let through. All but a lost response are
 * decided before the handler runs and change nothing; a lost response is a handler that ran.
 */
import { OosError } from './errors';
import type { FaultSettings } from './options';

/** What to do with one verified request. */
export type FaultDecision = { kind: 'none' } | { kind: 'drop' } | { kind: 'lose-response' } | { kind: 'malformed' } | { kind: 'error'; error: OosError };

export class FaultInjector {
  private settings: Required<Omit<FaultSettings, 'actions' | 'maxFaults'>> = {
    throttlingRate: 0,
    serverErrorRate: 0,
    latencyMs: 0,
    dropRate: 0,
    lostResponseRate: 0,
    malformedRate: 0,
  };
  private actions: ReadonlySet<string> | undefined;
  /** Faults still allowed; Infinity without maxFaults. */
  private remaining = Infinity;

  constructor(
    settings: FaultSettings = {},
    private readonly random: () => number = Math.random,
  ) {
    this.update(settings);
  }

  /** Replaces all settings; omitted fields go back to 0. */
  update(settings: FaultSettings): void {
    this.settings = {
      throttlingRate: validRate('throttlingRate', settings.throttlingRate),
      serverErrorRate: validRate('serverErrorRate', settings.serverErrorRate),
      dropRate: validRate('dropRate', settings.dropRate),
      lostResponseRate: validRate('lostResponseRate', settings.lostResponseRate),
      malformedRate: validRate('malformedRate', settings.malformedRate),
      latencyMs: validLatency(settings.latencyMs),
    };
    this.actions = settings.actions ? new Set(settings.actions) : undefined;
    if (settings.maxFaults !== undefined && !(Number.isInteger(settings.maxFaults) && settings.maxFaults >= 0)) {
      throw new RangeError(`faults.maxFaults must be a whole number of at least 0, got ${settings.maxFaults}.`);
    }
    this.remaining = settings.maxFaults ?? Infinity;
  }

  /** Whether faults apply to this action at all. */
  appliesTo(action: string): boolean {
    return this.actions === undefined || this.actions.has(action);
  }

  get latencyMs(): number {
    return this.settings.latencyMs;
  }

  /** One decision, counted against maxFaults when it is a fault. */
  decide(): FaultDecision {
    if (this.remaining <= 0) return { kind: 'none' };
    const decision = this.choose();
    if (decision.kind !== 'none') this.remaining--;
    return decision;
  }

  /** Drop first (a dropped request can't also be answered), then throttling, server errors, lost and malformed responses. */
  private choose(): FaultDecision {
    const { dropRate, throttlingRate, serverErrorRate, lostResponseRate, malformedRate } = this.settings;
    if (this.happens(dropRate)) return { kind: 'drop' };
    if (this.happens(throttlingRate)) {
      return { kind: 'error', error: new OosError('Throttling.User', 400, 'Request was denied due to user flow control.') };
    }
    if (this.happens(serverErrorRate)) {
      return { kind: 'error', error: new OosError('ServiceUnavailable', 503, 'The request has failed due to a temporary failure of the server.') };
    }
    if (this.happens(lostResponseRate)) return { kind: 'lose-response' };
    if (this.happens(malformedRate)) return { kind: 'malformed' };
    return { kind: 'none' };
  }

  private happens(rate: number): boolean {
    return rate > 0 && this.random() < rate;
  }
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same fault sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function validRate(name: string, rate: number | undefined): number {
  if (rate === undefined) return 0;
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new RangeError(`faults.${name} must be a number from 0 to 1, got ${rate}.`);
  return rate;
}

function validLatency(latencyMs: number | undefined): number {
  if (latencyMs === undefined) return 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new RangeError(`faults.latencyMs must be a non-negative number, got ${latencyMs}.`);
  return latencyMs;
}
