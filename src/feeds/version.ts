// Cheap questions the feed cache asks the store on every request, and once per rebuild.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

export interface StoreVersion {
  /** Changes whenever an article is created, edited, published or deleted. */
  key: string;
  /** Newest updated_at of any article (null when there is none). */
  lastChange: string | null;
}

/**
 * One aggregate query: the newest updated_at catches every create/edit/publish (they all stamp it), the
 * count catches deletions (which leave no row to stamp), the sum of versions two writes in one millisecond.
 */
export async function storeVersion(db: Kysely<Database>): Promise<StoreVersion> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => [eb.fn.max('updated_at').as('m'), eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('version').as('v')])
    .executeTakeFirst();
  const lastChange = (row?.m as string | null | undefined) ?? null;
  return { key: `${lastChange ?? '-'}#${Number(row?.n ?? 0)}#${Number(row?.v ?? 0)}`, lastChange };
}

/** When the next article becomes visible by the clock alone (scheduled, or published with a future date). */
export async function nextDue(db: Kysely<Database>, now: Date): Promise<number | null> {
  const row = await db
    .selectFrom('articles')
    .select(sql<string | null>`min(published_at)`.as('due'))
    .where('status', 'in', ['published', 'scheduled'])
    .where('published_at', '>', now.toISOString())
    .executeTakeFirst();
  return row?.due ? Date.parse(row.due) : null;
}
