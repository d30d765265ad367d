// Migration: following articles past Relais's pages — licences, republishers seen through the kit's pixel,
// Webmentions sent and received, WebSub (our hub's subscribers, and our subscriptions to other hubs).
import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './db.ts';

function withId<T extends string>(t: CreateTableBuilder<T, never>, dialect: Dialect): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? t.addColumn('id', 'serial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export function follow(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      // null: the site's default licence.
      await db.schema.alterTable('articles').addColumn('licence', 'text').execute();
      // null: not marked, so not offered for reuse in the republication kit.
      await db.schema.alterTable('media').addColumn('reuse_licence', 'text').execute();
      await withId(db.schema.createTable('republishers'), dialect)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('page_url', 'text', (c) => c.notNull())
        .addColumn('host', 'text', (c) => c.notNull())
        .addColumn('placement', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('first_seen', 'text', (c) => c.notNull())
        .addColumn('last_seen', 'text', (c) => c.notNull())
        .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('checked_at', 'text')
        .addColumn('checks_json', 'text')
        .addColumn('check_error', 'text')
        .addUniqueConstraint('republishers_article_page', ['article_id', 'page_url'])
        .execute();
      await db.schema.createIndex('republishers_host').on('republishers').columns(['host']).execute();
      await db.schema
        .createTable('republisher_views')
        .addColumn('republisher_id', 'integer', (c) => c.notNull().references('republishers.id').onDelete('cascade'))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('republisher_views_pk', ['republisher_id', 'day'])
        .execute();
      await withId(db.schema.createTable('webmentions'), dialect)
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('cascade'))
        // verification: pending | verified | refused; moderation: pending | approved | spam
        .addColumn('verification', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('moderation', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('refusal', 'text')
        .addColumn('author_name', 'text')
        .addColumn('author_url', 'text')
        .addColumn('published', 'text')
        .addColumn('title', 'text')
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('verified_at', 'text')
        .addUniqueConstraint('webmentions_source_target', ['source', 'target'])
        .execute();
      await db.schema.createIndex('webmentions_article').on('webmentions').columns(['article_id', 'moderation']).execute();
      await withId(db.schema.createTable('webmentions_sent'), dialect)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('endpoint', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('webmentions_sent_article_target', ['article_id', 'target'])
        .execute();
      await withId(db.schema.createTable('websub_subscribers'), dialect)
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('callback', 'text', (c) => c.notNull())
        .addColumn('secret', 'text')
        .addColumn('lease_until', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('websub_subscribers_topic_callback', ['topic', 'callback'])
        .execute();
      await db.schema
        .createTable('websub_subscriptions')
        .addColumn('feed_id', 'integer', (c) => c.primaryKey().references('feeds.id').onDelete('cascade'))
        .addColumn('hub', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull().unique())
        // requested | active | denied
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('lease_until', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
