// The copy-detection index's storage (src/copies/ computes the keys): one copy_docs row per indexed
// document with its keys, and the postings key → doc: copy_keys on SQLite, packed buckets on PostgreSQL
// (copy-buckets.ts). Written inside the caller's transaction.
import { sql, type Kysely } from 'kysely';
import * as buckets from './copy-buckets.ts';
import type { Database } from './schema.ts';
import type { CopiesTables } from './schema-copies.ts';
import { isPostgres } from './search-index.ts';
import { promoteStopKeys, stopKeysAmong, stopThreshold } from './copy-stop-keys.ts';

type Db = Kysely<Database & CopiesTables>;
const asCopyDb = (db: Kysely<Database>): Db => db as unknown as Db;

export type CopyDocKind = 'article' | 'original';

export const docOf = (articleId: number, kind: CopyDocKind): number => articleId * 2 + (kind === 'original' ? 1 : 0);
export const articleOfDoc = (doc: number): number => Math.floor(doc / 2);
export const kindOfDoc = (doc: number): CopyDocKind => (doc % 2 === 1 ? 'original' : 'article');

function encodeKeys(keys: readonly number[]): Uint8Array {
  return new Uint8Array(Int32Array.from(keys, (k) => k | 0).buffer);
}

function decodeKeys(bytes: Uint8Array): number[] {
  const copy = Uint8Array.from(bytes);
  return [...new Int32Array(copy.buffer, 0, Math.floor(copy.byteLength / 4))];
}

async function dropPostings(db: Db, doc: number): Promise<void> {
  const row = await db.selectFrom('copy_docs').select('keys').where('doc', '=', doc).executeTakeFirst();
  if (!row) return;
  const keys = decodeKeys(row.keys);
  if (isPostgres(db)) return buckets.dropPostings(db, doc, keys);
  for (let i = 0; i < keys.length; i += 500) await db.deleteFrom('copy_keys').where('doc', '=', doc).where('key', 'in', keys.slice(i, i + 500)).execute();
}

/** Replaces a document's keys (32-bit unsigned hashes, stored as signed 32-bit integers). */
export async function putCopyDoc(dbIn: Kysely<Database>, d: { articleId: number; kind: CopyDocKind; language: string | null; keys: readonly number[] }): Promise<void> {
  const db = asCopyDb(dbIn);
  const doc = docOf(d.articleId, d.kind);
  await dropPostings(db, doc);
  const keys = [...new Set(d.keys.map((k) => k | 0))];
  const bytes = encodeKeys(keys);
  await db
    .insertInto('copy_docs')
    .values({ doc, article_id: d.articleId, language: d.language, keys: bytes })
    .onConflict((oc) => oc.column('doc').doUpdateSet({ language: d.language, keys: bytes }))
    .execute();
  await addPostings(db, keys.map((key) => ({ key, doc })));
}

/** Postings for every key that is not a stop key; then the keys now held too widely become stop keys. */
async function addPostings(db: Db, all: Array<{ key: number; doc: number }>): Promise<void> {
  const stop = await stopKeysAmong(db, all.map((p) => p.key));
  const postings = stop.size ? all.filter((p) => !stop.has(p.key)) : all;
  if (!isPostgres(db)) {
    for (let i = 0; i < postings.length; i += 2000) await db.insertInto('copy_keys').values(postings.slice(i, i + 2000)).onConflict((oc) => oc.doNothing()).execute();
    return void (await promoteStopKeys(db, postings.map((p) => p.key)));
  }
  // Only a bucket holding more postings than the threshold can hold a key over it: most need no count.
  const sizes = await buckets.addPostings(db, postings);
  const limit = await stopThreshold(db);
  const crowded = postings.filter((p) => (sizes.get(buckets.bucketOf(p.key)) ?? 0) > limit).map((p) => p.key);
  if (crowded.length) await promoteStopKeys(db, crowded, limit);
}

/**
 * After a bulk build: every bucket row was rewritten once per batch that touched it, and the dead versions
 * stay in the file until VACUUM FULL rewrites it (PostgreSQL; outside a transaction). Publishing one article
 * at a time leaves little behind for autovacuum: this is for rebuilds.
 */
