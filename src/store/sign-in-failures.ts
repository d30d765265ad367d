// Failed sign-ins, kept in the database so every process (and a restart) sees the same budget.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

export async function recordFailure(db: Db, keys: string[], at: string): Promise<void> {
  if (keys.length) await db.insertInto('sign_in_failures').values(keys.map((key) => ({ key, at }))).execute();
}

/** Failures for `key` since `since`, and the oldest of them (when the budget frees up). */
export async function failuresSince(db: Db, key: string, since: string): Promise<{ count: number; oldest: string | null }> {
  const r = await db
    .selectFrom('sign_in_failures')
    .select([(e) => e.fn.countAll<number>().as('n'), (e) => e.fn.min('at').as('oldest')])
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), oldest: (r.oldest as string | null) ?? null };
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
}

export async function pruneFailures(db: Db, before: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('at', '<', before).execute();
}
