// Migration 0013: what the search visibility filter reads, in an index of its own. Every match is checked
// against its article (status, publication time, language); on SQLite these columns sit after body_html,
// so reading them from the table walks the body's overflow pages, about 15 µs a match. This index covers
// the check (the planner uses it for `a.id = rowid` lookups); on PostgreSQL it allows index-only scans.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './db.ts';

export function search2(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('articles_search_visible').on('articles').columns(['id', 'status', 'published_at', 'language']).execute();
    },
  };
}
