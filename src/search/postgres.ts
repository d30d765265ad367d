// Search on PostgreSQL: the GIN index finds the rows, ts_rank orders them (weights: title 1.0, summary 0.4,
// body 0.1, divided by 1 + log of the document's length, as BM25 does on SQLite).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { articleConditions, COUNT_LIMIT, type RankedIds, type SearchFilter } from './filter.ts';
import { tsqueryExpression } from './expression.ts';

function where(query: string, f: SearchFilter): RawBuilder<unknown> {
  const cond = articleConditions(f);
  return sql`s.document @@ ${query}::tsquery ${cond ? sql`AND ${cond}` : sql``}`;
}

export async function searchPostgres(db: Kysely<any>, alts: string[][][], f: SearchFilter, limit: number, offset: number): Promise<RankedIds> {
  const query = tsqueryExpression(alts);
  const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM article_search s
    JOIN articles a ON a.id = s.article_id WHERE ${where(query, f)} LIMIT ${COUNT_LIMIT + 1}) AS m`.execute(db);
  const matched = Number(counted.rows[0].n);
  const total = Math.min(matched, COUNT_LIMIT);
  if (matched === 0 || offset >= matched) return { hits: [], total, totalExact: matched <= COUNT_LIMIT };
  const r = await sql<{ id: number; score: number }>`SELECT s.article_id AS id,
      ts_rank('{0.1, 0.1, 0.4, 1.0}', s.document, ${query}::tsquery, 1) AS score
    FROM article_search s JOIN articles a ON a.id = s.article_id WHERE ${where(query, f)}
    ORDER BY score DESC, s.article_id DESC LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return { hits: r.rows.map((row) => ({ id: Number(row.id), score: Number(row.score) })), total, totalExact: matched <= COUNT_LIMIT };
}
