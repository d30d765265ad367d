// RSS 2.0 (https://www.rssboard.org/rss-specification) with content:encoded, Dublin Core creators,
// atom:link rel="self", Media RSS and Relais' provenance elements.
import type { FeedDoc, FeedEntry } from './model.ts';
import { GENERATOR, RELAIS_NS } from './model.ts';
import { rfc822 } from './dates.ts';
import { el, textToHtml, wrap } from './text.ts';
import { manifestLink, mediaElement, NAMESPACES, relaisElements } from './relais-xml.ts';

function item(e: FeedEntry): string {
  const children = [
    el('title', null, e.title),
    el('link', null, e.url),
    el('guid', { isPermaLink: 'false' }, e.id),
    el('pubDate', null, rfc822(e.published)),
    // RSS readers treat description as HTML: the plain summary is escaped for HTML, then for XML.
    el('description', null, textToHtml(e.summary)),
    el('content:encoded', null, e.contentHtml),
    ...e.authors.map((a) => el('dc:creator', null, a.name)),
    el('dc:language', null, e.language),
    ...e.categories.map((c) => el('category', { domain: c.scheme }, c.label)),
    manifestLink(e, 'atom:link') ?? '',
    mediaElement(e) ?? '',
    ...relaisElements(e),
  ];
  return wrap('item', null, children.filter(Boolean));
}

export function renderRss(doc: FeedDoc): string {
  const channel = [
    el('title', null, doc.title),
    el('link', null, doc.homeUrl),
    el('description', null, doc.description),
    doc.language ? el('language', null, doc.language) : '',
    el('lastBuildDate', null, rfc822(doc.updated)),
    el('generator', null, GENERATOR),
    el('docs', null, 'https://www.rssboard.org/rss-specification'),
    el('atom:link', { href: doc.feedUrls.rss, rel: 'self', type: 'application/rss+xml' }),
    doc.hub ? el('atom:link', { href: doc.hub, rel: 'hub' }) : '',
    ...doc.entries.map(item),
  ];
  const rss = wrap(
    'rss',
    {
      version: '2.0',
      'xmlns:atom': 'http://www.w3.org/2005/Atom',
      'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      'xmlns:media': NAMESPACES.media,
      'xmlns:relais': RELAIS_NS,
    },
    [wrap('channel', null, channel.filter(Boolean))],
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n${rss}\n`;
}
