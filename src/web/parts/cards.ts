// Article lists on listing pages: title, date, byline, summary and a small image.
import type { Article, Person, SiteConfig } from '../../domain/types.ts';
import { urls } from '../../domain/urls.ts';
import { html, type Html } from '../html.ts';
import { listOf, strings, timeTag } from '../i18n/index.ts';
import { localPath } from '../paths.ts';
import { personLink } from './credits.ts';
import { thumbnail, type SizedImage } from './figure.ts';

export interface Card {
  article: Article;
  authors: Person[];
  /** Writers known by name only (outside originals). */
  authorNames: string[];
  image: SizedImage | null;
}

function card(site: SiteConfig, c: Card, pageLang: string, heading: 'h2' | 'h3'): Html {
  const a = c.article;
  const s = strings(a.language);
  const href = localPath(site, urls.article(site, a));
  const byline = c.authors.length ? listOf(c.authors.map((p) => personLink(site, p)), a.language) : c.authorNames.length ? listOf(c.authorNames, a.language) : null;
  const title = html`<a href="${href}">${a.title}</a>`;
  return html`<li class="card"${a.language !== pageLang ? html` lang="${a.language}"` : ''}>
${c.image ? thumbnail(site, c.image) : ''}
${heading === 'h2' ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
<p class="meta">${a.publishedAt ? timeTag(a.publishedAt, a.language, site.timeZone) : ''}${byline ? html` · <span class="byline">${s.by} ${byline}</span>` : ''}</p>
${a.summary ? html`<p>${a.summary}</p>` : ''}
</li>`;
}

export function cardList(site: SiteConfig, cards: Card[], pageLang: string, heading: 'h2' | 'h3' = 'h2'): Html {
  return html`<ul class="cards">
${cards.map((c) => html`${card(site, c, pageLang, heading)}\n`)}</ul>`;
}
