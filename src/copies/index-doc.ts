// Keeps the copy index in step with what Relais publishes and imports: called inside the transaction that
// writes the article or the original. Only live articles (published or scheduled) are indexed.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { putCopyDoc, removeCopyDoc } from '../store/copy-index.ts';
import { indexKeysOf } from './signature.ts';
import { copyTextOf, copyTextOfHtml } from './text.ts';

interface IndexableArticle {
  id: number;
  language: string;
  status: string;
  bodyHtml: string;
}

const live = (status: string) => status === 'published' || status === 'scheduled';

export async function indexArticleCopy(db: Kysely<Database>, a: IndexableArticle): Promise<void> {
  if (!live(a.status)) return removeCopyDoc(db, a.id, 'article');
  await putCopyDoc(db, { articleId: a.id, kind: 'article', language: a.language, keys: indexKeysOf(copyTextOfHtml(a.bodyHtml)) });
}

/** The original an article was imported from (its plain text as extracted). */
export async function indexOriginalCopy(db: Kysely<Database>, o: { articleId: number; text: string; language: string | null }): Promise<void> {
  await putCopyDoc(db, { articleId: o.articleId, kind: 'original', language: o.language, keys: indexKeysOf(copyTextOf(o.text)) });
}

/** Before an article is deleted: its postings go too (copy_docs rows would follow by cascade, postings not). */
export async function removeArticleCopies(db: Kysely<Database>, articleId: number): Promise<void> {
  await removeCopyDoc(db, articleId, 'article');
  await removeCopyDoc(db, articleId, 'original');
}
