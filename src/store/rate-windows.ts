// Fixed-window rate limits in the database, so that every process takes from one budget. One statement per
// take: the upsert starts a new window or counts one more unit in the current one, and returns the units used.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Where fixed-window budgets are counted: this table, or Redis when configured (redis-windows.ts). */
export interface RateCounter {
  /** Takes one unit of `key` in the window that started at `windowStart` (ms, `now` inside it); returns the units now used. */
  take(key: string, windowStart: number, windowMs: number, now: number): Promise<number>;
}

/** Takes one unit of `key`'s budget in the window starting at `windowStart`; returns the units now used. */
export async function takeUnit(db: Kysely<Database>, key: string, windowStart: number): Promise<number> {
  const row = await db
    .insertInto('rate_windows')
    .values({ key, window_start: windowStart, used: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        used: sql<number>`CASE WHEN rate_windows.window_start = excluded.window_start THEN rate_windows.used + 1 ELSE 1 END`,
        window_start: sql<number>`excluded.window_start`,
      }),
    )
    .returning('used')
    .executeTakeFirstOrThrow();
  return Number(row.used);
}

export function databaseRateCounter(db: Kysely<Database>): RateCounter {
  return { take: (key, windowStart) => takeUnit(db, key, windowStart) };
}

/** Drops windows that ended before `before` (ms since the epoch). */
export async function pruneRateWindows(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom('rate_windows').where('window_start', '<', before).execute();
}
