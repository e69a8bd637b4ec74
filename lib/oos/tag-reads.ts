/**
 * Batches tag reads: reads asked for within a few milliseconds of each other (a caller refreshing
 * ten configurations at once) share one ListTagResources of up to 50 ids, so reading N
 * configurations' tags costs one tag call per batch instead of one per configuration.
 */
import type { CallOptions } from './deadlines';
import type { CallHistory } from './errors';
import type { TagResource } from './types';

/** ListTagResources accepts at most 50 ResourceIds. */
const TAG_READ_BATCH_SIZE = 50;

/**
 * How long the first read of a batch waits for others. A caller's parallel reads arrive one by
 * one, a fraction of a millisecond apart, so waiting for the same turn of the event loop alone
 * batched almost nothing (292 tag calls for 300 configurations, issue 18); a few milliseconds
 * against a round trip of tens is what sharing the call costs.
 */
export const TAG_READ_WINDOW_MS = 3;

/** Lists the tags of `names` (every page) with these call options. */
export type ListTags = (names: readonly string[], options: CallOptions) => Promise<TagResource[]>;

interface PendingTagRead {
  readonly name: string;
  readonly options: CallOptions;
  readonly resolve: (tags: Record<string, string>) => void;
  readonly reject: (error: unknown) => void;
}

export class TagReadBatcher {
  /** Tag reads waiting for the next batch. */
  private pending: PendingTagRead[] = [];
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly list: ListTags,
    /** The deadline a read with these options would have, on the client's clock. */
    private readonly deadlineOf: (options: CallOptions) => number,
    private readonly now: () => number,
    /** How long a batch waits for more reads; 0 batches only reads of the same turn. */
    private readonly windowMs: number = TAG_READ_WINDOW_MS,
  ) {}

  /** The tags of `name`, read in the next batch. */
  read(name: string, options: CallOptions): Promise<Record<string, string>> {
    return new Promise((resolve, reject) => {
      this.pending.push({ name, options, resolve, reject });
      if (this.pending.length >= TAG_READ_BATCH_SIZE) this.flush();
      else if (this.pending.length === 1) {
        // nextTick still lets reads started in this turn (their promise chains settled) join.
        if (this.windowMs > 0) this.flushTimer = setTimeout(() => this.flush(), this.windowMs);
        else process.nextTick(() => this.flush());
      }
    });
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const pending = this.pending;
    this.pending = [];
    for (const batch of chunk(pending, TAG_READ_BATCH_SIZE)) void this.readBatch(batch);
  }

  /**
   * One ListTagResources for the batch, under its strictest deadline and aborted by any member's
   * signal, so no member waits longer than it asked. When that call fails (one bad id fails the
   * whole list, or a member's deadline ended it early), members whose own deadline and signal
   * still allow it read alone with their own options; the others get the batch's error.
   */
  private async readBatch(batch: readonly PendingTagRead[]): Promise<void> {
    if (batch.length === 1) {
      const [only] = batch;
      return this.readAlone(only.name, only.options).then(only.resolve, only.reject);
    }
    const names = [...new Set(batch.map((read) => read.name))];
    const deadlines = batch.map((read) => this.deadlineOf(read.options));
    const signals = batch.flatMap((read) => (read.options.signal ? [read.options.signal] : []));
    let history: CallHistory | undefined;
    try {
      const rows = await this.list(names, {
        deadline: Math.min(...deadlines),
        signal: signals.length > 0 ? AbortSignal.any(signals) : undefined,
        onHistory: (h) => (history = h),
      });
      for (const read of batch) {
        if (history) read.options.onHistory?.(history);
        read.resolve(tagsOf(rows, read.name));
      }
    } catch (error) {
      batch.forEach((read, i) => {
        const own = read.options.signal?.aborted !== true && this.now() < deadlines[i];
        if (own) void this.readAlone(read.name, read.options).then(read.resolve, read.reject);
        else {
          if (history) read.options.onHistory?.(history);
          read.reject(error);
        }
      });
    }
  }

  private async readAlone(name: string, options: CallOptions): Promise<Record<string, string>> {
    return tagsOf(await this.list([name], options), name);
  }
}

function tagsOf(rows: readonly TagResource[], name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of rows) if (t.resourceId === name) out[t.tagKey] = t.tagValue;
  return out;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
