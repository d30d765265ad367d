// The readers already counted on a day (migration-daily-readers.ts). Claiming inserts the batch's
// (day, digest) pairs with ON CONFLICT DO NOTHING and returns only the rows that were inserted: the pairs no
// other process (nor an earlier flush) had counted. Same SQL on both databases.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface DailyReader {
  /** YYYY-MM-DD, UTC. */
  day: string;
  digest: string;
}

export const readerKey = (r: DailyReader): string => `${r.day}\0${r.digest}`;

/** Records the readers; returns the keys (readerKey) of those not recorded before. */
export async function claimDailyReaders(db: Kysely<Database>, readers: readonly DailyReader[]): Promise<Set<string>> {
  const fresh = new Set<string>();
  // 500 rows × 2 values stays far below both databases' limits on bound parameters.
  for (let i = 0; i < readers.length; i += 500) {
    const rows = await db
      .insertInto('daily_readers')
      .values(readers.slice(i, i + 500).map((r) => ({ day: r.day, digest: r.digest })))
      .onConflict((oc) => oc.columns(['day', 'digest']).doNothing())
      .returning(['day', 'digest'])
      .execute();
    for (const r of rows) fresh.add(readerKey(r));
  }
  return fresh;
}

/** Drops the days before `day` (YYYY-MM-DD). */
export async function pruneDailyReaders(db: Kysely<Database>, day: string): Promise<void> {
  await db.deleteFrom('daily_readers').where('day', '<', day).execute();
}
