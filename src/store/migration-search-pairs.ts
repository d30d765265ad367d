// Migration 0019: the SQLite search index gains a column of adjacent-term pairs per field (search-index.ts).
// A quoted phrase of common words made FTS5 merge the position lists of every article holding both words
// (17 ms to count a two-word phrase found in 4,665 of 100,000 articles, 38 ms to rank it); as pairs it is
// one term's postings. FTS5 cannot add columns, so the table is made again and filled from the articles.
// PostgreSQL keeps its tsvector: nothing to do there.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './db.ts';
import { reindexAllArticles } from './search-index.ts';

export function searchPairs(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect === 'postgres') return;
      await sql`DROP TRIGGER IF EXISTS article_search_delete`.execute(db);
      await sql`DROP TABLE article_search`.execute(db);
      // "_" joins the two terms of a pair into one token; terms themselves are only letters and digits.
      await sql`CREATE VIRTUAL TABLE article_search USING fts5(title, summary, body, title_pairs, summary_pairs, body_pairs,
        tokenize = 'unicode61 remove_diacritics 0 tokenchars ''_''', content = '', contentless_delete = 1)`.execute(db);
      await sql`INSERT INTO article_search (article_search, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 10.0, 4.0, 1.0)')`.execute(db);
      await sql`CREATE TRIGGER article_search_delete AFTER DELETE ON articles
        BEGIN DELETE FROM article_search WHERE rowid = old.id; END`.execute(db);
      await reindexAllArticles(db);
    },
  };
}
