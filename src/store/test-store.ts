// Test helper: a fresh, migrated store on the database the suite runs against.
// DATABASE_URL=postgres://… runs every suite on PostgreSQL, each store in its own throwaway schema.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { join } from 'node:path';
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

/**
 * For tests that run a whole process (the CLI, the server): a database URL it can open as in production,
 * on SQLite in `dataDir`, or a throwaway PostgreSQL database when DATABASE_URL names a PostgreSQL server.
 */
export async function openThrowawayDatabase(dataDir: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const pgUrl = process.env.DATABASE_URL;
  if (!pgUrl || !/^postgres/.test(pgUrl)) return { url: `sqlite:${join(dataDir, 'relais.sqlite')}`, drop: async () => {} };
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = async (query: string) => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    try {
      await c.query(query);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  return { url: u.href, drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
