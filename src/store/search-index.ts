// The search index's storage half: one row per article, written in the transaction that writes the article.
// SQLite: FTS5 table `article_search` (rowid = article id; columns title, summary, body hold the normalised,
// stemmed terms; title_pairs, summary_pairs, body_pairs each field's adjacent terms joined by "_", so a
// quoted phrase is one term's postings instead of a merge of its words' positions: see search/expression.ts). PostgreSQL: `article_search(article_id, document tsvector)` whose positions and weights
// (A title, B summary, C body) are computed here, so both databases index exactly the same terms.
// Deletes follow by themselves: a trigger on SQLite, ON DELETE CASCADE on PostgreSQL.
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { htmlToText } from '../text/html-text.ts';
import { searchTerms } from '../text/stem.ts';

/** Terms kept per article field: beyond this a body is not indexed further (50,000 words is a book). */
export const MAX_INDEXED_TERMS = 50_000;
// PostgreSQL's tsvector limits: positions up to 16383, 256 positions per lexeme.
const PG_MAX_POSITION = 16383;
const PG_MAX_POSITIONS = 256;

export interface IndexedArticle {
  language: string;
  title: string;
  summary: string;
  bodyHtml: string;
}

export interface DocumentTerms {
  title: string[];
  summary: string[];
  body: string[];
}

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function documentTerms(a: IndexedArticle): DocumentTerms {
  return {
    title: searchTerms(a.title, a.language, MAX_INDEXED_TERMS),
    summary: searchTerms(a.summary, a.language, MAX_INDEXED_TERMS),
    body: searchTerms(htmlToText(a.bodyHtml), a.language, MAX_INDEXED_TERMS),
  };
}

/** A tsvector literal: each field's terms with their positions and weight, a gap between fields. */
export function tsvectorLiteral(d: DocumentTerms): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  for (const [terms, weight] of [
    [d.title, 'A'],
    [d.summary, 'B'],
    [d.body, 'C'],
  ] as const) {
    for (const t of terms) {
      pos = Math.min(pos + 1, PG_MAX_POSITION);
      let list = positions.get(t);
      if (!list) positions.set(t, (list = []));
      if (list.length < PG_MAX_POSITIONS) list.push(`${pos}${weight}`);
    }
    pos = Math.min(pos + 1, PG_MAX_POSITION);
  }
  return [...positions].map(([t, ps]) => `'${t.replace(/['\\]/g, (c) => c + c)}':${ps.join(',')}`).join(' ');
}

/** Each term joined to the next: "a b c" → "a_b b_c" (terms are letters and digits, never "_"). */
export function termPairs(terms: string[]): string {
  const out: string[] = [];
  for (let i = 1; i < terms.length; i++) out.push(`${terms[i - 1]}_${terms[i]}`);
  return out.join(' ');
}

/** The SQLite table's columns: words only before migration 0019, with the pair columns after it. */
export type SqliteSearchLayout = 'words' | 'words+pairs';

/** Writes (or rewrites) the index row of one article. Call it inside the article's transaction. */
export async function indexArticle(db: Kysely<any>, id: number, a: IndexedArticle): Promise<void> {
  await indexArticles(db, [{ id, article: a }]);
}

// Rows per statement: well under both databases' bound-parameter limits.
const BATCH = 200;

/** Writes the index rows of many articles with multi-row statements (backfill, bulk loads). */
export async function indexArticles(
  db: Kysely<any>,
  items: Array<{ id: number; article: IndexedArticle }>,
  layout: SqliteSearchLayout = 'words+pairs',
): Promise<void> {
  const pg = isPostgres(db);
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH).map(({ id, article }) => ({ id, d: documentTerms(article) }));
    if (pg) {
      const rows = batch.map(({ id, d }) => sql`(${id}, ${tsvectorLiteral(d)}::tsvector)`);
      await sql`INSERT INTO article_search (article_id, document) VALUES ${sql.join(rows)}
        ON CONFLICT (article_id) DO UPDATE SET document = excluded.document`.execute(db);
    } else {
      await sql`DELETE FROM article_search WHERE rowid IN (${sql.join(batch.map((b) => b.id))})`.execute(db);
      if (layout === 'words') {
        const rows = batch.map(({ id, d }) => sql`(${id}, ${d.title.join(' ')}, ${d.summary.join(' ')}, ${d.body.join(' ')})`);
        await sql`INSERT INTO article_search (rowid, title, summary, body) VALUES ${sql.join(rows)}`.execute(db);
        continue;
      }
      const rows = batch.map(
        ({ id, d }) =>
          sql`(${id}, ${d.title.join(' ')}, ${d.summary.join(' ')}, ${d.body.join(' ')}, ${termPairs(d.title)}, ${termPairs(d.summary)}, ${termPairs(d.body)})`,
      );
      await sql`INSERT INTO article_search (rowid, title, summary, body, title_pairs, summary_pairs, body_pairs) VALUES ${sql.join(rows)}`.execute(db);
    }
  }
}

/** Indexes every article again (the migration's backfill; also a repair tool). */
export async function reindexAllArticles(db: Kysely<any>, layout: SqliteSearchLayout = 'words+pairs'): Promise<number> {
  let after = 0;
  let n = 0;
  for (;;) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'language', 'title', 'summary', 'body_html'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (rows.length === 0) return n;
    await indexArticles(
      db,
      rows.map((r) => ({ id: r.id, article: { language: r.language, title: r.title, summary: r.summary, bodyHtml: r.body_html } })),
      layout,
    );
    after = rows[rows.length - 1].id;
    n += rows.length;
  }
}
