// Per-article, per-day counters behind the dashboards: page views, share clicks per network, copies and the
// visits copies brought back. Writes add to a day's count with one upsert per batch (same SQL on both databases).
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export const DAILY_METRICS = ['view', 'share', 'copy', 'copy-visit'] as const;
export type DailyMetric = (typeof DAILY_METRICS)[number];

export interface DailyIncrement {
  articleId: number;
  metric: DailyMetric;
  /** The network for shares, '' (or absent) otherwise. */
  key?: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  count: number;
}

/** The UTC day of an instant, as daily_counts stores it. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Adds every increment to its row, creating the rows that do not exist yet. */
export async function addDailyCounts(db: Kysely<Database>, increments: readonly DailyIncrement[]): Promise<void> {
  // One statement may not name the same row twice (PostgreSQL refuses it), so the batch is merged first.
  const merged = new Map<string, DailyIncrement>();
  for (const inc of increments) {
    if (inc.count <= 0) continue;
    const row = { ...inc, key: inc.key ?? '' };
    const id = `${row.articleId}\0${row.metric}\0${row.key}\0${row.day}`;
    const known = merged.get(id);
    if (known) known.count += row.count;
    else merged.set(id, row);
  }
  const rows = [...merged.values()].map((r) => ({ article_id: r.articleId, metric: r.metric, key: r.key ?? '', day: r.day, count: r.count }));
  // 500 rows × 5 values stays far below SQLite's and PostgreSQL's limits on bound parameters.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('daily_counts')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc
          .columns(['article_id', 'metric', 'key', 'day'])
          .doUpdateSet((eb) => ({ count: eb('daily_counts.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();
  }
}

/** Convenience for the one-event writers (a share click, a copy, a visit). */
export async function addDailyCount(db: Kysely<Database>, articleId: number, metric: DailyMetric, at: Date, key = ''): Promise<void> {
  await addDailyCounts(db, [{ articleId, metric, key, day: dayOf(at), count: 1 }]);
}
