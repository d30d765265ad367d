// Writes of the pixel's batched views: each republishing page's row (first/last seen, total) and its day
// count; a page seen for the first time gets its check job (check-job.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { enqueueJob } from '../../ingest/jobs/index.ts';
import { REPUBLISHER_CHECK_JOB, checkDedupKey } from './check-job.ts';

export interface RepublisherViews {
  articleId: number;
  placement: string;
  /** The republishing page (from the Referer), or `urn:relais:placement:<token>` when the browser sent none. */
  pageUrl: string;
  day: string;
  count: number;
}

export function placementUrn(placement: string): string {
  return `urn:relais:placement:${placement}`;
}

/** Adds the views; returns the ids of republishers seen for the first time. */
export async function addRepublisherViews(db: Kysely<Database>, batch: readonly RepublisherViews[], now: Date): Promise<number[]> {
  const at = now.toISOString();
  const fresh: number[] = [];
  for (const v of batch) {
    const host = v.pageUrl.startsWith('urn:') ? '' : new URL(v.pageUrl).host;
    const exists = await db.selectFrom('articles').select('id').where('id', '=', v.articleId).executeTakeFirst();
    if (!exists) continue; // a deleted article's pixel keeps answering but counts nothing
    const row = await db
      .insertInto('republishers')
      .values({ article_id: v.articleId, page_url: v.pageUrl, host, placement: v.placement, first_seen: at, last_seen: at, views: v.count })
      .onConflict((oc) =>
        oc.columns(['article_id', 'page_url']).doUpdateSet((eb) => ({ last_seen: at, views: eb('republishers.views', '+', eb.ref('excluded.views')) })),
      )
      .returning(['id', 'first_seen'])
      .executeTakeFirstOrThrow();
    await db
      .insertInto('republisher_views')
      .values({ republisher_id: row.id, day: v.day, count: v.count })
      .onConflict((oc) => oc.columns(['republisher_id', 'day']).doUpdateSet((eb) => ({ count: eb('republisher_views.count', '+', eb.ref('excluded.count')) })))
      .execute();
    if (row.first_seen === at && host) {
      fresh.push(row.id);
      await enqueueJob(db, { kind: REPUBLISHER_CHECK_JOB, payload: { republisherId: row.id }, dedupKey: checkDedupKey(row.id, now), maxAttempts: 3 }, now);
    }
  }
  return fresh;
}
