// The pair_reviewers table: which accounts review which language pair (source → target).
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { Reviewer } from '../domain/translation.ts';

type Db = Kysely<Database>;
const pairKey = (from: string, to: string) => `${from}>${to}`;

/** Names the account for the pair; naming it again changes nothing. Returns the row's id. */
export async function insertReviewer(db: Db, r: { userId: number; from: string; to: string; now: string }): Promise<number> {
  await db
    .insertInto('pair_reviewers')
    .values({ user_id: r.userId, source_language: r.from, target_language: r.to, created_at: r.now })
    .onConflict((oc) => oc.columns(['user_id', 'source_language', 'target_language']).doNothing())
    .execute();
  const row = await db.selectFrom('pair_reviewers').select('id').where('user_id', '=', r.userId).where('source_language', '=', r.from).where('target_language', '=', r.to).executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteReviewer(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('pair_reviewers').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Every named reviewer (any account status), by pair then name. */
export async function listReviewers(db: Db, where: { id?: number; userId?: number } = {}): Promise<Reviewer[]> {
  let q = db.selectFrom('pair_reviewers as r').innerJoin('users as u', 'u.id', 'r.user_id');
  if (where.id != null) q = q.where('r.id', '=', where.id);
  if (where.userId != null) q = q.where('r.user_id', '=', where.userId);
  const rows = await q
    .select(['r.id', 'r.user_id', 'r.source_language', 'r.target_language', 'r.created_at', 'u.email', 'u.name', 'u.role'])
    .orderBy('r.source_language').orderBy('r.target_language').orderBy('u.name').orderBy('r.id')
    .execute();
  return rows.map((r) => ({ id: r.id, userId: r.user_id, email: r.email, name: r.name, role: r.role, from: r.source_language, to: r.target_language, createdAt: r.created_at }));
}

/** Active accounts named reviewer, per pair ("en>fr" → user ids); only the pair given, else all (a small table). */
export async function reviewerIdsByPair(db: Db, only?: { from: string; to: string }): Promise<Map<string, number[]>> {
  let q = db
    .selectFrom('pair_reviewers as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'r.source_language', 'r.target_language'])
    .where('u.status', '=', 'active');
  if (only) q = q.where('r.source_language', '=', only.from).where('r.target_language', '=', only.to);
  const rows = await q.orderBy('r.user_id').execute();
  const out = new Map<string, number[]>();
  for (const r of rows) {
    const key = pairKey(r.source_language, r.target_language);
    out.set(key, [...(out.get(key) ?? []), r.user_id]);
  }
  return out;
}

export async function reviewerIdsOf(db: Db, from: string, to: string): Promise<number[]> {
  return (await reviewerIdsByPair(db, { from, to })).get(pairKey(from, to)) ?? [];
}

export { pairKey };
