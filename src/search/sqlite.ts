// Search on SQLite's FTS5 index. Narrow queries are ranked by BM25 (title 10, summary 4, body 1). FTS5's
// bm25 first counts every row holding each query term (about 1 µs a row), so a query with a term found in
// many articles would take 100 ms and more: such broad queries are ordered by where they match instead —
// title, then summary, then body — newest first within each, which costs only the rows shown.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { articleConditions, COUNT_LIMIT, type RankedIds, type SearchFilter } from './filter.ts';
import { distinctPhrases, ftsColumns, ftsExpression } from './expression.ts';

/** Sum of the matching rows of every query term above which a query is broad (see above). */
export const BM25_BUDGET = 6_000;

const TIER_SCORES = [10, 4, 1];

// The covering index (migration 0013) spares reading each match's article row past its body; without
// statistics the planner prefers the primary key, so it is named.
function visible(f: SearchFilter): RawBuilder<unknown> {
  const cond = articleConditions(f);
  return cond ? sql`AND EXISTS (SELECT 1 FROM articles a INDEXED BY articles_search_visible WHERE a.id = article_search.rowid AND ${cond})` : sql``;
}

async function count(db: Kysely<any>, match: string, f: SearchFilter | null, limit: number): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM article_search
    WHERE article_search MATCH ${match} ${f ? visible(f) : sql``} LIMIT ${limit}) AS m`.execute(db);
  return Number(r.rows[0].n);
}

async function isBroad(db: Kysely<any>, alts: string[][][], budget: number): Promise<boolean> {
  let rows = 0;
  for (const words of distinctPhrases(alts)) {
    rows += await count(db, ftsExpression([[words]]), null, budget + 1);
    if (rows > budget) return true;
  }
  return false;
}

// A narrow query has at most BM25_BUDGET matches, which bm25 reads all of anyway: the same pass counts
// them (window), so the matches are not scanned again just to count them.
async function byRank(db: Kysely<any>, match: string, f: SearchFilter, limit: number, offset: number) {
  const r = await sql<{ id: number; score: number; n: number }>`SELECT id, score, n FROM (SELECT rowid AS id, rank AS score,
    count(*) OVER () AS n FROM article_search WHERE article_search MATCH ${match} ${visible(f)})
    ORDER BY score LIMIT ${limit} OFFSET ${offset}`.execute(db);
  const hits = r.rows.map((row) => ({ id: Number(row.id), score: -row.score }));
  return { hits, matched: r.rows.length ? Number(r.rows[0].n) : null };
}

async function byTier(db: Kysely<any>, expr: string, f: SearchFilter, limit: number, offset: number) {
  const inTitle = `${ftsColumns(['title'])} : (${expr})`;
  const inTitleOrSummary = `${ftsColumns(['title', 'summary'])} : (${expr})`;
  const tiers = [inTitle, `(${inTitleOrSummary}) NOT (${inTitle})`, `(${expr}) NOT (${inTitleOrSummary})`];
  const hits: Array<{ id: number; score: number }> = [];
  let skip = offset;
  for (let t = 0; t < tiers.length && hits.length < limit; t++) {
    const r = await sql<{ id: number }>`SELECT rowid AS id FROM article_search WHERE article_search MATCH ${tiers[t]} ${visible(f)}
      ORDER BY rowid DESC LIMIT ${limit - hits.length} OFFSET ${skip}`.execute(db);
    if (r.rows.length) {
      for (const row of r.rows) hits.push({ id: Number(row.id), score: TIER_SCORES[t] });
      skip = 0;
    } else if (skip > 0) skip -= await count(db, tiers[t], f, skip);
  }
  return hits;
}

export async function searchSqlite(
  db: Kysely<any>,
  alts: string[][][],
  f: SearchFilter,
  limit: number,
  offset: number,
  budget = BM25_BUDGET,
): Promise<RankedIds> {
  const expr = ftsExpression(alts);
  const exact = (matched: number) => ({ total: Math.min(matched, COUNT_LIMIT), totalExact: matched <= COUNT_LIMIT });
  if (!(await isBroad(db, alts, budget))) {
    const ranked = await byRank(db, expr, f, limit, offset);
    // No row on this page: either nothing matches or the page is past the end; only then count apart.
    const matched = ranked.matched ?? (offset > 0 ? await count(db, expr, f, COUNT_LIMIT + 1) : 0);
    return { hits: offset >= COUNT_LIMIT ? [] : ranked.hits, ...exact(matched) };
  }
  const matched = await count(db, expr, f, COUNT_LIMIT + 1);
  if (matched === 0 || offset >= matched) return { hits: [], ...exact(matched) };
  return { hits: await byTier(db, expr, f, limit, offset), ...exact(matched) };
}
