import type { Kysely } from 'kysely';
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from './schema.ts';

// Tokens are 256-bit random values: a fast hash is enough (no dictionary to defend against), and lets
// each request check its token with one indexed lookup.
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createApiToken(db: Kysely<Database>, name: string, now: Date): Promise<string> {
  const token = 'rl_' + randomBytes(32).toString('base64url');
  await db.insertInto('api_tokens').values({ name, token_hash: hashToken(token), created_at: now.toISOString() }).execute();
  return token;
}

/** Returns the token's name when valid, else null. */
export async function checkApiToken(db: Kysely<Database>, token: string, now: Date): Promise<string | null> {
  const row = await db.selectFrom('api_tokens').select(['id', 'name']).where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row) return null;
  await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  return row.name;
}
