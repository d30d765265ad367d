// Cheap questions the feed cache asks the store on every request, and once per rebuild.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { publicArticlesVersion } from '../store/article-refs.ts';

export interface StoreVersion {
  /** Changes whenever a public article is created, edited, published, unpublished or deleted. */
  key: string;
  /** Newest updated_at of a public article (null when there is none). */
  lastChange: string | null;
}

/** One aggregate query over the public articles (store/article-refs.ts says how it catches each change). */
export function storeVersion(db: Kysely<Database>): Promise<StoreVersion> {
  return publicArticlesVersion(db);
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
