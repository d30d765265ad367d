// Counting a share click, atomically. store/counters.ts recordShareClick reads then writes, so on
// PostgreSQL two simultaneous clicks from one reader (a double click) can both count. Here the dedup check
// is the upsert itself: the row is inserted, or refreshed only when the previous click is older than the
// window, and only then is the counter incremented. Same tables, same semantics.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { ShareNetwork } from '../domain/types.ts';

export async function countShareClick(
  db: Kysely<Database>,
  click: { articleId: number; network: ShareNetwork; reader: string; now: Date; windowSeconds: number },
): Promise<boolean> {
  const at = click.now.toISOString();
  const since = new Date(click.now.getTime() - click.windowSeconds * 1000).toISOString();
  return db.transaction().execute(async (tx) => {
    const fresh = await tx
      .insertInto('share_clicks')
      .values({ article_id: click.articleId, network: click.network, reader: click.reader, at })
      .onConflict((oc) =>
        oc
          .columns(['article_id', 'network', 'reader'])
          .doUpdateSet({ at })
          .where('share_clicks.at', '<=', since),
      )
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
    return true;
  });
}
