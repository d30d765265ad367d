// Segments of a translation (source text with placeholders, target, status) and the reviewers' comments.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { SegmentCommentsTable, SegmentsTable } from './schema-translate.ts';

type Db = Kysely<Database>;
export type SegmentRow = Selectable<SegmentsTable>;
export type CommentRow = Selectable<SegmentCommentsTable>;

export async function insertSegments(db: Db, rows: Insertable<SegmentsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('segments').values(rows.slice(i, i + 200)).execute();
}

export async function segmentsOf(db: Db, articleId: number): Promise<SegmentRow[]> {
  return db.selectFrom('segments').selectAll().where('article_id', '=', articleId).orderBy('position').execute();
}

export async function findSegment(db: Db, articleId: number, id: number): Promise<SegmentRow | undefined> {
  return db.selectFrom('segments').selectAll().where('article_id', '=', articleId).where('id', '=', id).executeTakeFirst();
}

export async function updateSegment(db: Db, id: number, set: Partial<Omit<SegmentRow, 'id' | 'article_id'>>): Promise<void> {
  await db.updateTable('segments').set(set).where('id', '=', id).execute();
}

export async function deleteSegments(db: Db, ids: number[]): Promise<void> {
  if (ids.length) await db.deleteFrom('segments').where('id', 'in', ids).execute();
}

export async function countSegmentsByStatus(db: Db, articleIds: number[]): Promise<Map<number, { status: string; changed: number; n: number }[]>> {
  const out = new Map<number, { status: string; changed: number; n: number }[]>();
  if (!articleIds.length) return out;
  const rows = await db
    .selectFrom('segments')
    .select(['article_id', 'status', 'source_changed', (e) => e.fn.countAll<number>().as('n')])
    .where('article_id', 'in', articleIds)
    .groupBy(['article_id', 'status', 'source_changed'])
    .execute();
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push({ status: r.status, changed: Number(r.source_changed), n: Number(r.n) });
    out.set(r.article_id, list);
  }
  return out;
}

export async function insertComment(db: Db, c: Insertable<SegmentCommentsTable>): Promise<CommentRow> {
  return db.insertInto('segment_comments').values(c).returningAll().executeTakeFirstOrThrow();
}

export async function commentsOf(db: Db, articleId: number): Promise<CommentRow[]> {
  return db.selectFrom('segment_comments').selectAll().where('article_id', '=', articleId).orderBy('id').execute();
}
