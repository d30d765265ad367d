// The reader search page: the form, the count, the results with their highlighted snippets, pagination.
// Never indexed by search engines (noindex); rendered on each request, outside the page cache.
import { urls } from '../../domain/urls.ts';
import type { QueryProblem, SearchResult } from '../../search/index.ts';
import { html, raw, type Html } from '../html.ts';
import { strings, timeTag } from '../i18n/index.ts';
import { layout, type Chrome } from '../layout.ts';
import { localPath } from '../paths.ts';
import { pagination } from '../parts/pagination.ts';

export const SEARCH_PAGE_SIZE = 20;

export interface SearchPage {
  lang: string;
  q: string;
  page: number;
  result: SearchResult | null;
  problem: QueryProblem | null;
}

export function searchHref(q: string, lang: string, page = 1): string {
  const params = new URLSearchParams({ q, lang });
  if (page > 1) params.set('page', String(page));
  return `/search?${params}`;
}

function results(chrome: Chrome, p: SearchPage, r: SearchResult): Html {
  const { site } = chrome;
  const s = strings(p.lang);
  if (!r.items.length) return html`<p class="search-none">${s.searchNone(p.q)}</p>`;
  return html`<p class="search-count" role="status">${s.searchCount(r.total, r.totalExact)}</p>
<ol class="search-results" start="${(p.page - 1) * SEARCH_PAGE_SIZE + 1}">
${r.items.map(({ article: a, titleHtml, snippet }) => {
  const lang = a.language !== p.lang ? html` lang="${a.language}"` : '';
  return html`<li${lang}>
<h2><a href="${localPath(site, urls.article(site, a))}">${raw(titleHtml)}</a></h2>
${a.publishedAt ? html`<p class="meta">${timeTag(a.publishedAt, a.language, site.timeZone)}</p>` : ''}
${snippet ? html`<p class="snippet">${raw(snippet)}</p>` : ''}
</li>\n`;
})}</ol>`;
}

export function renderSearch(chrome: Chrome, p: SearchPage): Html {
  const s = strings(p.lang);
  const r = p.result;
  const pages = r ? Math.ceil(r.total / SEARCH_PAGE_SIZE) : 0;
  const links = {
    prev: p.page > 1 ? searchHref(p.q, p.lang, p.page - 1) : null,
    next: p.page < pages ? searchHref(p.q, p.lang, p.page + 1) : null,
  };
  const heading = p.q && !p.problem ? s.searchResultsFor(p.q) : s.searchTitle;
  const main = html`<h1>${heading}</h1>
<form class="search-form" role="search" aria-label="${s.searchTitle}" method="get" action="/search">
<label for="search-q">${s.searchLabel}</label>
<input id="search-q" type="search" name="q" value="${p.q}" maxlength="400" aria-describedby="search-hint"${p.problem ? html` aria-invalid="true" aria-errormessage="search-problem"` : ''}>
<input type="hidden" name="lang" value="${p.lang}">
<button type="submit">${s.search}</button>
<p id="search-hint" class="hint">${s.searchHint}</p>
</form>
${p.problem ? html`<p id="search-problem" class="search-problem" role="alert">${s.searchProblems[p.problem]}</p>` : ''}
${r ? results(chrome, p, r) : ''}
${pagination(links, p.page, s) ?? ''}`;
  return layout(
    chrome,
    {
      lang: p.lang,
      title: `${heading} – ${chrome.site.name}`,
      description: s.searchSite,
      canonical: null,
      noindex: true,
      path: '/search',
    },
    main,
  );
}
