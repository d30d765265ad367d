// JSON Feed 1.0 / 1.1 (https://www.jsonfeed.org/version/1.1/) → the builder's record shape.
import type { Dict } from './builder.ts';
import { parseFeedDate } from './dates.ts';
import { sanitizeFeedHtml } from './sanitize.ts';
import { urljoin } from './urls.ts';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function person(a: unknown): Dict | null {
  if (!a || typeof a !== 'object') return null;
  const o = a as Dict; const p: Dict = {};
  if (str(o.name)) p.name = o.name;
  if (str(o.url)) p.href = o.url;
  if (str(o.avatar)) p.avatar = o.avatar;
  return Object.keys(p).length ? p : null;
}

function authors(src: Dict, into: Dict): void {
  const list = (Array.isArray(src.authors) ? src.authors : src.author ? [src.author] : []).map(person).filter(Boolean) as Dict[];
  if (!list.length) return;
  into.authors = list;
  into.author_detail = list[0];
  if (list[0].name) into.author = list[0].name;
}

/** Returns null when `text` is not a JSON Feed. */
export function parseJsonFeed(text: string, base: string): { feed: Dict; entries: Dict[]; version: string } | null {
  let doc: unknown;
  try { doc = JSON.parse(text); } catch { return null; }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return null;
  const d = doc as Dict;
  const v = str(d.version) ?? '';
  if (!v.startsWith('https://jsonfeed.org/version/')) return null;
  const version = v.endsWith('/1.1') ? 'json11' : v.endsWith('/1') ? 'json10' : 'json';
  const feed: Dict = {};
  if (str(d.title)) { feed.title = d.title; feed.title_detail = { type: 'text/plain', language: d.language ?? null, base, value: d.title }; }
  if (str(d.home_page_url)) { feed.link = urljoin(base, d.home_page_url); feed.links = [{ rel: 'alternate', type: 'text/html', href: feed.link }]; }
  if (str(d.feed_url)) (feed.links ??= []).push({ rel: 'self', type: 'application/feed+json', href: urljoin(base, d.feed_url) });
  if (str(d.description)) { feed.subtitle = d.description; feed.subtitle_detail = { type: 'text/plain', language: d.language ?? null, base, value: d.description }; }
  if (str(d.language)) feed.language = d.language;
  if (str(d.icon)) feed.image = { href: urljoin(base, d.icon) };
  if (str(d.favicon)) feed.icon = urljoin(base, d.favicon);
  authors(d, feed);
  const entries: Dict[] = [];
  for (const it of Array.isArray(d.items) ? d.items : []) {
    if (!it || typeof it !== 'object') continue;
    const e: Dict = {};
    if (it.id !== undefined && it.id !== null) e.id = String(it.id);
    if (str(it.url)) { e.link = urljoin(base, it.url); e.links = [{ rel: 'alternate', type: 'text/html', href: e.link }]; }
    if (str(it.external_url)) (e.links ??= []).push({ rel: 'related', type: 'text/html', href: urljoin(base, it.external_url) });
    if (str(it.title)) { e.title = it.title; e.title_detail = { type: 'text/plain', language: it.language ?? d.language ?? null, base, value: it.title }; }
    e.content = [];
    if (str(it.content_html)) e.content.push({ type: 'text/html', language: it.language ?? null, base, value: sanitizeFeedHtml(it.content_html, base) });
    if (str(it.content_text)) e.content.push({ type: 'text/plain', language: it.language ?? null, base, value: it.content_text });
    if (!e.content.length) delete e.content;
    if (str(it.summary)) { e.summary = it.summary; e.summary_detail = { type: 'text/plain', language: null, base, value: it.summary }; }
    else if (e.content) { e.summary = e.content[0].value; }
    if (str(it.image)) e.image = { href: urljoin(base, it.image) };
    if (str(it.date_published)) { e.published = it.date_published; e.published_parsed = parseFeedDate(it.date_published); }
    if (str(it.date_modified)) { e.updated = it.date_modified; e.updated_parsed = parseFeedDate(it.date_modified); }
    if (Array.isArray(it.tags)) e.tags = it.tags.filter((t: unknown) => typeof t === 'string').map((t: string) => ({ term: t, scheme: null, label: null }));
    authors(it, e);
    for (const a of Array.isArray(it.attachments) ? it.attachments : []) {
      if (!a || !str(a.url)) continue;
      const l: Dict = { rel: 'enclosure', href: urljoin(base, a.url) };
      if (str(a.mime_type)) l.type = a.mime_type;
      if (a.size_in_bytes !== undefined) l.length = String(a.size_in_bytes);
      if (str(a.title)) l.title = a.title;
      (e.links ??= []).push(l);
    }
    entries.push(e);
  }
  return { feed, entries, version };
}
