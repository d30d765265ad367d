// Migration 0007: the translation workspace (src/translate/): translation jobs, their segments and
// comments, the translation memory with its token index, the glossary, and newsroom notices.
import { sql, type Kysely, type CreateTableBuilder } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './db.ts';

function withId<T extends string>(t: CreateTableBuilder<T, never>, dialect: Dialect): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? t.addColumn('id', 'serial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export function translate(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('translations')
        .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('source_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
        .addColumn('source_language', 'text', (c) => c.notNull())
        .addColumn('target_language', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('translator_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('skeleton_html', 'text', (c) => c.notNull())
        .addColumn('source_version', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('machine_provider', 'text')
        .addColumn('pending_update', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('translations_source').on('translations').column('source_id').execute();
      await db.schema.createIndex('translations_state').on('translations').columns(['state', 'updated_at']).execute();
      await withId(db.schema.createTable('segments'), dialect)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source_text', 'text', (c) => c.notNull())
        .addColumn('markup_json', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('target_text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('untranslated'))
        .addColumn('origin', 'text')
        .addColumn('source_changed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('previous_source_text', 'text')
        .addColumn('mt_suggestion', 'text')
        .addColumn('mt_provider', 'text')
        .addColumn('updated_by', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('segments_article').on('segments').columns(['article_id', 'position']).execute();
      await withId(db.schema.createTable('segment_comments'), dialect)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('segment_id', 'integer', (c) => c.references('segments.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('segment_comments_article').on('segment_comments').columns(['article_id', 'segment_id']).execute();
      // Translation memory: one row per distinct pair of texts for a language pair ("en>fr").
      await withId(db.schema.createTable('tm_units'), dialect)
        .addColumn('pair', 'text', (c) => c.notNull())
        .addColumn('source_text', 'text', (c) => c.notNull())
        .addColumn('target_text', 'text', (c) => c.notNull())
        .addColumn('unit_key', 'text', (c) => c.notNull())
        .addColumn('token_count', 'integer', (c) => c.notNull())
        .addColumn('tokens', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('tm_units_pair_key', ['pair', 'unit_key'])
        .execute();
      await db.schema.createIndex('tm_units_source').on('tm_units').columns(['pair', 'source_text']).execute();
      // The inverted index: each distinct normalised token of a unit's source, with the unit's length, so
      // a lookup reads the postings of a few rare tokens within the length band a fuzzy match allows.
      await db.schema
        .createTable('tm_postings')
        .addColumn('pair', 'text', (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull())
        .addColumn('token_count', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('tm_units.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('tm_postings_pk', ['pair', 'token', 'token_count', 'unit_id'])
        .modifyEnd(dialect === 'sqlite' ? sql`without rowid` : sql``)
        .execute();
      await db.schema.createIndex('tm_postings_unit').on('tm_postings').column('unit_id').execute();
      await db.schema
        .createTable('tm_terms')
        .addColumn('pair', 'text', (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull())
        .addColumn('df', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('tm_terms_pk', ['pair', 'token'])
        .modifyEnd(dialect === 'sqlite' ? sql`without rowid` : sql``)
        .execute();
      await withId(db.schema.createTable('glossary'), dialect)
        .addColumn('pair', 'text', (c) => c.notNull())
        .addColumn('term', 'text', (c) => c.notNull())
        .addColumn('term_key', 'text', (c) => c.notNull())
        .addColumn('rendering', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('glossary_pair_term', ['pair', 'term_key'])
        .execute();
      await withId(db.schema.createTable('notices'), dialect)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('cascade'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema.createIndex('notices_user').on('notices').columns(['user_id', 'read_at', 'id']).execute();
    },
  };
}
