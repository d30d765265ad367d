// Notices inside the newsroom: one row per recipient.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { NoticesTable } from './schema-translate.ts';

type Db = Kysely<Database>;
export type NoticeRow = Selectable<NoticesTable>;

export async function insertNotices(db: Db, rows: Omit<NoticeRow, 'id' | 'read_at'>[]): Promise<void> {
  if (rows.length) await db.insertInto('notices').values(rows).execute();
}

export async function noticesFor(db: Db, userId: number, opts: { unreadOnly: boolean; limit: number }): Promise<NoticeRow[]> {
  let q = db.selectFrom('notices').selectAll().where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('id', 'desc').limit(opts.limit).execute();
}

export async function countUnread(db: Db, userId: number): Promise<number> {
  const r = await db.selectFrom('notices').select((e) => e.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks the user's notice read; false when it is not theirs (or does not exist). */
export async function markNoticeRead(db: Db, userId: number, id: number, at: string): Promise<boolean> {
  const own = await db.selectFrom('notices').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!own) return false;
  await db.updateTable('notices').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
  return true;
}
