// Migration: on PostgreSQL the copy index's postings move from copy_keys (a row per key and doc, ~56 bytes
// each) to packed bucket rows (copy-buckets.ts, 6 bytes a posting). SQLite keeps copy_keys: without rowid
// it already stores a posting in about 10 bytes.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './db.ts';

export function copyBuckets(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'postgres') return;
      // Room left on each page so that appending to a bucket is usually a HOT update on the same page.
      await sql`CREATE TABLE copy_buckets (bucket integer PRIMARY KEY, postings bytea NOT NULL) WITH (fillfactor = 80)`.execute(db);
      await sql`ALTER TABLE copy_buckets ALTER COLUMN postings SET STORAGE MAIN`.execute(db);
      await sql`INSERT INTO copy_buckets (bucket, postings)
        SELECT key >> 12, string_agg(int2send((key & 4095)::int2) || int4send(doc), ''::bytea ORDER BY doc)
        FROM copy_keys GROUP BY key >> 12`.execute(db);
      await sql`DROP TABLE copy_keys`.execute(db);
    },
  };
}
