// Migration: what several processes on one database must agree on. Rate-limit windows in a table (every
// process takes from one budget), and on PostgreSQL a trigger that NOTIFYs `relais_changes` after a write to
// the tables cached pages depend on, so every process drops its stale pages at once (change-feed.ts).
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './db.ts';

export const CHANGE_CHANNEL = 'relais_changes';
const WATCHED = ['articles', 'webmentions'];

export function processes(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('rate_windows')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('used', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rate_windows_start').on('rate_windows').column('window_start').execute();
      if (dialect !== 'postgres') return;
      // The payload names the schema, so that processes on other schemas of one server (tests) ignore it.
      await sql`CREATE OR REPLACE FUNCTION relais_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify(${sql.lit(CHANGE_CHANNEL)}, TG_TABLE_SCHEMA); RETURN NULL; END $$`.execute(db);
      for (const table of WATCHED)
        await sql`CREATE TRIGGER ${sql.id(`${table}_notify_change`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.id(table)}
          FOR EACH STATEMENT EXECUTE FUNCTION relais_notify_change()`.execute(db);
    },
  };
}
