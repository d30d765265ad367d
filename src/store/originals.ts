// The original text of an imported article, kept verbatim beside the draft for side-by-side translation.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface OriginalSnapshot {
  articleId: number;
  url: string | null;
  sourceKind: 'url' | 'html' | 'paste' | 'feed';
  fetchedAt: string;
  title: string;
  language: string | null;
  html: string;
  text: string;
  contentHash: string;
}

export async function saveOriginalSnapshot(db: Kysely<Database>, s: OriginalSnapshot): Promise<void> {
  const row = {
    article_id: s.articleId,
    url: s.url,
    source_kind: s.sourceKind,
    fetched_at: s.fetchedAt,
    title: s.title,
    language: s.language,
    html: s.html,
    text: s.text,
    content_hash: s.contentHash,
  };
  await db
    .insertInto('originals')
    .values(row)
    .onConflict((oc) => oc.column('article_id').doUpdateSet({ ...row }))
    .execute();
}

export async function findOriginalSnapshot(db: Kysely<Database>, articleId: number): Promise<OriginalSnapshot | null> {
  const r = await db.selectFrom('originals').selectAll().where('article_id', '=', articleId).executeTakeFirst();
  if (!r) return null;
  return {
    articleId: r.article_id,
    url: r.url,
    sourceKind: r.source_kind as OriginalSnapshot['sourceKind'],
    fetchedAt: r.fetched_at,
    title: r.title,
    language: r.language,
    html: r.html,
    text: r.text,
    contentHash: r.content_hash,
  };
}

export async function findSnapshotByHash(db: Kysely<Database>, contentHash: string): Promise<number | null> {
  const r = await db.selectFrom('originals').select('article_id').where('content_hash', '=', contentHash).executeTakeFirst();
  return r?.article_id ?? null;
}
