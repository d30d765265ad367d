// What page views and the kit pixel share: a reader counts once a day, and the request path only touches
// memory. A hit whose reader this process has not seen today waits in the batch with its digest; every couple
// of seconds the flush claims the batch's (day, digest) pairs in daily_readers and, in the same transaction,
// adds only the claimed hits to the counts, so a reader whose hits reach several processes counts once. The
// local seen set (dropped at the day change, bounded) spares the table the repeats of one process. A failed
// flush rolls back and keeps its hits for the next one.
import { pruneDailyReaders, readerKey } from '../store/daily-readers.ts';
import { flushHits, type DailyBatchStore, type DailyHit } from './daily-flush.ts';

export type { DailyBatchStore } from './daily-flush.ts';

export interface DailyBatchOptions {
  flushMs?: number;
  /** Readers remembered per day; past it, every hit goes to the flush (where the table still deduplicates). */
  maxReaders?: number;
  /** Hits waiting past which a flush starts at once. */
  maxPending?: number;
  onError?: (err: unknown) => void;
}

export interface DailyBatch<T extends { count: number }> {
  /** True unless this process already saw `reader` on `day` (whether another did is settled at the flush). */
  firstToday(day: string, reader: string): boolean;
  /** Adds `reader`'s hit, counted at the flush if no process had counted `reader` on `day`. */
  add(day: string, reader: string, item: T): void;
  /** Writes the batched counts now. */
  flush(): Promise<void>;
}

const dayBefore = (day: string) => new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);

export function createDailyBatch<T extends { count: number }>(store: DailyBatchStore<T>, opts: DailyBatchOptions = {}): DailyBatch<T> {
  const flushMs = opts.flushMs ?? 2000;
  const maxReaders = opts.maxReaders ?? 1_000_000;
  const maxPending = opts.maxPending ?? 50_000;
  let seenDay = '';
  let seen = new Set<string>();
  let pending = new Map<string, DailyHit<T>>();
  let prunedBefore = '';
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  function keep(hit: DailyHit<T>): void {
    const id = readerKey(hit);
    const known = pending.get(id);
    if (known) known.item.count += hit.item.count;
    else pending.set(id, hit);
  }

  async function writeNow(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending.size) return;
    const hits = [...pending.values()];
    pending = new Map();
    try {
      await flushHits(store, hits);
    } catch (err) {
      for (const hit of hits) keep(hit); // kept for the next flush: nothing is lost to a passing failure
      throw err;
    }
    // A flush just after midnight may still carry yesterday's hits: the day before the latest one is kept.
    const oldest = dayBefore(hits.reduce((latest, h) => (h.day > latest ? h.day : latest), ''));
    if (oldest > prunedBefore) {
      await pruneDailyReaders(store.db(), oldest);
      prunedBefore = oldest;
    }
  }

  function flush(): Promise<void> {
    writing = writing.catch(() => {}).then(writeNow);
    return writing;
  }

  function schedule(): void {
    if (pending.size === maxPending) void flush().catch((err) => opts.onError?.(err));
    if (timer) return;
    timer = setTimeout(() => flush().catch((err) => opts.onError?.(err)), flushMs);
    timer.unref();
  }

  return {
    firstToday(day, reader) {
      if (day !== seenDay) {
        seenDay = day;
        seen = new Set();
      }
      if (seen.has(reader)) return false;
      if (seen.size < maxReaders) seen.add(reader);
      return true;
    },
    add(day, reader, item) {
      keep({ day, digest: reader, item: { ...item } });
      schedule();
    },
    flush,
  };
}
