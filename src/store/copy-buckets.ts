// PostgreSQL's postings for the copy index, packed: a bucket row per 4,096 key values, whose bytea holds
// 6 bytes per posting (12 bits of the key, the doc). A row per (key, doc) costs PostgreSQL ~56 bytes
// (tuple header, line pointer, B-tree entry) for 8 bytes of data; a bucket row spreads that overhead over all
// its postings (about 26 at a million articles). SQLite keeps copy_keys WITHOUT ROWID, already compact.
// Keys are segment minima, so small values are far more common than large ones: the bucket is taken from the
// key multiplied by an odd constant (a bijection of 32 bits), which spreads them evenly over the rows
// (migration 0018; 0014 cut the raw key, and the rows near 0 held up to a hundred times the average).
import { sql, type Kysely } from 'kysely';

const LOW_BITS = 12;
const LOW_MASK = (1 << LOW_BITS) - 1;
const ENTRY = 6;
/** The multiplier (odd, below 2^31 so that migration 0018 can apply it in bigint arithmetic). */
export const MIX = 0x5bd1e995;

const mixed = (key: number): number => Math.imul(key, MIX) >>> 0;
export const bucketOf = (key: number): number => mixed(key) >>> LOW_BITS;
const lowOf = (key: number): number => mixed(key) & LOW_MASK;

function pack(entries: ReadonlyArray<{ key: number; doc: number }>): Buffer {
  const b = Buffer.alloc(entries.length * ENTRY);
  entries.forEach((e, i) => {
    b.writeUInt16BE(lowOf(e.key), i * ENTRY);
    b.writeInt32BE(e.doc, i * ENTRY + 2);
  });
  return b;
}

function byBucket(postings: ReadonlyArray<{ key: number; doc: number }>): Map<number, Array<{ key: number; doc: number }>> {
  const m = new Map<number, Array<{ key: number; doc: number }>>();
  for (const p of postings) {
    const b = bucketOf(p.key);
    let list = m.get(b);
    if (!list) m.set(b, (list = []));
    list.push(p);
  }
  return m;
}

/**
 * Appends postings (none already stored). Buckets in ascending order, so concurrent writers lock alike.
 * Returns how many postings each bucket written now holds.
 */
export async function addPostings(db: Kysely<any>, postings: ReadonlyArray<{ key: number; doc: number }>): Promise<Map<number, number>> {
  const rows = [...byBucket(postings)].sort((a, b) => a[0] - b[0]);
  const sizes = new Map<number, number>();
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    const r = await sql<{ bucket: number; n: number }>`INSERT INTO copy_buckets (bucket, postings)
      SELECT * FROM unnest(${chunk.map(([b]) => b)}::int[], ${chunk.map(([, list]) => pack(list))}::bytea[])
      ON CONFLICT (bucket) DO UPDATE SET postings = copy_buckets.postings || EXCLUDED.postings
      RETURNING bucket, length(postings) / ${ENTRY} AS n`.execute(db);
    for (const row of r.rows) sizes.set(row.bucket, Number(row.n));
  }
  return sizes;
}

/** Rewrites the buckets these keys fall in without the postings `drop` names (locked, in bucket order). */
async function rewrite(db: Kysely<any>, keys: readonly number[], drop: (bucket: number, low: number, doc: number) => boolean): Promise<void> {
  const buckets = [...new Set(keys.map(bucketOf))].sort((a, b) => a - b);
  if (!buckets.length) return;
  const { rows } = await sql<{ bucket: number; postings: Buffer }>`SELECT bucket, postings FROM copy_buckets
    WHERE bucket = ANY(${buckets}::int[]) ORDER BY bucket FOR UPDATE`.execute(db);
  const kept = rows.map((r) => {
    const parts: Buffer[] = [];
    for (let at = 0; at + ENTRY <= r.postings.length; at += ENTRY) if (!drop(r.bucket, r.postings.readUInt16BE(at), r.postings.readInt32BE(at + 2))) parts.push(r.postings.subarray(at, at + ENTRY));
    return { bucket: r.bucket, postings: Buffer.concat(parts) };
  });
  if (!kept.length) return;
  await sql`UPDATE copy_buckets AS b SET postings = u.p
    FROM unnest(${kept.map((k) => k.bucket)}::int[], ${kept.map((k) => k.postings)}::bytea[]) AS u(bucket, p)
    WHERE b.bucket = u.bucket`.execute(db);
  await sql`DELETE FROM copy_buckets WHERE bucket = ANY(${kept.map((k) => k.bucket)}::int[]) AND length(postings) = 0`.execute(db);
}

/** Removes one doc's postings from the buckets its keys fall in. */
export const dropPostings = (db: Kysely<any>, doc: number, keys: readonly number[]): Promise<void> => rewrite(db, keys, (_b, _low, d) => d === doc);

const slot = (bucket: number, low: number): number => bucket * (LOW_MASK + 1) + low;

/** Removes every posting of these keys. */
export async function dropKeys(db: Kysely<any>, keys: readonly number[]): Promise<void> {
  const gone = new Set(keys.map((k) => slot(bucketOf(k), lowOf(k))));
  await rewrite(db, keys, (b, low) => gone.has(slot(b, low)));
}

/** Calls `hit(key, doc)` for every posting of these keys (one query, every bucket they fall in). */
async function scan(db: Kysely<any>, keys: readonly number[], hit: (key: number, doc: number) => void): Promise<void> {
  const wanted = new Map<number, Map<number, number>>();
  for (const k of keys) {
    const b = bucketOf(k);
    let lows = wanted.get(b);
    if (!lows) wanted.set(b, (lows = new Map()));
    lows.set(lowOf(k), k);
  }
  if (!wanted.size) return;
  const { rows } = await sql<{ bucket: number; postings: Buffer }>`SELECT bucket, postings FROM copy_buckets WHERE bucket = ANY(${[...wanted.keys()]}::int[])`.execute(db);
  for (const r of rows) {
    const lows = wanted.get(r.bucket)!;
    const p = r.postings;
    for (let at = 0; at + ENTRY <= p.length; at += ENTRY) {
      const key = lows.get((p[at] << 8) | p[at + 1]);
      if (key !== undefined) hit(key, p.readInt32BE(at + 2));
    }
  }
}

/** For each doc, how many of these keys it holds. */
export async function countHits(db: Kysely<any>, keys: readonly number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  await scan(db, keys, (_, doc) => counts.set(doc, (counts.get(doc) ?? 0) + 1));
  return counts;
}

/** For each of these keys that has postings, how many. */
export async function postingsPerKey(db: Kysely<any>, keys: readonly number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  await scan(db, keys, (key) => counts.set(key, (counts.get(key) ?? 0) + 1));
  return counts;
}

export async function countPostings(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ n: string | null }>`SELECT sum(length(postings)) AS n FROM copy_buckets`.execute(db);
  return Number(rows[0]?.n ?? 0) / ENTRY;
}
