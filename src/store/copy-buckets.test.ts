// PostgreSQL's packed postings (copy-buckets.ts) and the migration that fills them from copy_keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestStore } from './test-store.ts';
import { addPostings, countHits, countPostings, dropPostings } from './copy-buckets.ts';
import { copyBuckets } from './migration-copy-buckets.ts';

const SKIP = !/^postgres/.test(process.env.DATABASE_URL ?? '') && 'PostgreSQL only (SQLite keeps copy_keys): set DATABASE_URL=postgres://…';

// Keys across the whole signed 32-bit range, several sharing a bucket (same high 20 bits), negatives too.
const KEYS = [0, 1, 4095, 4096, -1, -4096, -4097, 2147483647, -2147483648, 123456789, 123456790, -987654321];

test('postings are added, counted per doc, and dropped for one doc only', { skip: SKIP }, async () => {
  const store = await openTestStore();
  try {
    const db = store.db;
    await addPostings(db, KEYS.map((key) => ({ key, doc: 10 })));
    await addPostings(db, KEYS.slice(0, 5).map((key) => ({ key, doc: 12 })));
    assert.equal(await countPostings(db), KEYS.length + 5);
    const hits = await countHits(db, [...KEYS.slice(3), 99, -99]);
    assert.deepEqual(Object.fromEntries(hits), { 10: KEYS.length - 3, 12: 2 });
    await dropPostings(db, 10, KEYS);
    assert.deepEqual(Object.fromEntries(await countHits(db, KEYS)), { 12: 5 });
    await dropPostings(db, 12, KEYS.slice(0, 5));
    assert.equal(await countPostings(db), 0);
    const left = await sql<{ n: string }>`SELECT count(*) AS n FROM copy_buckets`.execute(db);
    assert.equal(Number(left.rows[0].n), 0, 'emptied buckets are deleted');
  } finally {
    await store.close();
  }
});

test('the migration moves every copy_keys row into the buckets', { skip: SKIP }, async () => {
  const store = await openTestStore();
  try {
    const db = store.db;
    await sql`DROP TABLE copy_buckets`.execute(db);
    await sql`CREATE TABLE copy_keys (key integer NOT NULL, doc integer NOT NULL, PRIMARY KEY (key, doc))`.execute(db);
    const rows = KEYS.flatMap((key, i) => [{ key, doc: 2 }, ...(i % 3 === 0 ? [{ key, doc: 7 }] : [])]);
    await db.insertInto('copy_keys' as never).values(rows as never).execute();
    await copyBuckets('postgres').up(db);
    assert.equal(await countPostings(db), rows.length);
    assert.deepEqual(Object.fromEntries(await countHits(db, KEYS)), { 2: KEYS.length, 7: Math.ceil(KEYS.length / 3) });
    const gone = await sql<{ t: string | null }>`SELECT to_regclass('copy_keys')::text AS t`.execute(db);
    assert.equal(gone.rows[0].t, null);
  } finally {
    await store.close();
  }
});
