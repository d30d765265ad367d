// Projection of Relais' ParsedFeed onto the result shape of Universal Feed Parser (canonical keys,
// dates as 9-element UTC time tuples), used only by the conformance harness to evaluate the
// feedparser test corpus' expectations. Not part of the parser API.
import type { CommonFields, ParsedEntry, ParsedFeed, TextConstruct } from './model.ts';
import type { ParseFeedResult } from './parse-feed.ts';
import { parseFeedDate } from './dates.ts';

type Dict = Record<string, unknown>;

/** (year, month, day, hour, minute, second, weekday Mon=0, day of year, 0) in UTC. */
export function timeTuple(isoDate: string): number[] {
  const d = new Date(isoDate);
  const y = d.getUTCFullYear();
  const start = Date.UTC(y, 0, 1); const jan1 = new Date(start); jan1.setUTCFullYear(y);
  const yday = Math.floor((d.getTime() - jan1.getTime()) / 86400000) + 1;
  return [y, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), (d.getUTCDay() + 6) % 7, yday, 0];
}

function text(out: Dict, key: string, tc: TextConstruct | undefined): void {
  if (!tc) return;
  out[key] = tc.value;
  if (tc.type !== undefined) out[`${key}_detail`] = { type: tc.type, language: tc.language ?? null, base: tc.base ?? null, value: tc.value };
}

function common(c: CommonFields): Dict {
  const out: Dict = { ...c.extensions };
  const tc = c as CommonFields & Record<string, TextConstruct | undefined>;
  for (const k of ['title', 'subtitle', 'summary', 'rights', 'info']) text(out, k, tc[k]);
  for (const [k, v] of Object.entries(c.extensions)) if (k.endsWith('_parsed')) out[k] = typeof v === 'string' ? timeTuple(v) : v;
  for (const k of ['published', 'updated', 'created', 'expired'] as const) {
    const d = c[k];
    if (d) { out[k] = d.raw; out[`${k}_parsed`] = d.iso ? timeTuple(d.iso) : null; }
  }
  for (const k of ['link', 'id', 'author', 'publisher', 'language'] as const) if (c[k] !== undefined) out[k] = c[k];
  if (c.authorDetail) out.author_detail = c.authorDetail;
  if (c.publisherDetail) out.publisher_detail = c.publisherDetail;
  if (c.links.length) out.links = c.links;
  if (c.authors.length) out.authors = c.authors;
  if (c.contributors.length) out.contributors = c.contributors;
  if (c.categories.length) out.tags = c.categories;
  if (c.image) out.image = c.image;
  if (c.geo) out.where = c.geo;
  if (c.media.content.length) out.media_content = c.media.content;
  if (c.media.thumbnails.length) out.media_thumbnail = c.media.thumbnails;
  if (c.itunes.block !== undefined) out.itunes_block = c.itunes.block ? 1 : 0;
  if (c.itunes.explicit !== undefined) out.itunes_explicit = c.itunes.explicit;
  return out;
}

function entry(e: ParsedEntry): Dict {
  const out = common(e);
  if (e.content.length) out.content = e.content.map((c) => ({ type: c.type, language: c.language ?? null, base: c.base ?? null, value: c.value, ...(c.src ? { src: c.src } : {}) }));
  if (e.guidIsLink !== undefined) out.guidislink = e.guidIsLink;
  if (e.comments !== undefined) out.comments = e.comments;
  if (e.source) out.source = Object.fromEntries(Object.entries(e.source).map(([k, v]) => [k, k.endsWith('_parsed') && typeof v === 'string' ? timeTuple(v) : v]));
  return out;
}

function feedDict(f: ParsedFeed): Dict {
  const out = common(f);
  if (f.generator) {
    if (f.generator.name !== undefined) out.generator = f.generator.name;
    out.generator_detail = { ...f.generator };
  }
  return out;
}

const EXCEPTION_CLASS: Record<string, string> = { xml: 'SAXParseException', encoding: 'CharacterEncodingOverride', 'content-type': 'NonXMLContentType' };

/**
 * feedparser-shaped result. `loose` mimics feedparser's run without an XML parser: XML
 * well-formedness problems are then not bozo (its SGML parser does not see them).
 */
export function toFeedparserShape(r: ParseFeedResult, opts: { loose?: boolean; http?: { href: string; status: number; headers: Record<string, string> } } = {}): Dict {
  const out: Dict = { bozo: false, entries: [], feed: {}, headers: opts.http?.headers ?? {} };
  if (opts.http) { out.href = opts.http.href; out.status = opts.http.status; }
  if (opts.http?.headers.etag) out.etag = opts.http.headers.etag;
  const lm = opts.http?.headers['last-modified'];
  if (lm) {
    out.modified = lm;
    const ms = parseFeedDate(lm);
    if (ms !== null) out.modified_parsed = timeTuple(new Date(ms).toISOString());
  }
  if (!r.ok) {
    out.bozo = true; out.bozo_exception = { __exception__: 'ParseError' };
    return out;
  }
  const warnings = opts.loose ? r.warnings.filter((w) => w.kind !== 'xml') : r.warnings;
  if (warnings.length) {
    out.bozo = true;
    const order = ['xml', 'encoding', 'content-type'];
    const top = [...warnings].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0];
    out.bozo_exception = { __exception__: EXCEPTION_CLASS[top.kind] };
  }
  out.encoding = r.feed.encoding;
  out.version = r.feed.version;
  out.namespaces = r.feed.namespaces;
  out.feed = feedDict(r.feed);
  out.entries = r.feed.entries.map(entry);
  return out;
}
