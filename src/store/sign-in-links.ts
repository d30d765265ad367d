// One-time links: sign-in, invitation and reset. Stored as SHA-256 of the random token; used once.
import type { Kysely, Selectable } from 'kysely';
import type { Database, SignInLinksTable } from './schema.ts';

type Db = Kysely<Database>;
export type SignInLinkRow = Selectable<SignInLinksTable>;

export async function insertLink(db: Db, row: Omit<SignInLinkRow, 'used_at'>): Promise<void> {
  await db.insertInto('sign_in_links').values({ ...row, used_at: null }).execute();
}

export async function findUsableLink(db: Db, tokenHash: string, now: string): Promise<SignInLinkRow | undefined> {
  return db
    .selectFrom('sign_in_links')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks the link used; false when another request used it first (single use under concurrency). */
export async function claimLink(db: Db, tokenHash: string, now: string): Promise<boolean> {
  const r = await db.updateTable('sign_in_links').set({ used_at: now }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0) === 1;
}

/** A new link replaces the user's earlier unused ones of the same purpose. */
export async function expireLinks(db: Db, userId: number, now: string): Promise<void> {
  await db.updateTable('sign_in_links').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}
