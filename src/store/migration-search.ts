// Migration 0006: the search index (see search-index.ts), filled from the articles already stored.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './db.ts';
import { reindexAllArticles } from './search-index.ts';

export function search(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect === 'postgres') {
        await sql`CREATE TABLE article_search (
          article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
          document tsvector NOT NULL)`.execute(db);
        await sql`CREATE INDEX article_search_document ON article_search USING gin (document)`.execute(db);
      } else {
        // Contentless: the terms live only in the index; snippets are made from the articles themselves.
        await sql`CREATE VIRTUAL TABLE article_search USING fts5(title, summary, body,
          tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1)`.execute(db);
        await sql`INSERT INTO article_search (article_search, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')`.execute(db);
        await sql`CREATE TRIGGER article_search_delete AFTER DELETE ON articles
          BEGIN DELETE FROM article_search WHERE rowid = old.id; END`.execute(db);
      }
      await reindexAllArticles(db, 'words'); // this migration's table; 0019 adds the pair columns
    },
  };
}
