// Migration: the readers counted each day by page views and the kit pixel, shared by every process, so that a
// reader whose hits reach several processes counts once (store/daily-readers.ts). A digest is the keyed hash
// of follow/reader.ts under the day's shared secret, which is deleted once the day is over: no address is
// stored, and a past day's rows cannot be linked to anyone. SQLite keeps the rows in the primary key's b-tree.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './db.ts';

export function dailyReaders(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect === 'sqlite') {
        await sql`CREATE TABLE daily_readers (day text NOT NULL, digest text NOT NULL, PRIMARY KEY (day, digest)) WITHOUT ROWID`.execute(db);
        return;
      }
      await db.schema
        .createTable('daily_readers')
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('digest', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('daily_readers_pk', ['day', 'digest'])
        .execute();
    },
  };
}
