// Shares and copies of one article, as the follow surface counts them.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { articleFollowStats, type FollowStats } from '../follow/stats.ts';

export interface ArticleStats extends FollowStats {
  articleId: number;
}

export async function getArticleStats(ctx: AppContext, req: FastifyRequest<{ Params: { id: number } }>): Promise<ArticleStats> {
  return { articleId: req.params.id, ...(await articleFollowStats(ctx, req.params.id)) };
}
