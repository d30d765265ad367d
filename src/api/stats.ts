// Dashboards' figures: one article's (shares and copies all time, plus day series over ?from&to) and the
// site's (?from&to&language&limit).
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { articleFollowStats, type FollowStats } from '../follow/stats.ts';
import { articleRangeStats, siteStats, type RangeStats, type SiteStats, type StatsQuery } from '../follow/dashboard.ts';

export interface ArticleStats extends FollowStats, RangeStats {
  articleId: number;
}

export async function getArticleStats(
  ctx: AppContext,
  req: FastifyRequest<{ Params: { id: number }; Querystring: StatsQuery }>,
): Promise<ArticleStats> {
  const range = await articleRangeStats(ctx, req.params.id, req.query ?? {});
  return { articleId: req.params.id, ...(await articleFollowStats(ctx, req.params.id)), ...range };
}

export async function getSiteStats(ctx: AppContext, req: FastifyRequest<{ Querystring: StatsQuery }>): Promise<SiteStats> {
  return siteStats(ctx, req.query ?? {});
}
