// Search on PostgreSQL: the GIN index finds the rows, ts_rank orders them (weights: title 1.0, summary 0.4,
// body 0.1, divided by 1 + log of the document's length). Reading a document (to rank it, or to check a
// phrase or a field) means detoasting it, which the planner does not count: left alone it scans the whole
// table and reads every document even for a rare word. So every search runs with sequential and plain
// index scans off (GIN bitmaps drive it, the covering index of migration 0013 checks visibility), and
// documents are read for a bounded set only: all matches when there are at most PG_RANK_LIMIT, else the
// newest PG_RANK_LIMIT, ordered by where they match (title, then summary, then body), newest first within
// each; older matches follow, newest first.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { articleConditions, COUNT_LIMIT, type RankedIds, type SearchFilter } from './filter.ts';
import { tsqueryExpression } from './expression.ts';

export const PG_RANK_LIMIT = 100;

const TIER_SCORES = [10, 4, 1];

type Hit = { id: number; score: number };

/** Matching article ids (the GIN index alone), as a MATERIALIZED CTE so the index drives the query. */
function matches(query: string, lowestId = 0): RawBuilder<unknown> {
  return sql`WITH m AS MATERIALIZED (SELECT article_id FROM article_search
    WHERE document @@ ${query}::tsquery ${lowestId > 0 ? sql`AND article_id >= ${lowestId}` : sql``})`;
}

function visible(f: SearchFilter): RawBuilder<unknown> {
  const cond = articleConditions(f);
  return sql`FROM m JOIN articles a ON a.id = m.article_id ${cond ? sql`WHERE ${cond}` : sql``}`;
}

async function count(db: Kysely<any>, query: string, f: SearchFilter, limit: number): Promise<number> {
  const r = await sql<{ n: number }>`${matches(query)} SELECT count(*) AS n FROM (SELECT 1 ${visible(f)} LIMIT ${limit}) AS v`.execute(db);
  return Number(r.rows[0].n);
}

async function byRank(db: Kysely<any>, query: string, f: SearchFilter, limit: number, offset: number): Promise<Hit[]> {
  const r = await sql<Hit>`${matches(query)} SELECT s.article_id AS id,
      ts_rank('{0.1, 0.1, 0.4, 1.0}', s.document, ${query}::tsquery, 1) AS score
    FROM (SELECT m.article_id ${visible(f)}) AS v JOIN article_search s ON s.article_id = v.article_id
    ORDER BY score DESC, s.article_id DESC LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return r.rows.map((row) => ({ id: Number(row.id), score: Number(row.score) }));
}

/**
 * The newest `n` visible matches. The GIN bitmap is in storage order, so "newest" would sort every match
 * of a common word: the newest ids are tried first (a bitmap AND with the primary key), widening as needed.
 */
async function newest(db: Kysely<any>, query: string, f: SearchFilter, n: number, maxId: number): Promise<number[]> {
  for (let span = 4096; ; span *= 8) {
    const lowest = maxId - span;
    const r = await sql<{ id: number }>`${matches(query, lowest)} SELECT m.article_id AS id ${visible(f)}
      ORDER BY m.article_id DESC LIMIT ${n}`.execute(db);
    if (r.rows.length >= n || lowest <= 0) return r.rows.map((row) => Number(row.id));
  }
}

async function byTier(db: Kysely<any>, alts: string[][][], f: SearchFilter, limit: number, offset: number, window: number, maxId: number) {
  const query = tsqueryExpression(alts);
  const ids = await newest(db, query, f, Math.max(window, offset + limit), maxId);
  const ranked = ids.slice(0, window);
  const r = ranked.length
    ? await sql<{ id: number; tier: number }>`SELECT article_id AS id,
        CASE WHEN document @@ ${tsqueryExpression(alts, 'A')}::tsquery THEN 0
          WHEN document @@ ${tsqueryExpression(alts, 'AB')}::tsquery THEN 1 ELSE 2 END AS tier
      FROM article_search WHERE article_id = ANY(${ranked}::integer[])`.execute(db)
    : { rows: [] };
  const tiers = r.rows
    .map((row) => ({ id: Number(row.id), tier: Number(row.tier) }))
    .sort((a, b) => a.tier - b.tier || b.id - a.id);
  const hits: Hit[] = [...tiers.map((t) => ({ id: t.id, score: TIER_SCORES[t.tier] })), ...ids.slice(window).map((id) => ({ id, score: 0 }))];
  return hits.slice(offset, offset + limit);
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
  // Asked outside the search's transaction, where the primary key may be used.
  const maxId = async () => Number((await sql<{ n: number | null }>`SELECT max(article_id) AS n FROM article_search`.execute(db)).rows[0].n ?? 0);
  const run = async (tx: Kysely<any>): Promise<RankedIds> => {
    const matched = await count(tx, query, f, COUNT_LIMIT + 1);
    const total = Math.min(matched, COUNT_LIMIT);
    const totalExact = matched <= COUNT_LIMIT;
    if (matched === 0 || offset >= matched) return { hits: [], total, totalExact };
    const hits = matched > rankLimit ? await byTier(tx, alts, f, limit, offset, PG_RANK_LIMIT, await maxId()) : await byRank(tx, query, f, limit, offset);
    return { hits, total, totalExact };
  };
  // Inside a caller's transaction the plan settings are left alone (SET LOCAL would outlive this search).
  if (db.isTransaction) return run(db);
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    await sql`SET LOCAL enable_indexscan = off`.execute(tx);
    return run(tx);
  });
}
