// What publishing sets off outside our pages, called by publish/articles.ts inside the save's transaction:
// webmentions to the pages the article links, and the WebSub hub's notification of the feeds. Both are
// jobs, so the save makes no network call and a crash loses nothing.
import type { Kysely } from 'kysely';
import type { Article } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import { enqueueJob } from '../ingest/jobs/index.ts';

export const WEBMENTION_SEND = 'webmention-send';
export const WEBSUB_PUBLISH = 'websub-publish';

export async function onArticleSaved(db: Kysely<Database>, a: Pick<Article, 'id' | 'status' | 'publishedAt'>, now: Date): Promise<void> {
  if ((a.status !== 'published' && a.status !== 'scheduled') || !a.publishedAt) return;
  const due = new Date(Math.max(now.getTime(), Date.parse(a.publishedAt)));
  await enqueueJob(db, { kind: WEBMENTION_SEND, payload: { articleId: a.id }, runAt: due, dedupKey: `${WEBMENTION_SEND}:${a.id}`, maxAttempts: 3 }, now);
  await enqueueJob(db, { kind: WEBSUB_PUBLISH, payload: { articleId: a.id }, runAt: due, dedupKey: `${WEBSUB_PUBLISH}:${a.id}`, maxAttempts: 5 }, now);
}
