import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { inTransaction } from './transaction.ts';
import { addDailyCount } from './daily-counts.ts';
import { SHARE_NETWORKS, type CopyStats, type ShareCounts, type ShareNetwork } from '../domain/types.ts';

/**
 * Counts a share click unless the same reader clicked the same network for the same article within the window.
 * Returns whether it counted. The dedup check is the upsert itself (the row is inserted, or refreshed only when
 * the previous click is older than the window), so two simultaneous clicks from one reader count once on
 * PostgreSQL too.
 */
export async function recordShareClick(
  db: Kysely<Database>,
  click: { articleId: number; network: ShareNetwork; reader: string; now: Date; windowSeconds: number },
): Promise<boolean> {
  const at = click.now.toISOString();
  const since = new Date(click.now.getTime() - click.windowSeconds * 1000).toISOString();
  return inTransaction(db, async (tx) => {
    const fresh = await tx
      .insertInto('share_clicks')
      .values({ article_id: click.articleId, network: click.network, reader: click.reader, at })
      .onConflict((oc) => oc.columns(['article_id', 'network', 'reader']).doUpdateSet({ at }).where('share_clicks.at', '<=', since))
      .returning('article_id')
      .executeTakeFirst();
    if (!fresh) return false;
    await tx
      .insertInto('share_counts')
      .values({ article_id: click.articleId, network: click.network, count: 1 })
      .onConflict((oc) =>
        oc.columns(['article_id', 'network']).doUpdateSet((eb) => ({ count: eb('share_counts.count', '+', 1) })),
      )
      .execute();
    await addDailyCount(tx, click.articleId, 'share', click.now, click.network);
    return true;
  });
}

export async function getShareCounts(db: Kysely<Database>, articleId: number): Promise<ShareCounts> {
  const rows = await db.selectFrom('share_counts').select(['network', 'count']).where('article_id', '=', articleId).execute();
  const byNetwork = Object.fromEntries(SHARE_NETWORKS.map((n) => [n, 0])) as Record<ShareNetwork, number>;
  let total = 0;
  for (const r of rows) {
    if (r.network in byNetwork) {
      byNetwork[r.network as ShareNetwork] = Number(r.count);
      total += Number(r.count);
    }
  }
  return { byNetwork, total };
}

/** Drops dedup records older than the window; called from time to time, never on the request path. */
export async function pruneShareClicks(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom('share_clicks').where('at', '<', before.toISOString()).execute();
}

/** Records a copy (once per token) and counts it for its day. */
export async function recordCopy(
  db: Kysely<Database>,
  copy: { token: string; articleId: number; chars: number; now: Date },
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const fresh = await tx
      .insertInto('copies')
      .values({ token: copy.token, article_id: copy.articleId, chars: copy.chars, created_at: copy.now.toISOString(), visits: 0 })
      .onConflict((oc) => oc.column('token').doNothing())
      .returning('token')
      .executeTakeFirst();
    if (fresh) await addDailyCount(tx, copy.articleId, 'copy', copy.now);
  });
}

/** Counts a visit that arrived with a copy token (on `now`'s day). Returns the article id, or null for an unknown token. */
export async function recordCopyVisit(db: Kysely<Database>, token: string, now: Date = new Date()): Promise<number | null> {
  return inTransaction(db, async (tx) => {
    const r = await tx
      .updateTable('copies')
      .set((eb) => ({ visits: eb('visits', '+', 1) }))
      .where('token', '=', token)
      .returning('article_id')
      .executeTakeFirst();
    if (!r) return null;
    await addDailyCount(tx, r.article_id, 'copy-visit', now);
    return r.article_id;
  });
}

export async function getCopyStats(db: Kysely<Database>, articleId: number): Promise<CopyStats> {
  const r = await db
    .selectFrom('copies')
    .select((eb) => [eb.fn.countAll<number>().as('copies'), eb.fn.sum<number>('visits').as('visits')])
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  return { copies: Number(r?.copies ?? 0), visitsFromCopies: Number(r?.visits ?? 0) };
}
