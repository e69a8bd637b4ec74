/**
 * Fault injection: the failures a client of the real service must survive (throttling, 5xx,
 * slowness, dropped connections), at configurable rates. Decided after the signature check and
 * before the handler runs, so an injected fault never changes state and never lets an unsigned
 * request through.
 */
import { OosError } from './errors';
import type { FaultSettings } from './options';

/** What to do with one verified request. */
export type FaultDecision = { kind: 'none' } | { kind: 'drop' } | { kind: 'error'; error: OosError };

export class FaultInjector {
  private settings: Required<FaultSettings> = { throttlingRate: 0, serverErrorRate: 0, latencyMs: 0, dropRate: 0 };

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
      latencyMs: validLatency(settings.latencyMs),
    };
  }

  get latencyMs(): number {
    return this.settings.latencyMs;
  }

  /** Drop first (a dropped request can't also be answered), then throttling, then server errors. */
  decide(): FaultDecision {
    const { dropRate, throttlingRate, serverErrorRate } = this.settings;
    if (this.happens(dropRate)) return { kind: 'drop' };
    if (this.happens(throttlingRate)) {
      return { kind: 'error', error: new OosError('Throttling.User', 400, 'Request was denied due to user flow control.') };
    }
    if (this.happens(serverErrorRate)) {
      return { kind: 'error', error: new OosError('ServiceUnavailable', 503, 'The request has failed due to a temporary failure of the server.') };
    }
    return { kind: 'none' };
  }

  private happens(rate: number): boolean {
    return rate > 0 && this.random() < rate;
  }
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