export async function compactCopyIndex(dbIn: Kysely<Database>): Promise<void> {
  if (isPostgres(dbIn)) await sql`VACUUM FULL ANALYZE copy_buckets`.execute(dbIn);
}

/** How many postings the index holds (tests, benchmarks). */
export async function countCopyPostings(dbIn: Kysely<Database>): Promise<number> {
  const db = asCopyDb(dbIn);
  if (isPostgres(db)) return buckets.countPostings(db);
  const r = await db.selectFrom('copy_keys').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function removeCopyDoc(dbIn: Kysely<Database>, articleId: number, kind: CopyDocKind): Promise<void> {
  const db = asCopyDb(dbIn);
  const doc = docOf(articleId, kind);
  await dropPostings(db, doc);
  await db.deleteFrom('copy_docs').where('doc', '=', doc).execute();
}

export interface CopyCandidate {
  doc: number;
  hits: number;
}

/**
 * The list repeated up to the next power of two (≥ 16): IN ignores repeats, and a few list lengths mean a
 * few statements, prepared once (the SQLite adapter keeps them by SQL text) instead of one per lookup.
 */
function padded(keys: number[]): number[] {
  let size = 16;
  while (size < keys.length) size *= 2;
  return keys.length === size ? keys : Array.from({ length: size }, (_, i) => keys[i % keys.length]);
}

/** The documents holding the most of these keys, most first (ties: lower doc first). */
export async function lookupCopyKeys(dbIn: Kysely<Database>, keys: readonly number[], limit: number): Promise<CopyCandidate[]> {
  if (keys.length === 0) return [];
  const db = asCopyDb(dbIn);
  const signed = [...new Set(keys.map((k) => k | 0))];
  const counts = new Map<number, number>();
  if (isPostgres(dbIn)) {
    for (const [doc, hits] of await buckets.countHits(db, signed)) counts.set(doc, hits);
  } else {
    for (let i = 0; i < signed.length; i += 4000) {
      const rows = await db.selectFrom('copy_keys').select(['doc', (eb) => eb.fn.countAll<number>().as('hits')]).where('key', 'in', padded(signed.slice(i, i + 4000))).groupBy('doc').execute();
      for (const r of rows) counts.set(r.doc, (counts.get(r.doc) ?? 0) + Number(r.hits));
    }
  }
  return [...counts].map(([doc, hits]) => ({ doc, hits })).sort((a, b) => b.hits - a.hits || a.doc - b.doc).slice(0, limit);
}

export interface CopyDocInfo {
  doc: number;
  articleId: number;
  language: string | null;
  keyCount: number;
}

export async function findCopyDocs(dbIn: Kysely<Database>, docs: readonly number[]): Promise<CopyDocInfo[]> {
  if (docs.length === 0) return [];
  const rows = await asCopyDb(dbIn).selectFrom('copy_docs').select(['doc', 'article_id', 'language', 'keys']).where('doc', 'in', [...docs]).execute();
  return rows.map((r) => ({ doc: r.doc, articleId: r.article_id, language: r.language, keyCount: Math.floor(r.keys.byteLength / 4) }));
}

export async function countCopyDocs(dbIn: Kysely<Database>): Promise<number> {
  const r = await asCopyDb(dbIn).selectFrom('copy_docs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Bulk build: documents not in the index yet, many per statement (a rebuild, a benchmark). */
export async function insertNewCopyDocs(dbIn: Kysely<Database>, docs: ReadonlyArray<{ articleId: number; kind: CopyDocKind; language: string | null; keys: readonly number[] }>): Promise<void> {
  const db = asCopyDb(dbIn);
  const rows = docs.map((d) => ({ doc: docOf(d.articleId, d.kind), article_id: d.articleId, language: d.language, keys: [...new Set(d.keys.map((k) => k | 0))] }));
  for (let i = 0; i < rows.length; i += 200)
    await db.insertInto('copy_docs').values(rows.slice(i, i + 200).map((r) => ({ doc: r.doc, article_id: r.article_id, language: r.language, keys: encodeKeys(r.keys) }))).execute();
  await addPostings(db, rows.flatMap((r) => r.keys.map((key) => ({ key, doc: r.doc }))));
}
