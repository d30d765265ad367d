// `q` of the newsroom's article list. The full-text index (src/search) is not in yet: until it is, the
// words are matched with LIKE in title, summary and body (all words, case-insensitive for ASCII, no
// ranking, no accent folding). Swap this one function for the index's ids when searchArticles exists.
import type { AppContext } from '../context.ts';
import type { ArticleQuery } from '../store/articles.ts';

export async function articleIdsMatching(_ctx: AppContext, q: string, _language?: string): Promise<Pick<ArticleQuery, 'ids' | 'text'>> {
  return { text: q };
}
