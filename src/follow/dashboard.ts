// The dashboards' figures over a range of days: zero-filled day series of views, shares, copies and visits
// from copies, shares per network, and for the site the split by language and the top articles.
import type { AppContext } from '../context.ts';
import { InputError, NotFoundError, SHARE_NETWORKS, type ShareNetwork } from '../domain/types.ts';
import { findArticleById } from '../store/articles.ts';
import { sharesPerNetwork, topArticlesBy, totalsByDay, totalsByLanguage, type MetricTotals, type StatsScope } from '../store/daily-stats.ts';
import { parseDayRange } from './day-range.ts';
import { flushPageViews } from './page-views.ts';

export interface DaySeries {
  views: number[];
  shares: number[];
  copies: number[];
  copyVisits: number[];
}

export interface RangeStats {
  from: string;
  to: string;
  days: string[];
  /** One value per entry of `days`. */
  series: DaySeries;
  totals: MetricTotals;
  /** Every network, 0 when not shared in the range. */
  sharesByNetwork: Record<ShareNetwork, number>;
}

export interface SiteStats extends RangeStats {
  language: string | null;
  byLanguage: (MetricTotals & { language: string })[];
  topArticles: (MetricTotals & { id: number; title: string; language: string })[];
}

export interface StatsQuery {
  from?: unknown;
  to?: unknown;
  language?: unknown;
  limit?: unknown;
}

const LANG_RE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const MAX_TOP_ARTICLES = 100;

function parseLanguage(v: unknown): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || !LANG_RE.test(v)) throw new InputError('language must be a language code such as fr or en', 'language');
  return v;
}

function parseLimit(v: unknown): number {
  if (v === undefined || v === '') return 10;
  if (typeof v !== 'string' || !/^\d{1,3}$/.test(v) || Number(v) < 1 || Number(v) > MAX_TOP_ARTICLES)
    throw new InputError(`limit must be a whole number from 1 to ${MAX_TOP_ARTICLES}`, 'limit');
  return Number(v);
}

async function rangeStats(ctx: AppContext, scope: StatsScope, days: string[]): Promise<RangeStats> {
  const [byDay, networks] = await Promise.all([totalsByDay(ctx.store.db, scope), sharesPerNetwork(ctx.store.db, scope)]);
  const index = new Map(days.map((d, i) => [d, i]));
  const series: DaySeries = { views: days.map(() => 0), shares: days.map(() => 0), copies: days.map(() => 0), copyVisits: days.map(() => 0) };
  const totals: MetricTotals = { views: 0, shares: 0, copies: 0, copyVisits: 0 };
  for (const row of byDay) {
    const i = index.get(row.day);
    if (i === undefined) continue;
    for (const m of ['views', 'shares', 'copies', 'copyVisits'] as const) {
      series[m][i] = row[m];
      totals[m] += row[m];
    }
  }
  const sharesByNetwork = Object.fromEntries(SHARE_NETWORKS.map((n) => [n, 0])) as Record<ShareNetwork, number>;
  for (const { network, count } of networks) if (network in sharesByNetwork) sharesByNetwork[network as ShareNetwork] = count;
  return { from: scope.from, to: scope.to, days, series, totals, sharesByNetwork };
}

/** The site's figures, or one language's with `language`. */
export async function siteStats(ctx: AppContext, query: StatsQuery): Promise<SiteStats> {
  const range = parseDayRange(query, ctx.now());
  const language = parseLanguage(query.language);
  const limit = parseLimit(query.limit);
  await flushPageViews(ctx);
  const scope: StatsScope = { from: range.from, to: range.to, language };
  const [base, byLanguage, topArticles] = await Promise.all([
    rangeStats(ctx, scope, range.days),
    totalsByLanguage(ctx.store.db, scope),
    topArticlesBy(ctx.store.db, scope, limit),
  ]);
  return { ...base, language: language ?? null, byLanguage, topArticles };
}

/** One article's figures (drafts too: editors see them). Throws NotFoundError for an unknown id. */
export async function articleRangeStats(ctx: AppContext, id: number, query: StatsQuery): Promise<RangeStats> {
  const range = parseDayRange(query, ctx.now());
  if (!(await findArticleById(ctx.store.db, id))) throw new NotFoundError(`no article with id ${id}`);
  await flushPageViews(ctx);
  return rangeStats(ctx, { from: range.from, to: range.to, articleId: id }, range.days);
}
