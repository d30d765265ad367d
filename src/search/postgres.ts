// Search on PostgreSQL: the GIN index finds the rows, ts_rank orders them (weights: title 1.0, summary 0.4,
// body 0.1, divided by 1 + log of the document's length). ts_rank reads every matching document, so, as on
// SQLite, a broad query (more than PG_RANK_LIMIT matches) is ordered by where it matches — title, then
// summary, then body (weight-restricted tsqueries) — newest first within each, reading only the rows shown.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { articleConditions, COUNT_LIMIT, type RankedIds, type SearchFilter } from './filter.ts';
import { tsqueryExpression } from './expression.ts';

export const PG_RANK_LIMIT = 2_000;

const TIER_SCORES = [10, 4, 1];

function where(query: string, f: SearchFilter): RawBuilder<unknown> {
  const cond = articleConditions(f);
  return sql`s.document @@ ${query}::tsquery ${cond ? sql`AND ${cond}` : sql``}`;
}

async function count(db: Kysely<any>, query: string, f: SearchFilter, limit: number): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM article_search s
    JOIN articles a ON a.id = s.article_id WHERE ${where(query, f)} LIMIT ${limit}) AS m`.execute(db);
  return Number(r.rows[0].n);
}

async function byRank(db: Kysely<any>, query: string, f: SearchFilter, limit: number, offset: number) {
  const r = await sql<{ id: number; score: number }>`SELECT s.article_id AS id,
      ts_rank('{0.1, 0.1, 0.4, 1.0}', s.document, ${query}::tsquery, 1) AS score
    FROM article_search s JOIN articles a ON a.id = s.article_id WHERE ${where(query, f)}
    ORDER BY score DESC, s.article_id DESC LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return r.rows.map((row) => ({ id: Number(row.id), score: Number(row.score) }));
}

async function byTier(db: Kysely<any>, alts: string[][][], f: SearchFilter, limit: number, offset: number) {
  const title = tsqueryExpression(alts, 'A');
  const titleOrSummary = tsqueryExpression(alts, 'AB');
  const tiers = [title, `(${titleOrSummary}) & !(${title})`, `(${tsqueryExpression(alts)}) & !(${titleOrSummary})`];
  const hits: Array<{ id: number; score: number }> = [];
  let skip = offset;
  for (let t = 0; t < tiers.length && hits.length < limit; t++) {
    const r = await sql<{ id: number }>`SELECT s.article_id AS id FROM article_search s JOIN articles a ON a.id = s.article_id
      WHERE ${where(tiers[t], f)} ORDER BY s.article_id DESC LIMIT ${limit - hits.length} OFFSET ${skip}`.execute(db);
    if (r.rows.length) {
      for (const row of r.rows) hits.push({ id: Number(row.id), score: TIER_SCORES[t] });
      skip = 0;
    } else if (skip > 0) skip -= await count(db, tiers[t], f, skip);
  }
  return hits;
}

export async function searchPostgres(
  db: Kysely<any>,
  alts: string[][][],
  f: SearchFilter,
  limit: number,
  offset: number,
  rankLimit = PG_RANK_LIMIT,
): Promise<RankedIds> {
  const query = tsqueryExpression(alts);
  const matched = await count(db, query, f, COUNT_LIMIT + 1);
  const total = Math.min(matched, COUNT_LIMIT);
  if (matched === 0 || offset >= matched) return { hits: [], total, totalExact: matched <= COUNT_LIMIT };
  const hits = matched > rankLimit ? await byTier(db, alts, f, limit, offset) : await byRank(db, query, f, limit, offset);
  return { hits, total, totalExact: matched <= COUNT_LIMIT };
}
