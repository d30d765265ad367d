// Migration: copy index stop keys (copy-stop-keys.ts) and, on PostgreSQL, buckets cut from the mixed key
// (copy-buckets.ts). Keys held by more than max(100, 1/1000 of the documents) become stop keys and lose
// their postings; the PostgreSQL buckets are rebuilt from copy_docs, the index's source of truth.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './db.ts';

export function copyStopKeys(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      const limit = sql`(SELECT max(100, coalesce(max(doc), 0) / 2000) FROM copy_docs)`;
      if (dialect !== 'postgres') {
        await sql`CREATE TABLE copy_stop_keys (key INTEGER PRIMARY KEY)`.execute(db);
        await sql`INSERT INTO copy_stop_keys SELECT key FROM copy_keys GROUP BY key HAVING count(*) > ${limit}`.execute(db);
        await sql`DELETE FROM copy_keys WHERE key IN (SELECT key FROM copy_stop_keys)`.execute(db);
        return;
      }
      await sql`CREATE TABLE copy_stop_keys (key integer PRIMARY KEY)`.execute(db);
      await sql`CREATE TABLE copy_buckets_mixed (bucket integer PRIMARY KEY, postings bytea NOT NULL) WITH (fillfactor = 80)`.execute(db);
      await sql`ALTER TABLE copy_buckets_mixed ALTER COLUMN postings SET STORAGE MAIN`.execute(db);
      // copy_docs.keys: little-endian 32-bit keys; u is a key as unsigned, the bucket and 12 low bits come
      // from u × 0x5bd1e995 mod 2^32 (below 2^63 in bigint). PostgreSQL gives | and << the same precedence.
      await sql`WITH p AS MATERIALIZED (
          SELECT d.doc, get_byte(d.keys, 4 * i)::bigint | (get_byte(d.keys, 4 * i + 1)::bigint << 8)
            | (get_byte(d.keys, 4 * i + 2)::bigint << 16) | (get_byte(d.keys, 4 * i + 3)::bigint << 24) AS u
          FROM copy_docs d, generate_series(0, length(d.keys) / 4 - 1) AS i),
        stop AS (
          INSERT INTO copy_stop_keys SELECT (CASE WHEN u >= 2147483648 THEN u - 4294967296 ELSE u END)::int FROM p
          GROUP BY u HAVING count(*) > (SELECT greatest(100, coalesce(max(doc), 0) / 2000) FROM copy_docs)
          RETURNING key),
        m AS (SELECT doc, ((u * 1540483477) & 4294967295) AS m FROM p
          WHERE (CASE WHEN u >= 2147483648 THEN u - 4294967296 ELSE u END)::int NOT IN (SELECT key FROM stop))
        INSERT INTO copy_buckets_mixed (bucket, postings)
        SELECT (m >> 12)::int, string_agg(int2send((m & 4095)::int2) || int4send(doc), ''::bytea ORDER BY doc) FROM m GROUP BY (m >> 12)`.execute(db);
      await sql`DROP TABLE copy_buckets`.execute(db);
      await sql`ALTER TABLE copy_buckets_mixed RENAME TO copy_buckets`.execute(db);
      await sql`ALTER INDEX copy_buckets_mixed_pkey RENAME TO copy_buckets_pkey`.execute(db);
    },
  };
}
