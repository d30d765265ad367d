// Sign-in sessions. The cookie holds a random value; only its SHA-256 is stored, so a copy of the
// database does not sign anyone in.
import type { Kysely, Selectable } from 'kysely';
import type { Database, SessionsTable } from './schema.ts';

type Db = Kysely<Database>;
export type SessionRow = Selectable<SessionsTable>;

export async function insertSession(db: Db, s: Omit<SessionRow, 'revoked_at'>): Promise<void> {
  await db.insertInto('sessions').values({ ...s, revoked_at: null }).execute();
}

export async function findLiveSession(db: Db, idHash: string, now: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('id_hash', '=', idHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, set: { last_seen_at: string; expires_at: string }): Promise<void> {
  await db.updateTable('sessions').set(set).where('id_hash', '=', idHash).execute();
}

export async function setSecondFactor(db: Db, idHash: string, secondFactor: string): Promise<void> {
  await db.updateTable('sessions').set({ second_factor: secondFactor }).where('id_hash', '=', idHash).execute();
}

export async function listLiveSessions(db: Db, userId: number, now: string): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export async function revokeSessions(db: Db, userId: number, now: string, opts: { idPrefix?: string; exceptHash?: string } = {}): Promise<number> {
  let q = db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (opts.idPrefix) q = q.where('id_hash', 'like', `${opts.idPrefix.replace(/[^0-9a-f]/g, '')}%`);
  if (opts.exceptHash) q = q.where('id_hash', '!=', opts.exceptHash);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0);
}

export async function revokeSession(db: Db, idHash: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('id_hash', '=', idHash).execute();
}
