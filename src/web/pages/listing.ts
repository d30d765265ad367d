// Home, language homes, section and tag pages: a heading and a paginated list of articles.
import { html, type Html } from '../html.ts';
import { strings } from '../i18n/index.ts';
import { layout, type Chrome, type FeedScope } from '../layout.ts';
import type { Listing } from '../load.ts';
import { PAGE_SIZE } from '../load.ts';
import { cardList } from '../parts/cards.ts';
import { pageLinks, pagination } from '../parts/pagination.ts';

export interface ListingPage {
  lang: string;
  heading: string;
  /** <title>; defaults to "heading – site". */
  title?: string;
  description: string;
  /** Site-relative path of page 1. */
  path: string;
  feed: FeedScope | null;
  listing: Listing;
  intro?: Html;
}

export function renderListing(chrome: Chrome, p: ListingPage): Html {
  const { site } = chrome;
  const s = strings(p.lang);
  const { page, total, cards } = p.listing;
  const links = pageLinks(p.path, page, PAGE_SIZE, total);
  const here = page > 1 ? `${p.path}?page=${page}` : p.path;
  const heading = page > 1 ? `${p.heading} – ${s.pageN(page)}` : p.heading;
  const main = html`<h1>${heading}</h1>
${p.intro ?? ''}
${cards.length ? cardList(site, cards, p.lang) : html`<p>${s.nothingYet}</p>`}
${pagination(links, page, s) ?? ''}`;
  return layout(
    chrome,
    {
      lang: p.lang,
      title: page > 1 ? `${p.title ?? `${p.heading} – ${site.name}`} – ${s.pageN(page)}` : (p.title ?? `${p.heading} – ${site.name}`),
      description: p.description,
      canonical: site.baseUrl + here,
      feed: p.feed,
      prev: links.prev ? site.baseUrl + links.prev : null,
      next: links.next ? site.baseUrl + links.next : null,
      path: p.path,
    },
    main,
  );
}
