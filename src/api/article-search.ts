// `q` of the newsroom's article list, through the full-text index (src/search: stemming, accents, phrases).
// The index gives the ranked ids of every match (up to its COUNT_LIMIT); the store filters and sorts them.
import type { AppContext } from '../context.ts';
import type { ArticleStatus } from '../domain/types.ts';
import { COUNT_LIMIT, searchArticleIds } from '../search/index.ts';

/** Best match first: when no sort is asked, the list pages through the best RANKED_CAP matches in rank order. */
export const RANKED_CAP = 500;

/** Ids of the articles matching q, best first. */
export async function articleIdsMatching(ctx: AppContext, q: string, filter: { language?: string; status?: ArticleStatus }): Promise<number[]> {
  return (await searchArticleIds(ctx, { q, ...filter, publicOnly: false, limit: COUNT_LIMIT, offset: 0 })).ids;
}
