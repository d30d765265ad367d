// An author's page: photo, bio, links, their feed, what they wrote and what they translated.
import { urls } from '../../domain/urls.ts';
import { html, safeUrl, type Html } from '../html.ts';
import { strings } from '../i18n/index.ts';
import { layout, type Chrome } from '../layout.ts';
import { PAGE_SIZE, type PersonData } from '../load.ts';
import { localPath } from '../paths.ts';
import { bioParagraphs } from '../parts/about.ts';
import { cardList } from '../parts/cards.ts';
import { portrait } from '../parts/figure.ts';
import { pagination } from '../parts/pagination.ts';

export function renderPerson(chrome: Chrome, d: PersonData, lang: string): Html {
  const { site } = chrome;
  const s = strings(lang);
  const p = d.person;
  const path = localPath(site, urls.person(site, p));
  const scope = `author/${p.slug}/`;
  const page = d.written.page;
  const more = page * PAGE_SIZE < Math.max(d.written.total, d.translated.total);
  const links = { prev: page > 1 ? (page === 2 ? path : `${path}?page=${page - 1}`) : null, next: more ? `${path}?page=${page + 1}` : null };
  const main = html`<header class="person-header">
${d.photo ? portrait(site, d.photo, p.name, 'person-photo') : ''}
<h1>${p.name}</h1>
${bioParagraphs(p.bio)}
${p.links.length ? html`<ul class="person-links">${p.links.map((l) => html`<li><a href="${safeUrl(l.url)}" rel="me noopener">${l.label}</a></li>`)}</ul>` : ''}
<p><a class="feed-link" href="${localPath(site, urls.feed(site, scope, 'rss'))}" type="application/rss+xml">${s.feedOf(p.name)}</a></p>
</header>
${d.written.cards.length ? html`<section aria-labelledby="written"><h2 id="written">${s.asAuthor}</h2>${cardList(site, d.written.cards, lang, 'h3')}</section>` : ''}
${d.translated.cards.length ? html`<section aria-labelledby="translated"><h2 id="translated">${s.asTranslator}</h2>${cardList(site, d.translated.cards, lang, 'h3')}</section>` : ''}
${!d.written.cards.length && !d.translated.cards.length ? html`<p>${s.nothingYet}</p>` : ''}
${pagination(links, page, s) ?? ''}`;
  return layout(
    chrome,
    {
      lang,
      title: `${p.name} – ${site.name}`,
      description: p.bio ? p.bio.replace(/\s+/g, ' ').slice(0, 200) : p.name,
      canonical: site.baseUrl + (page > 1 ? `${path}?page=${page}` : path),
      feed: { scope, label: p.name },
      prev: links.prev ? site.baseUrl + links.prev : null,
      next: links.next ? site.baseUrl + links.next : null,
      path,
    },
    main,
  );
}
