// Migration: the reviewers named per language pair (src/translate/reviewers.ts). An account named for
// en → fr reviews en → fr translations in review besides the editors; one row per account and pair.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './db.ts';

export function reviewers(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      const table = db.schema.createTable('pair_reviewers');
      await (dialect === 'postgres' ? table.addColumn('id', 'serial', (c) => c.primaryKey()) : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('source_language', 'text', (c) => c.notNull())
        .addColumn('target_language', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('pair_reviewers_user_pair', ['user_id', 'source_language', 'target_language'])
        .execute();
      await db.schema.createIndex('pair_reviewers_pair').on('pair_reviewers').columns(['source_language', 'target_language']).execute();
    },
  };
}
