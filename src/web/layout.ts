// The page shell: head (meta, canonical, alternates, feeds), skip link, header with the section menu,
// the no-JavaScript jump menu and the RSS link, then the page's own <main>, then the footer.
import type { Section, SiteConfig } from '../domain/types.ts';
import { urls, type FeedFormat } from '../domain/urls.ts';
import { html, type Html } from './html.ts';
import { nativeLanguageName, strings, textDirection } from './i18n/index.ts';
import { CSS_PATH, ICON_PATH } from './assets.ts';
import { localPath } from './paths.ts';

export interface Chrome {
  site: SiteConfig;
  sections: Section[];
}

/** A listing a feed can follow: '' for the whole site, 'fr/', 'section/world/', 'author/ada/', 'tag/x/'. */
export interface FeedScope {
  scope: string;
  label: string;
}

export interface PageMeta {
  lang: string;
  title: string;
  description: string;
  /** Absolute canonical URL (none on error pages). */
  canonical: string | null;
  noindex?: boolean;
  alternates?: Array<{ lang: string; url: string }>;
  /** The current listing's feeds, besides the site's. */
  feed?: FeedScope | null;
  prev?: string | null;
  next?: string | null;
  /** Site-relative path of the page, to mark the current menu item. */
  path: string;
  /** Extra head elements (OpenGraph, JSON-LD). */
  head?: Html;
  /** The page's own trailing scripts (the article page's copy hook). */
  scripts?: Html;
}

const FEED_TYPES: Array<[FeedFormat, string, string]> = [
  ['rss', 'application/rss+xml', 'RSS'],
  ['atom', 'application/atom+xml', 'Atom'],
  ['json', 'application/feed+json', 'JSON Feed'],
];

function feedLinks(site: SiteConfig, scope: string, label: string): Html[] {
  return FEED_TYPES.map(
    ([format, type, name]) => html`<link rel="alternate" type="${type}" title="${label} (${name})" href="${urls.feed(site, scope, format)}">`,
  );
}

export function sectionName(section: Section, lang: string): string {
  return section.names[lang] ?? section.name;
}

function current(path: string, href: string): Html | null {
  return path === href ? html` aria-current="page"` : null;
}

export function layout(chrome: Chrome, meta: PageMeta, main: Html): Html {
  const { site, sections } = chrome;
  const s = strings(meta.lang);
  const feedScope = meta.feed && meta.feed.scope ? meta.feed : null;
  const rssHref = localPath(site, urls.feed(site, feedScope?.scope ?? '', 'rss'));
  const sectionItems = sections.map((sec) => ({ href: localPath(site, urls.section(site, sec)), name: sectionName(sec, meta.lang) }));
  const languages = site.languages.length > 1 ? site.languages : [];
  return html`<html lang="${meta.lang}" dir="${textDirection(meta.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
${meta.canonical ? html`<link rel="canonical" href="${meta.canonical}">\n` : ''}${meta.noindex ? html`<meta name="robots" content="noindex">\n` : ''}${(meta.alternates ?? []).map((a) => html`<link rel="alternate" hreflang="${a.lang}" href="${a.url}">\n`)}${meta.prev ? html`<link rel="prev" href="${meta.prev}">\n` : ''}${meta.next ? html`<link rel="next" href="${meta.next}">\n` : ''}${feedLinks(site, '', site.name)}
${feedScope ? feedLinks(site, feedScope.scope, `${site.name} – ${feedScope.label}`) : ''}
<link rel="stylesheet" href="${CSS_PATH}">
<link rel="icon" href="${ICON_PATH}" type="image/svg+xml">
${meta.head ?? ''}
</head>
<body>
<a class="skip-link" href="#main">${s.skipToContent}</a>
<header class="site-header">
<p class="site-name"><a href="/" rel="home">${site.name}</a></p>
<a class="rss-link" href="${rssHref}" type="application/rss+xml">${s.rssFeed}</a>
<nav class="site-nav" aria-label="${s.mainMenu}">
<ul>
<li><a href="/"${current(meta.path, '/')}>${s.home}</a></li>
${sectionItems.map((i) => html`<li><a href="${i.href}"${current(meta.path, i.href)}>${i.name}</a></li>\n`)}${languages.map(
    (l) => html`<li><a href="/${l}/" hreflang="${l}" lang="${l}"${current(meta.path, `/${l}/`)}>${nativeLanguageName(l)}</a></li>\n`,
  )}</ul>
</nav>
<form class="jump" method="get" action="/go">
<label for="jump-to">${s.jumpTo}</label>
<select id="jump-to" name="to">
<option value="/">${s.home}</option>
${sectionItems.map((i) => html`<option value="${i.href}"${meta.path === i.href ? html` selected` : ''}>${i.name}</option>\n`)}${languages.map(
    (l) => html`<option value="/${l}/" lang="${l}"${meta.path === `/${l}/` ? html` selected` : ''}>${nativeLanguageName(l)}</option>\n`,
  )}</select>
<button type="submit">${s.go}</button>
</form>
<form class="site-search" role="search" aria-label="${s.searchSite}" method="get" action="/search">
<label for="site-search-q" class="visually-hidden">${s.searchSite}</label>
<input id="site-search-q" type="search" name="q" maxlength="400">
<input type="hidden" name="lang" value="${meta.lang}">
<button type="submit">${s.search}</button>
</form>
</header>
<main id="main" tabindex="-1">
${main}
</main>
<footer class="site-footer">
<p>${site.description[meta.lang] ?? site.description[site.defaultLanguage] ?? ''}</p>
<ul>
<li><a href="${localPath(site, urls.feed(site, '', 'rss'))}">${s.rssFeed}</a></li>
<li><a href="${localPath(site, urls.feed(site, '', 'atom'))}">Atom</a></li>
<li><a href="${localPath(site, urls.feed(site, '', 'json'))}">JSON Feed</a></li>
</ul>
</footer>
${meta.scripts ?? ''}
</body>
</html>
`;
}
