// Reads of daily_counts for the dashboards: sums over a range of days, for the site, one language or one
// article. Rows of deleted articles are left out everywhere (the join), so every figure adds up the same way.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { DailyMetric } from './daily-counts.ts';

export interface StatsScope {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
  articleId?: number;
  language?: string;
}

export interface MetricTotals {
  views: number;
  shares: number;
  copies: number;
  copyVisits: number;
}

function scoped(db: Kysely<Database>, s: StatsScope) {
  let q = db
    .selectFrom('daily_counts')
    .innerJoin('articles', 'articles.id', 'daily_counts.article_id')
    .where('daily_counts.day', '>=', s.from)
    .where('daily_counts.day', '<=', s.to);
  if (s.articleId !== undefined) q = q.where('daily_counts.article_id', '=', s.articleId);
  if (s.language !== undefined) q = q.where('articles.language', '=', s.language);
  return q;
}

const sumOf = (metric: DailyMetric) =>
  sql<number>`sum(case when daily_counts.metric = ${metric} then daily_counts.count else 0 end)`;

const totalsColumns = [
  sumOf('view').as('views'),
  sumOf('share').as('shares'),
  sumOf('copy').as('copies'),
  sumOf('copy-visit').as('copyVisits'),
] as const;

function totalsOf(r: { views: unknown; shares: unknown; copies: unknown; copyVisits: unknown }): MetricTotals {
  return { views: Number(r.views ?? 0), shares: Number(r.shares ?? 0), copies: Number(r.copies ?? 0), copyVisits: Number(r.copyVisits ?? 0) };
}

/** One row per day that has any count, in day order. */
export async function totalsByDay(db: Kysely<Database>, s: StatsScope): Promise<(MetricTotals & { day: string })[]> {
  const rows = await scoped(db, s).select(['daily_counts.day as day', ...totalsColumns]).groupBy('daily_counts.day').orderBy('daily_counts.day').execute();
  return rows.map((r) => ({ day: r.day, ...totalsOf(r) }));
}

/** Share clicks per network over the range (networks without clicks are absent). */
export async function sharesPerNetwork(db: Kysely<Database>, s: StatsScope): Promise<{ network: string; count: number }[]> {
  const rows = await scoped(db, s)
    .where('daily_counts.metric', '=', 'share')
    .select(['daily_counts.key as network', sql<number>`sum(daily_counts.count)`.as('count')])
    .groupBy('daily_counts.key')
    .execute();
  return rows.map((r) => ({ network: r.network, count: Number(r.count) }));
}

export async function totalsByLanguage(db: Kysely<Database>, s: StatsScope): Promise<(MetricTotals & { language: string })[]> {
  const rows = await scoped(db, s).select(['articles.language as language', ...totalsColumns]).groupBy('articles.language').orderBy('articles.language').execute();
  return rows.map((r) => ({ language: r.language, ...totalsOf(r) }));
}

/** The articles with the most views over the range (then shares, copies, id), at most `limit`. */
export async function topArticlesBy(
  db: Kysely<Database>,
  s: StatsScope,
  limit: number,
): Promise<(MetricTotals & { id: number; title: string; language: string })[]> {
  const rows = await scoped(db, s)
    .select(['articles.id as id', 'articles.title as title', 'articles.language as language', ...totalsColumns])
    .groupBy(['articles.id', 'articles.title', 'articles.language'])
    .orderBy(sql`views`, 'desc')
    .orderBy(sql`shares`, 'desc')
    .orderBy(sql`copies`, 'desc')
    .orderBy('articles.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), title: r.title, language: r.language, ...totalsOf(r) }));
}
