// JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Provenance travels in the `_relais` extension object
// of each item, its signed C2PA manifest in `_c2pa` (extension keys start with "_"; readers that do not
// know them ignore them). Not an attachment: readers offer attachments to the reader as downloads.
import type { FeedDoc, FeedEntry, FeedOrigin, FeedPerson } from './model.ts';
import { RELAIS_NS } from './model.ts';
import { rfc3339 } from './dates.ts';
import { cleanText } from './text.ts';
import { MANIFEST_TYPE } from '../c2pa/manifest-url.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';
/** What `_c2pa` is: a C2PA manifest store kept apart from its asset (C2PA 2.2 §11.4, external manifests). */
export const C2PA_ABOUT = 'https://spec.c2pa.org/specifications/specifications/2.2/specs/C2PA_Specification.html#_external_manifests';

function author(p: FeedPerson) {
  return p.url ? { name: p.name, url: p.url } : { name: p.name };
}

function origin(o: FeedOrigin) {
  return {
    url: o.url,
    title: o.title,
    language: o.language,
    published_at: o.publishedAt ? rfc3339(o.publishedAt) : null,
    outlet: o.outletName ? { name: o.outletName, url: o.outletUrl } : null,
    authors: o.authorNames,
  };
}

function item(e: FeedEntry) {
  return {
    id: e.id,
    url: e.url,
    external_url: e.original?.url ?? undefined,
    title: e.title,
    content_html: e.contentHtml,
    summary: e.summary || undefined,
    image: e.image?.url,
    date_published: rfc3339(e.published),
    date_modified: rfc3339(e.updated),
    authors: e.authors.length ? e.authors.map(author) : undefined,
    tags: e.categories.length ? [...new Set(e.categories.map((c) => c.label))] : undefined,
    language: e.language,
    _relais: {
      about: RELAIS_NS,
      kind: e.kind,
      translators: e.translators.map(author),
      original: e.original ? origin(e.original) : null,
      source: e.source ? origin(e.source) : null,
      via: e.via ? { url: e.via.url, name: e.via.name } : null,
      licence: e.licence,
      canonical_url: e.canonicalUrl,
      sections: e.categories.filter((c) => c.kind === 'section').map((c) => ({ slug: c.term, name: c.label, url: c.url })),
      tags: e.categories.filter((c) => c.kind === 'tag').map((c) => ({ slug: c.term, name: c.label, url: c.url })),
      image: e.image ? { url: e.image.url, alt: e.image.alt, credit: e.image.credit, width: e.image.width, height: e.image.height } : null,
    },
    _c2pa: e.manifestUrl ? { about: C2PA_ABOUT, manifest_url: e.manifestUrl, mime_type: MANIFEST_TYPE } : undefined,
  };
}

/** Drops nulls (JSON Feed's optional fields are absent, not null) and characters no feed may carry. */
function replacer(_key: string, value: unknown): unknown {
  if (value === null) return undefined;
  return typeof value === 'string' ? cleanText(value) : value;
}

export function renderJsonFeed(doc: FeedDoc): string {
  const feed = {
    version: JSON_FEED_VERSION,
    title: doc.title,
    home_page_url: doc.homeUrl,
    feed_url: doc.feedUrls.json,
    hubs: doc.hub ? [{ type: 'WebSub', url: doc.hub }] : undefined,
    description: doc.description,
    language: doc.language ?? undefined,
    authors: [author(doc.publisher)],
    items: doc.entries.map(item),
  };
  return JSON.stringify(feed, replacer) + '\n';
}
