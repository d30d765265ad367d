import type { Kysely } from 'kysely';
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from './schema.ts';
import type { ApiTokenInfo, TokenScope } from '../domain/accounts.ts';

// Tokens are 256-bit random values: a fast hash is enough (no dictionary to defend against), and lets
// each request check its token with one indexed lookup.
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createApiToken(
  db: Kysely<Database>,
  name: string,
  now: Date,
  opts: { scope?: TokenScope; userId?: number | null } = {},
): Promise<{ token: string; id: number }> {
  const token = 'rl_' + randomBytes(32).toString('base64url');
  const row = await db
    .insertInto('api_tokens')
    .values({ name, token_hash: hashToken(token), created_at: now.toISOString(), scope: opts.scope ?? 'admin', user_id: opts.userId ?? null, revoked_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, id: row.id };
}

export interface CheckedToken {
  id: number;
  name: string;
  scope: TokenScope;
  userId: number | null;
}

/** The token's name, scope and owner when it is valid and not revoked, else null. */
export async function checkApiToken(db: Kysely<Database>, token: string, now: Date): Promise<CheckedToken | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'scope', 'user_id', 'last_used_at'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  // One write a minute at most: a busy token does not turn every read into a write.
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000)
    await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  return { id: row.id, name: row.name, scope: row.scope as TokenScope, userId: row.user_id };
}

export async function listApiTokens(db: Kysely<Database>, userId?: number, id?: number): Promise<ApiTokenInfo[]> {
  let q = db.selectFrom('api_tokens').select(['id', 'name', 'scope', 'user_id', 'created_at', 'last_used_at', 'revoked_at']);
  if (userId !== undefined) q = q.where('user_id', '=', userId);
  if (id !== undefined) q = q.where('id', '=', id);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, scope: r.scope as TokenScope, userId: r.user_id, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
}

export async function findApiToken(db: Kysely<Database>, id: number): Promise<ApiTokenInfo | undefined> {
  return (await listApiTokens(db, undefined, id))[0];
}

/** Revokes the token; `byName` is for the CLI. Returns how many were revoked. */
export async function revokeApiToken(db: Kysely<Database>, where: { id?: number; name?: string }, now: Date): Promise<number> {
  let q = db.updateTable('api_tokens').set({ revoked_at: now.toISOString() }).where('revoked_at', 'is', null);
  if (where.id != null) q = q.where('id', '=', where.id);
  else if (where.name != null) q = q.where('name', '=', where.name);
  else return 0;
  return Number((await q.executeTakeFirst()).numUpdatedRows ?? 0);
}
