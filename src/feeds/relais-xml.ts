// Relais' provenance elements, the same in RSS and Atom (namespace RELAIS_NS, prefix `relais`).
import type { FeedEntry, FeedOrigin } from './model.ts';
import { rfc3339 } from './dates.ts';
import { el, wrap } from './text.ts';
import { MANIFEST_REL, MANIFEST_TYPE } from '../c2pa/manifest-url.ts';

function originElement(name: string, o: FeedOrigin): string {
  const children = [
    o.title ? el('relais:title', null, o.title) : '',
    o.outletName ? el('relais:outlet', { href: o.outletUrl }, o.outletName) : '',
    ...o.authorNames.map((n) => el('relais:author', null, n)),
    o.publishedAt ? el('relais:published', null, rfc3339(o.publishedAt)) : '',
  ].filter(Boolean);
  return wrap(name, { href: o.url, hreflang: o.language }, children);
}

/** The provenance of an entry, as `relais:*` elements (nothing for an original of this site). */
export function relaisElements(e: FeedEntry): string[] {
  const out: string[] = [];
  if (e.kind !== 'original') out.push(el('relais:kind', null, e.kind));
  for (const t of e.translators) out.push(el('relais:translator', { href: t.url }, t.name));
  if (e.original) out.push(originElement('relais:original', e.original));
  if (e.source) out.push(originElement('relais:source', e.source));
  if (e.via) out.push(el('relais:via', { href: e.via.url }, e.via.name ?? e.via.url));
  if (e.licence) out.push(el('relais:licence', null, e.licence));
  if (e.canonicalUrl) out.push(el('relais:canonical', { href: e.canonicalUrl }));
  return out;
}

/**
 * The entry's C2PA manifest as a link with C2PA's relation and media type: `link` in Atom, `atom:link` in RSS
 * (the Atom namespace RSS already declares for its self link). Nothing when the entry has no manifest.
 */
export function manifestLink(e: FeedEntry, name: 'link' | 'atom:link'): string | null {
  return e.manifestUrl ? el(name, { rel: MANIFEST_REL, type: MANIFEST_TYPE, href: e.manifestUrl }) : null;
}

/** The featured image as Media RSS, understood by most readers in RSS and Atom alike. */
export function mediaElement(e: FeedEntry): string | null {
  const i = e.image;
  if (!i) return null;
  return wrap('media:content', { url: i.url, medium: 'image', type: i.type, width: i.width, height: i.height }, [
    i.alt ? el('media:description', { type: 'plain' }, i.alt) : '',
    i.credit ? el('media:credit', null, i.credit) : '',
  ].filter(Boolean));
}

export const NAMESPACES = {
  media: 'http://search.yahoo.com/mrss/',
};
