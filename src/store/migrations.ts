// Append-only: never edit a migration that has shipped; add a new one at the end.
import { sql, type Kysely, type CreateTableBuilder } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import type { Dialect } from './db.ts';
import { newsroom } from './migration-newsroom.ts';
import { search } from './migration-search.ts';
import { translate } from './migration-translate.ts';
import { follow } from './migration-follow.ts';
import { copies } from './migration-copies.ts';
import { copyBuckets } from './migration-copy-buckets.ts';
import { copyStopKeys } from './migration-copy-stop-keys.ts';
import { credentials } from './migration-credentials.ts';
import { search2 } from './migration-search-2.ts';
import { searchPairs } from './migration-search-pairs.ts';
import { tmIndex } from './migration-tm-index.ts';
import { processes } from './migration-processes.ts';
import { withTestPause } from './migration-pause.ts';
import { inSqliteWriteLock } from './sqlite-migration-lock.ts';
import { dailyReaders } from './migration-daily-readers.ts';
import { reviewers } from './migration-reviewers.ts';
import { scopedToSchema } from './scoped-introspection.ts';

type AnyDb = Kysely<any>;

function withId<T extends string>(t: CreateTableBuilder<T, never>, dialect: Dialect): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? t.addColumn('id', 'serial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

function foundation(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await withId(db.schema.createTable('sections'), dialect)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('names_json', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await withId(db.schema.createTable('people'), dialect)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('photo_json', 'text')
        .addColumn('links_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('outlets'), dialect)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('home_url', 'text', (c) => c.notNull().unique())
        .addColumn('language', 'text')
        .execute();
      await withId(db.schema.createTable('articles'), dialect)
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('image_json', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('canonical_url', 'text')
        .addColumn('canonical_policy', 'text', (c) => c.notNull().defaultTo('self'))
        .addUniqueConstraint('articles_language_slug', ['language', 'slug'])
        .execute();
      await db.schema.createIndex('articles_status_published').on('articles').columns(['status', 'published_at']).execute();
      await db.schema
        .createTable('article_sections')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('article_sections_pk', ['article_id', 'section_id'])
        .execute();
      await db.schema.createIndex('article_sections_section').on('article_sections').columns(['section_id']).execute();
      await db.schema
        .createTable('article_tags')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('tag_slug', 'text', (c) => c.notNull())
        .addColumn('tag_name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_slug'])
        .execute();
      await db.schema.createIndex('article_tags_slug').on('article_tags').columns(['tag_slug']).execute();
      await db.schema
        .createTable('article_people')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('article_people_pk', ['article_id', 'person_id', 'role'])
        .execute();
      await db.schema.createIndex('article_people_person').on('article_people').columns(['person_id', 'role']).execute();
      await db.schema
        .createTable('provenance')
        .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('original_url', 'text')
        .addColumn('original_title', 'text')
        .addColumn('original_outlet_id', 'integer', (c) => c.references('outlets.id').onDelete('set null'))
        .addColumn('original_authors_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('original_language', 'text')
        .addColumn('original_published_at', 'text')
        .addColumn('via_url', 'text')
        .addColumn('via_name', 'text')
        .addColumn('translation_of_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
        .addColumn('republication_of_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
        .addColumn('licence', 'text')
        .execute();
      await db.schema.createIndex('provenance_original_url').on('provenance').columns(['original_url']).execute();
      await db.schema
        .createTable('share_counts')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('network', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('share_counts_pk', ['article_id', 'network'])
        .execute();
      await db.schema
        .createTable('share_clicks')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('network', 'text', (c) => c.notNull())
        .addColumn('reader', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('share_clicks_pk', ['article_id', 'network', 'reader'])
        .execute();
      await db.schema
        .createTable('copies')
        .addColumn('token', 'text', (c) => c.primaryKey())
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('chars', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('visits', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('copies_article').on('copies').columns(['article_id']).execute();
      await withId(db.schema.createTable('api_tokens'), dialect)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .execute();
    },
  };
}

// Background jobs, feed subscriptions and their import candidates (src/ingest/).
function ingest(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await withId(db.schema.createTable('jobs'), dialect)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload_json', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('queued'))
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('dedup_key', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_state_run_at').on('jobs').columns(['state', 'run_at']).execute();
      await db.schema.createIndex('jobs_state_lease').on('jobs').columns(['state', 'lease_until']).execute();
      // One pending (queued or running) job per dedup key; finished ones do not block a new one.
      await db.schema
        .createIndex('jobs_dedup_pending')
        .on('jobs')
        .column('dedup_key')
        .unique()
        .where(sql.ref('state'), 'in', sql`('queued', 'running')`)
        .execute();
      await withId(db.schema.createTable('feeds'), dialect)
        .addColumn('url', 'text', (c) => c.notNull().unique())
        .addColumn('host', 'text', (c) => c.notNull())
        .addColumn('site_url', 'text')
        .addColumn('title', 'text')
        .addColumn('folder', 'text')
        .addColumn('outlet_id', 'integer', (c) => c.references('outlets.id').onDelete('set null'))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('pause_reason', 'text')
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('body_hash', 'text')
        .addColumn('last_checked_at', 'text')
        .addColumn('last_success_at', 'text')
        .addColumn('next_check_at', 'text', (c) => c.notNull())
        .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('last_status', 'integer')
        .addColumn('backoff_seconds', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('feeds_due').on('feeds').columns(['status', 'next_check_at']).execute();
      await withId(db.schema.createTable('import_candidates'), dialect)
        .addColumn('feed_id', 'integer', (c) => c.references('feeds.id').onDelete('set null'))
        .addColumn('guid', 'text', (c) => c.notNull())
        .addColumn('link', 'text')
        .addColumn('title', 'text')
        .addColumn('published_at', 'text')
        .addColumn('content_hash', 'text')
        .addColumn('summary', 'text')
        .addColumn('author', 'text')
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('new'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('import_candidates_feed_guid', ['feed_id', 'guid'])
        .execute();
      // The same story seen through two feeds (or twice in one) is one candidate: by link, and by content.
      await db.schema.createIndex('import_candidates_link').on('import_candidates').column('link').unique().execute();
      await db.schema.createIndex('import_candidates_content_hash').on('import_candidates').column('content_hash').unique().execute();
      await db.schema.createIndex('import_candidates_state').on('import_candidates').columns(['state', 'created_at']).execute();
    },
  };
}

function originals(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('originals')
        .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('url', 'text')
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .addColumn('fetched_at', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('language', 'text')
        .addColumn('html', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('originals_content_hash').on('originals').column('content_hash').execute();
    },
  };
}

function candidateContent(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('import_candidates').addColumn('content_html', 'text').execute();
    },
  };
}

/** Every migration, in order. Other capabilities append theirs here (name → factory). */
export const MIGRATIONS: Array<[string, (dialect: Dialect) => Migration]> = [
  ['0001_foundation', foundation],
  ['0002_ingest', ingest],
  ['0003_originals', originals],
  ['0004_candidate_content', candidateContent],
  ['0005_newsroom', newsroom],
  ['0006_search', search],
  ['0007_translate', translate],
  ['0008_copies', copies],
  ['0009_follow', follow],
  ['0010_credentials', credentials],
  ['0012_tm_index', tmIndex],
  ['0013_search_visible', search2],
  ['0014_copy_buckets', copyBuckets],
  ['0015_processes', processes],
  ['0016_daily_readers', dailyReaders],
  ['0017_reviewers', reviewers],
  ['0018_copy_stop_keys', copyStopKeys],
  ['0019_search_pairs', searchPairs],
];

export async function migrateToLatest(db: AnyDb, dialect: Dialect, schema?: string): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, make] of MIGRATIONS) migrations[name] = withTestPause(name, make(dialect));
  // On PostgreSQL the migrator must look for its own tables in our schema only: Kysely's check otherwise
  // sees another schema's kysely_migration table and skips creating ours.
  const migrator = new Migrator({
    db: dialect === 'postgres' ? scopedToSchema(db, schema ?? 'public') : db,
    provider: { getMigrations: async () => migrations },
    ...(dialect === 'postgres' ? { migrationTableSchema: schema ?? 'public' } : {}),
  });
  // PostgreSQL: Kysely holds an advisory lock and runs every pending migration in one transaction; SQLite: see
  // sqlite-migration-lock.ts. Either way a run is all or nothing, and two processes take turns.
  const { error, results } = dialect === 'sqlite' ? await inSqliteWriteLock(db, () => migrator.migrateToLatest()) : await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? error}`);
  }
}

export { sql };
