// Migration: copy detection (src/copies/). copy_docs holds each indexed document (an article, or the
// original an article was imported from) with its keys; copy_keys is the inverted index key → doc, kept
// small (32-bit keys, no rowid on SQLite); copies_found lists what was found copying an article.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './db.ts';

export function copies(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      const pg = dialect === 'postgres';
      await db.schema
        .createTable('copy_docs')
        // doc = article id × 2 (+ 1 for the article's imported original)
        .addColumn('doc', 'integer', (c) => c.primaryKey())
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('language', 'text')
        .addColumn('keys', pg ? 'bytea' : 'blob', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('copy_docs_article').on('copy_docs').column('article_id').execute();
      if (pg) await sql`CREATE TABLE copy_keys (key integer NOT NULL, doc integer NOT NULL, PRIMARY KEY (key, doc))`.execute(db);
      else await sql`CREATE TABLE copy_keys (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID`.execute(db);
      await db.schema
        .createTable('copies_found')
        .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        // Where the copy was seen: a URL (page, feed entry link), or "candidate:<id>" for a feed entry without one.
        .addColumn('source_key', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('candidate_id', 'integer', (c) => c.references('import_candidates.id').onDelete('set null'))
        .addColumn('title', 'text')
        .addColumn('language', 'text')
        .addColumn('similarity', 'real', (c) => c.notNull())
        .addColumn('cross_language', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('passages_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('has_attribution', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('has_token', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('has_link', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('has_credits', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('legitimate', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('copies_found_article_source', ['article_id', 'source_key'])
        .execute();
      await db.schema.createIndex('copies_found_flagged').on('copies_found').columns(['flagged', 'last_seen_at']).execute();
    },
  };
}
