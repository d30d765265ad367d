// `q` of the newsroom's article list, through the full-text index (src/search: stemming, accents, phrases).
// The index answers ranked pages of at most 100; the list combines its matches with the other filters,
// so it takes the best SEARCH_CAP matches (ranked) and lets the store filter, sort and page those.
import type { AppContext } from '../context.ts';
import type { ArticleStatus } from '../domain/types.ts';
import { MAX_SEARCH_PAGE_SIZE, searchArticles } from '../search/index.ts';

export const SEARCH_CAP = 500;

/** Ids of the articles matching q, best first (at most SEARCH_CAP). */
export async function articleIdsMatching(ctx: AppContext, q: string, filter: { language?: string; status?: ArticleStatus }): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; offset < SEARCH_CAP; offset += MAX_SEARCH_PAGE_SIZE) {
    const r = await searchArticles(ctx, { q, ...filter, publicOnly: false, limit: MAX_SEARCH_PAGE_SIZE, offset });
    ids.push(...r.items.map((i) => i.article.id));
    if (offset + MAX_SEARCH_PAGE_SIZE >= r.total) break;
  }
  return ids;
}
