// What page views and the kit pixel share: a reader counts once a day (the day's set of reader HMACs is
// dropped at the day change, and bounded), and the request path only touches memory: counts are merged
// by key and written in batches every couple of seconds; a failed write keeps them for the next one.
export interface DailyBatchOptions {
  flushMs?: number;
  /** Readers remembered per day; past it, hits still count but are not deduplicated (bounded memory). */
  maxReaders?: number;
  onError?: (err: unknown) => void;
}

export interface DailyBatch<T extends { count: number }> {
  /** True unless `reader` was already seen on `day`. */
  firstToday(day: string, reader: string): boolean;
  add(item: T): void;
  /** Writes the batched counts now. */
  flush(): Promise<void>;
}

export function createDailyBatch<T extends { count: number }>(
  keyOf: (item: T) => string,
  write: (batch: T[]) => Promise<void>,
  opts: DailyBatchOptions = {},
): DailyBatch<T> {
  const flushMs = opts.flushMs ?? 2000;
  const maxReaders = opts.maxReaders ?? 1_000_000;
  let seenDay = '';
  let seen = new Set<string>();
  let pending = new Map<string, T>();
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  function add(item: T): void {
    const id = keyOf(item);
    const known = pending.get(id);
    if (known) known.count += item.count;
    else pending.set(id, { ...item });
    schedule();
  }

  async function writeNow(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending.size) return;
    const batch = [...pending.values()];
    pending = new Map();
    try {
      await write(batch);
    } catch (err) {
      for (const item of batch) add(item); // kept for the next flush: nothing is lost to a passing failure
      throw err;
    }
  }

  function flush(): Promise<void> {
    writing = writing.catch(() => {}).then(writeNow);
    return writing;
  }

  function schedule(): void {
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
    add,
    flush,
  };
}
