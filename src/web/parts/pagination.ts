import { html, type Html } from '../html.ts';
import type { Strings } from '../i18n/index.ts';

export interface PageLinks {
  prev: string | null;
  next: string | null;
}

/** `base` is the listing's path; page 1 has no query so it keeps one URL. */
export function pageLinks(base: string, page: number, pageSize: number, total: number): PageLinks {
  const at = (n: number) => (n <= 1 ? base : `${base}?page=${n}`);
  return { prev: page > 1 ? at(page - 1) : null, next: page * pageSize < total ? at(page + 1) : null };
}

export function pagination(links: PageLinks, page: number, s: Strings): Html | null {
  if (!links.prev && !links.next) return null;
  return html`<nav class="pagination" aria-label="${s.pagination}">
<ul>
<li>${links.prev ? html`<a href="${links.prev}" rel="prev">${s.previousPage}</a>` : ''}</li>
<li aria-current="page">${s.pageN(page)}</li>
<li>${links.next ? html`<a href="${links.next}" rel="next">${s.nextPage}</a>` : ''}</li>
</ul>
</nav>`;
}
