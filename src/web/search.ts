// GET /search?q=…&lang=fr|en&page=N: what the reader asked, searched among published articles.
import type { AppContext } from '../context.ts';
import { QueryError, searchArticles, type QueryProblem, type SearchResult } from '../search/index.ts';
import type { Html } from './html.ts';
import type { Chrome } from './layout.ts';
import { renderSearch, SEARCH_PAGE_SIZE } from './pages/search.ts';

type Query = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

export async function searchPage(ctx: AppContext, chrome: Chrome, query: Query, page: number): Promise<{ page: Html; status: number; lang: string }> {
  const { site } = ctx;
  const asked = first(query.lang);
  const lang = site.languages.includes(asked) ? asked : site.defaultLanguage;
  const q = first(query.q);
  let result: SearchResult | null = null;
  let problem: QueryProblem | null = null;
  if (query.q !== undefined) {
    try {
      result = await searchArticles(ctx, { q, publicOnly: true, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE });
    } catch (e) {
      if (!(e instanceof QueryError)) throw e;
      problem = e.problem;
    }
  }
  const status = problem && problem !== 'empty' ? 400 : 200;
  // An over-long query is not echoed back whole into the page.
  const shown = problem === 'too-long' ? q.slice(0, 200) : q;
  return { page: renderSearch(chrome, { lang, q: shown, page, result, problem }), status, lang };
}
