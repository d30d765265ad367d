// Rebuilds the copy index from what is stored (after a restore, or for articles older than the index).
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { compactCopyIndex } from '../store/copy-index.ts';
import { indexArticleCopy, indexOriginalCopy } from './index-doc.ts';

export async function reindexAllCopies(db: Kysely<Database>): Promise<{ articles: number; originals: number }> {
  let articles = 0;
  let originals = 0;
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('articles').select(['id', 'language', 'status', 'body_html']).where('id', '>', after).orderBy('id').limit(200).execute();
    if (rows.length === 0) break;
    await db.transaction().execute(async (tx) => {
      for (const r of rows) {
        await indexArticleCopy(tx, { id: r.id, language: r.language, status: r.status, bodyHtml: r.body_html });
        if (r.status === 'published' || r.status === 'scheduled') articles++;
        const o = await tx.selectFrom('originals').select(['text', 'language']).where('article_id', '=', r.id).executeTakeFirst();
        if (o) {
          await indexOriginalCopy(tx, { articleId: r.id, text: o.text, language: o.language });
          originals++;
        }
      }
    });
    after = rows[rows.length - 1].id;
  }
  await compactCopyIndex(db);
  return { articles, originals };
}
