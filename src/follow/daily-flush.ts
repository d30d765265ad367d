// One flush of a daily batch (daily-batch.ts), in one transaction: the hits' (day, reader) pairs are claimed
// in daily_readers and only the hits whose pair was inserted (no process had counted that reader that day)
// are added to the counts. A failure rolls both back, so a retry neither loses nor repeats a count.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { claimDailyReaders, readerKey } from '../store/daily-readers.ts';

export interface DailyBatchStore<T> {
  db: () => Kysely<Database>;
  /** Rows whose counts add up (the same key for the same row). */
  keyOf: (item: T) => string;
  write: (db: Kysely<Database>, batch: T[]) => Promise<void>;
}

export interface DailyHit<T> {
  day: string;
  /** The reader's keyed hash (reader.ts): never an address. */
  digest: string;
  item: T;
}

export async function flushHits<T extends { count: number }>(store: DailyBatchStore<T>, hits: readonly DailyHit<T>[]): Promise<void> {
  await store.db().transaction().execute(async (tx) => {
    const fresh = await claimDailyReaders(tx, hits);
    const merged = new Map<string, T>();
    for (const { item, ...reader } of hits) {
      if (!fresh.has(readerKey(reader))) continue; // counted by another process (or an earlier flush)
      const id = store.keyOf(item);
      const known = merged.get(id);
      if (known) known.count += item.count;
      else merged.set(id, { ...item });
    }
    if (merged.size) await store.write(tx, [...merged.values()]);
  });
}
