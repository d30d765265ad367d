// PostgreSQL's packed postings (copy-buckets.ts) and the migration that fills them from copy_keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestStore } from './test-store.ts';
import { addPostings, countHits, countPostings, dropPostings } from './copy-buckets.ts';
import { copyBuckets } from './migration-copy-buckets.ts';
import { copyStopKeys } from './migration-copy-stop-keys.ts';
import { bucketOf } from './copy-buckets.ts';

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
    // 0014 cut buckets from the raw key (0018 rebuilds them from copy_docs, mixed).
    const cut = await sql<{ bucket: number }>`SELECT bucket FROM copy_buckets ORDER BY bucket`.execute(db);
    assert.deepEqual(cut.rows.map((r) => r.bucket), [...new Set(KEYS.map((k) => k >> 12))].sort((a, b) => a - b));
    const gone = await sql<{ t: string | null }>`SELECT to_regclass('copy_keys')::text AS t`.execute(db);
    assert.equal(gone.rows[0].t, null);
  } finally {
    await store.close();
  }
});

test('migration 0018 rebuilds the buckets from copy_docs, mixed, without the keys too widely held', { skip: SKIP }, async () => {
  const store = await openTestStore();
  try {
    const db = store.db;
    await sql`DROP TABLE copy_buckets`.execute(db);
    await sql`DROP TABLE copy_stop_keys`.execute(db);
    await sql`CREATE TABLE copy_buckets (bucket integer PRIMARY KEY, postings bytea NOT NULL)`.execute(db);
    const now = new Date().toISOString();
    const ids = (await db.insertInto('articles').values(Array.from({ length: 102 }, (_, i) => ({ slug: `m${i}`, language: 'en', title: 't', summary: '', body_html: '', status: 'published', published_at: now, updated_at: now, created_at: now, canonical_policy: 'self', created_by: null }))).returning('id').execute()).map((r) => r.id);
    // Doc i holds every KEYS on the first two articles, and key 77 on all 102 (more than 100: a stop key).
    const keysOf = (i: number) => (i < 2 ? [...KEYS, 77] : [77]);
    await db.insertInto('copy_docs' as never).values(ids.map((id, i) => ({ doc: id * 2, article_id: id, language: 'en', keys: new Uint8Array(Int32Array.from(keysOf(i)).buffer) })) as never).execute();
    await copyStopKeys('postgres').up(db);
    assert.equal(await countPostings(db), KEYS.length * 2);
    assert.deepEqual(Object.fromEntries(await countHits(db, [...KEYS, 77])), { [ids[0] * 2]: KEYS.length, [ids[1] * 2]: KEYS.length });
    const stop = await sql<{ key: number }>`SELECT key FROM copy_stop_keys`.execute(db);
    assert.deepEqual(stop.rows.map((r) => r.key), [77]);
    const cut = await sql<{ bucket: number }>`SELECT bucket FROM copy_buckets ORDER BY bucket`.execute(db);
    assert.deepEqual(cut.rows.map((r) => r.bucket), [...new Set(KEYS.map(bucketOf))].sort((a, b) => a - b), 'the same buckets as written by addPostings');
  } finally {
    await store.close();
  }
});

test('keys near 0 (segment minima are small) spread over as many buckets as any other keys', () => {
  const low = new Set(Array.from({ length: 4096 }, (_, i) => bucketOf(i * 1000)));
  assert.ok(low.size > 3500, String(low.size));
});
