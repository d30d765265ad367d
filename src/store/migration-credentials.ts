// Migration: the Content Credentials (C2PA manifest store) an imported page carried, with what our
// verification found at import, kept as the ingredient of the article made from it.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './db.ts';

export function credentials(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('imported_credentials')
        .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('store_b64', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('failures_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('checked_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
