// Site settings the owner changes in the newsroom (JSON values by key).
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

export async function readSetting<T>(db: Db, key: string, fallback: T): Promise<T> {
  const r = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  return r ? (JSON.parse(r.value_json) as T) : fallback;
}

export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  const value_json = JSON.stringify(value);
  await db.insertInto('settings').values({ key, value_json }).onConflict((oc) => oc.column('key').doUpdateSet({ value_json })).execute();
}
