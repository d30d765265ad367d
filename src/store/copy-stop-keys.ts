// Uninformative keys: a key that many documents hold (a stock phrase, a recurring sign-off) proposes
// candidates without telling them apart, and its long posting list is what makes a lookup slow (on
// PostgreSQL a whole bucket row grows with it). Once a key is held by more than max(STOP_MIN, STOP_SHARE of
// the documents), it becomes a stop key (copy_stop_keys, migration 0018): its postings are dropped and none
// are written again. Verification still compares whole texts, so a match still counts those shingles.
import { sql, type Kysely } from 'kysely';
import * as buckets from './copy-buckets.ts';
import { isPostgres } from './search-index.ts';

export const STOP_MIN = 100;
export const STOP_SHARE = 1 / 1000;
const CHUNK = 4000;

/** doc numbers follow article ids (2 per article): max(doc) / 2 bounds the documents, read off the index. */
export async function stopThreshold(db: Kysely<any>): Promise<number> {
  const r = await sql<{ m: number | null }>`SELECT max(doc) AS m FROM copy_docs`.execute(db);
  return Math.max(STOP_MIN, Math.floor((Number(r.rows[0]?.m ?? 0) / 2) * STOP_SHARE));
}

/** Which of these keys are stop keys. */
export async function stopKeysAmong(db: Kysely<any>, keys: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  const distinct = [...new Set(keys)];
  for (let i = 0; i < distinct.length; i += CHUNK) {
    const rows = await db.selectFrom('copy_stop_keys').select('key').where('key', 'in', distinct.slice(i, i + CHUNK)).execute();
    for (const r of rows) out.add(Number(r.key));
  }
  return out;
}

/** After postings were added for these keys: those now held too widely become stop keys. */
export async function promoteStopKeys(db: Kysely<any>, keys: readonly number[], threshold?: number): Promise<number[]> {
  const limit = threshold ?? (await stopThreshold(db));
  const distinct = [...new Set(keys)];
  const stop: number[] = [];
  if (isPostgres(db)) {
    for (const [key, n] of await buckets.postingsPerKey(db, distinct)) if (n > limit) stop.push(key);
  } else {
    for (let i = 0; i < distinct.length; i += CHUNK) {
      const rows = await db.selectFrom('copy_keys').select('key').where('key', 'in', distinct.slice(i, i + CHUNK)).groupBy('key').having((eb) => eb.fn.countAll(), '>', limit).execute();
      for (const r of rows) stop.push(Number(r.key));
    }
  }
  if (!stop.length) return stop;
  await db.insertInto('copy_stop_keys').values(stop.map((key) => ({ key }))).onConflict((oc) => oc.doNothing()).execute();
  if (isPostgres(db)) await buckets.dropKeys(db, stop);
  else for (let i = 0; i < stop.length; i += CHUNK) await db.deleteFrom('copy_keys').where('key', 'in', stop.slice(i, i + CHUNK)).execute();
  return stop;
}
