// PostgreSQL's postings for the copy index, packed: a key's high 20 bits name a bucket row, whose bytea holds
// 6 bytes per posting (the key's low 12 bits, the doc). A row per (key, doc) costs PostgreSQL ~56 bytes
// (tuple header, line pointer, B-tree entry) for 8 bytes of data; a bucket row spreads that overhead over all
// its postings (about 26 at a million articles). SQLite keeps copy_keys WITHOUT ROWID, already compact.
import { sql, type Kysely } from 'kysely';

const LOW_BITS = 12;
const LOW_MASK = (1 << LOW_BITS) - 1;
const ENTRY = 6;

export const bucketOf = (key: number): number => key >> LOW_BITS;

function pack(entries: ReadonlyArray<{ key: number; doc: number }>): Buffer {
  const b = Buffer.alloc(entries.length * ENTRY);
  entries.forEach((e, i) => {
    b.writeUInt16BE(e.key & LOW_MASK, i * ENTRY);
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

/** Appends postings (none already stored). Buckets in ascending order, so concurrent writers lock alike. */
export async function addPostings(db: Kysely<any>, postings: ReadonlyArray<{ key: number; doc: number }>): Promise<void> {
  const rows = [...byBucket(postings)].sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    await sql`INSERT INTO copy_buckets (bucket, postings)
      SELECT * FROM unnest(${chunk.map(([b]) => b)}::int[], ${chunk.map(([, list]) => pack(list))}::bytea[])
      ON CONFLICT (bucket) DO UPDATE SET postings = copy_buckets.postings || EXCLUDED.postings`.execute(db);
  }
}

/** Removes one doc's postings from the buckets its keys fall in. */
export async function dropPostings(db: Kysely<any>, doc: number, keys: readonly number[]): Promise<void> {
  const buckets = [...new Set(keys.map(bucketOf))].sort((a, b) => a - b);
  if (!buckets.length) return;
  const { rows } = await sql<{ bucket: number; postings: Buffer }>`SELECT bucket, postings FROM copy_buckets
    WHERE bucket = ANY(${buckets}::int[]) ORDER BY bucket FOR UPDATE`.execute(db);
  const kept = rows.map((r) => {
    const parts: Buffer[] = [];
    for (let at = 0; at + ENTRY <= r.postings.length; at += ENTRY) if (r.postings.readInt32BE(at + 2) !== doc) parts.push(r.postings.subarray(at, at + ENTRY));
    return { bucket: r.bucket, postings: Buffer.concat(parts) };
  });
  if (!kept.length) return;
  await sql`UPDATE copy_buckets AS b SET postings = u.p
    FROM unnest(${kept.map((k) => k.bucket)}::int[], ${kept.map((k) => k.postings)}::bytea[]) AS u(bucket, p)
    WHERE b.bucket = u.bucket`.execute(db);
  await sql`DELETE FROM copy_buckets WHERE bucket = ANY(${kept.map((k) => k.bucket)}::int[]) AND length(postings) = 0`.execute(db);
}

/** For each doc, how many of these keys it holds. */
export async function countHits(db: Kysely<any>, keys: readonly number[]): Promise<Map<number, number>> {
  const wanted = new Map<number, Set<number>>();
  for (const k of keys) {
    const b = bucketOf(k);
    let lows = wanted.get(b);
    if (!lows) wanted.set(b, (lows = new Set()));
    lows.add(k & LOW_MASK);
  }
  const { rows } = await sql<{ bucket: number; postings: Buffer }>`SELECT bucket, postings FROM copy_buckets WHERE bucket = ANY(${[...wanted.keys()]}::int[])`.execute(db);
  const counts = new Map<number, number>();
  for (const r of rows) {
    const lows = wanted.get(r.bucket)!;
    for (let at = 0; at + ENTRY <= r.postings.length; at += ENTRY) {
      if (!lows.has(r.postings.readUInt16BE(at))) continue;
      const doc = r.postings.readInt32BE(at + 2);
      counts.set(doc, (counts.get(doc) ?? 0) + 1);
    }
  }
  return counts;
}

export async function countPostings(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ n: string | null }>`SELECT sum(length(postings)) AS n FROM copy_buckets`.execute(db);
  return Number(rows[0]?.n ?? 0) / ENTRY;
}
