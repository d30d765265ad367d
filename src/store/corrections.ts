// Dated correction notes of articles (shown on the page and in the feeds).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type { Correction } from '../domain/types.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertCorrection(db: Db, c: { articleId: number; at: string; text: string; userId: number | null }): Promise<Correction> {
  const { id } = await db
    .insertInto('corrections')
    .values({ article_id: c.articleId, at: c.at, text: c.text, user_id: c.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, at: c.at, text: c.text };
}

/** Corrections of these articles, oldest first, by article id (one query). */
export async function correctionsOf(db: Db, articleIds: number[]): Promise<Map<number, Correction[]>> {
  const out = new Map<number, Correction[]>();
  if (!articleIds.length) return out;
  const rows = await db.selectFrom('corrections').selectAll().where('article_id', 'in', articleIds).orderBy('at').orderBy('id').execute();
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push({ id: r.id, at: r.at, text: r.text });
    out.set(r.article_id, list);
  }
  return out;
}
