import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { openStore } from './db.ts';

const url = process.env.DATABASE_URL;
const onPostgres = !!url && /^postgres/.test(url);

// Other processes create and drop schemas (here a churn of throwaway schemas with serial columns) while this
// one migrates a fresh schema: the migration must not trip over objects that vanish under it.
test('a migration is not disturbed by schemas dropped meanwhile', { skip: onPostgres ? false : 'PostgreSQL only (set DATABASE_URL)' }, async () => {
  const churn = new pg.Client({ connectionString: url });
  await churn.connect();
  let stop = false;
  const churning = (async () => {
    while (!stop) {
      const name = 'churn_' + randomBytes(5).toString('hex');
      await churn.query(`CREATE SCHEMA ${name}; CREATE TABLE ${name}.a (id serial primary key, t text); CREATE TABLE ${name}.b (id serial primary key)`);
      await churn.query(`DROP SCHEMA ${name} CASCADE`);
    }
  })();
  try {
    for (let i = 0; i < 6; i++) {
      const schema = 'test_' + randomBytes(6).toString('hex');
      const store = await openStore(url!, { schema });
      try {
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM articles`.execute(store.db);
        assert.equal(rows[0]!.n, 0);
      } finally {
        await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(store.db);
        await store.close();
      }
    }
  } finally {
    stop = true;
    await churning;
    await churn.end();
  }
});
