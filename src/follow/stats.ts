// What editors see of an article's reach: share clicks by network and copies with the visits they brought.
import type { AppContext } from '../context.ts';
import { NotFoundError, type CopyStats, type ShareCounts } from '../domain/types.ts';
import { findArticleById } from '../store/articles.ts';
import { getCopyStats, getShareCounts } from '../store/counters.ts';

export interface FollowStats {
  shares: ShareCounts;
  copies: CopyStats;
}

/** Stats of any article, visible or not (editors see drafts too). Throws NotFoundError for an unknown id. */
export async function articleFollowStats(ctx: AppContext, id: number): Promise<FollowStats> {
  if (!(await findArticleById(ctx.store.db, id))) throw new NotFoundError(`no article with id ${id}`);
  const [shares, copies] = await Promise.all([getShareCounts(ctx.store.db, id), getCopyStats(ctx.store.db, id)]);
  return { shares, copies };
}
