// Atom 1.0 (RFC 4287): writers as <author>, translators as <contributor>, the original as <link rel="via">,
// intermediates as <link rel="related">, plus Media RSS and Relais' provenance elements.
import type { FeedDoc, FeedEntry, FeedPerson } from './model.ts';
import { GENERATOR, RELAIS_NS } from './model.ts';
import { rfc3339 } from './dates.ts';
import { el, wrap } from './text.ts';
import { manifestLink, mediaElement, NAMESPACES, relaisElements } from './relais-xml.ts';

function person(tag: 'author' | 'contributor', p: FeedPerson): string {
  return wrap(tag, null, [el('name', null, p.name), p.url ? el('uri', null, p.url) : ''].filter(Boolean));
}

function provenanceLinks(e: FeedEntry): string[] {
  const links: string[] = [];
  const seen = new Set<string>([e.url]);
  const add = (rel: string, href: string | null, title: string | null, hreflang: string | null) => {
    if (!href || seen.has(href)) return;
    seen.add(href);
    links.push(el('link', { rel, href, title, hreflang }));
  };
  if (e.original) add('via', e.original.url, e.original.title, e.original.language);
  if (e.source) add('related', e.source.url, e.source.title, e.source.language);
  if (e.via) add('related', e.via.url, e.via.name, null);
  return links;
}

function entry(e: FeedEntry): string {
  const children = [
    el('id', null, e.id),
    el('title', { type: 'text' }, e.title),
    el('link', { rel: 'alternate', type: 'text/html', hreflang: e.language, href: e.url }),
    el('published', null, rfc3339(e.published)),
    el('updated', null, rfc3339(e.updated)),
    ...e.authors.map((a) => person('author', a)),
    ...e.translators.map((t) => person('contributor', t)),
    ...e.categories.map((c) => el('category', { term: c.term, scheme: c.scheme, label: c.label })),
    e.summary ? el('summary', { type: 'text' }, e.summary) : '',
    el('content', { type: 'html' }, e.contentHtml),
    ...provenanceLinks(e),
    manifestLink(e, 'link') ?? '',
    mediaElement(e) ?? '',
    ...relaisElements(e),
  ];
  return wrap('entry', { 'xml:lang': e.language }, children.filter(Boolean));
}

export function renderAtom(doc: FeedDoc): string {
  const children = [
    el('id', null, doc.feedUrls.atom),
    el('title', { type: 'text' }, doc.title),
    el('subtitle', { type: 'text' }, doc.description),
    el('updated', null, rfc3339(doc.updated)),
    el('link', { rel: 'self', type: 'application/atom+xml', href: doc.feedUrls.atom }),
    doc.hub ? el('link', { rel: 'hub', href: doc.hub }) : '',
    el('link', { rel: 'alternate', type: 'text/html', href: doc.homeUrl }),
    // Entries without a known writer inherit the publisher (RFC 4287 §4.1.1 requires an author).
    person('author', doc.publisher),
    el('generator', null, GENERATOR),
    ...doc.entries.map(entry),
  ];
  const feed = wrap(
    'feed',
    { xmlns: 'http://www.w3.org/2005/Atom', 'xmlns:media': NAMESPACES.media, 'xmlns:relais': RELAIS_NS, 'xml:lang': doc.language },
    children,
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n${feed}\n`;
}
