// Test helper: a fresh, migrated store on the database the suite runs against.
// DATABASE_URL=postgres://… runs every suite on PostgreSQL, each store in its own throwaway schema.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openStore, type Store } from './db.ts';

export async function openTestStore(): Promise<Store> {
  const url = process.env.DATABASE_URL;
  if (url && /^postgres/.test(url)) {
    const schema = 'test_' + randomBytes(6).toString('hex');
    const store = await openStore(url, { schema });
    return {
      ...store,
      async close() {
        await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(store.db);
        await store.close();
      },
    };
  }
  return openStore(':memory:');
}
