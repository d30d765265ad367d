// Page metadata: JSON-LD (schema.org Article family, @graph, arrays, @id references), OpenGraph,
// Twitter cards, Dublin Core, Parse.ly, Sailthru and classic <meta> tags, <html lang>, <time>,
// rel=author and byline markup. One walk over the whole document collects everything.
import type { Document, Element } from 'domhandler';
import { decodeHTML } from 'entities';
import { attr, resolveUrl, textOf, type AnyNode } from './dom.ts';

/** What a page says about its article, as extraction returns it. */
export interface ArticleMetadata {
  title: string | null;
  authors: string[];
  /** ISO 8601 (UTC) or null. */
  publishedAt: string | null;
  /** BCP 47 tag or null. */
  language: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  /** Absolute http(s) URL or null. */
  leadImage: string | null;
  description: string | null;
}

export interface PageMetadata extends ArticleMetadata {
  /** schema.org articleBody when the page ships one (a signal for the body extractor). */
  jsonLdBody: string | null;
  /** Base URL for resolving relative links: <base href> against the page URL, else the page URL. */
  baseUrl: string | null;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'blogposting', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'reviewnewsarticle', 'backgroundnewsarticle', 'askpublicnewsarticle', 'satiricalarticle', 'liveblogposting',
  'techarticle', 'scholarlyarticle', 'report', 'socialmediaposting', 'review', 'medicalscholarlyarticle',
]);

interface Collected {
  meta: Map<string, string>;
  jsonLd: string[];
  titleTag: string | null;
  h1: string | null;
  lang: string | null;
  baseHref: string | null;
  canonical: string | null;
  times: string[];
  relAuthors: string[];
  bylines: string[];
  firstImg: string | null;
}

const BYLINE_RE = /(?:^|[\s_-])(?:byline|author|authors|author-name|contributor|writer|by-author)(?:$|[\s_-])/i;

function collect(doc: Document): Collected {
  const c: Collected = {
    meta: new Map(), jsonLd: [], titleTag: null, h1: null, lang: null, baseHref: null, canonical: null,
    times: [], relAuthors: [], bylines: [], firstImg: null,
  };
  const stack: AnyNode[] = [...doc.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'tag' && n.type !== 'script') continue;
    const el = n as Element;
    const name = el.name;
    const a = el.attribs;
    switch (name) {
      case 'html':
        if (a.lang) c.lang = a.lang;
        else if (a['xml:lang']) c.lang = a['xml:lang'];
        break;
      case 'meta': {
        const key = (a.property || a.name || a.itemprop || a['http-equiv'] || '').trim().toLowerCase();
        const content = a.content ?? a.value;
        if (key && content != null && content.trim() && !c.meta.has(key)) c.meta.set(key, content.trim());
        continue;
      }
      case 'link': {
        const rel = (a.rel || '').toLowerCase();
        if (rel.split(/\s+/).includes('canonical') && a.href && !c.canonical) c.canonical = a.href;
        continue;
      }
      case 'base':
        if (a.href && !c.baseHref) c.baseHref = a.href;
        continue;
      case 'title':
        if (c.titleTag == null) c.titleTag = textOf(el);
        continue;
      case 'script':
        if ((a.type || '').toLowerCase().includes('ld+json')) {
          c.jsonLd.push(el.children.map((t) => (t.type === 'text' ? (t as { data: string }).data : '')).join(''));
        }
        continue;
      case 'h1':
        if (c.h1 == null) {
          const t = textOf(el);
          if (t) c.h1 = t;
        }
        break;
      case 'time':
        if (a.datetime) c.times.push(a.datetime);
        break;
      case 'img':
        if (!c.firstImg) {
          const src = a.src && !a.src.startsWith('data:') ? a.src : a['data-src'] || a['data-lazy-src'] || null;
          if (src && !/\b(?:logo|icon|sprite|pixel|avatar|spacer)\b/i.test(src)) {
            const w = Number(a.width);
            if (!(w > 0 && w < 100)) c.firstImg = src;
          }
        }
        continue;
      case 'style':
        continue;
    }
    if (name === 'a' && (a.rel || '').toLowerCase().split(/\s+/).includes('author')) {
      const t = textOf(el);
      if (t) c.relAuthors.push(t);
    } else if (a.itemprop === 'author') {
      const nameEl = findItemprop(el, 'name');
      const t = nameEl ? (nameEl.attribs.content ?? textOf(nameEl)) : (a.content ?? textOf(el));
      if (t) c.relAuthors.push(t);
    } else if ((a.class && BYLINE_RE.test(a.class)) && c.bylines.length < 3) {
      const t = textOf(el);
      if (t && t.length < 120) c.bylines.push(t);
    }
    const ch = el.children;
    for (let i = ch.length - 1; i >= 0; i--) stack.push(ch[i]);
  }
  return c;
}

function findItemprop(root: Element, prop: string): Element | null {
  const stack: AnyNode[] = [...root.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    const el = n as Element;
    if (el.attribs.itemprop === prop) return el;
    stack.push(...el.children);
  }
  return null;
}

function parseJsonLd(texts: string[]): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 6 || v == null) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    if (typeof v !== 'object') return;
    const o = v as Json;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
    // Articles are sometimes nested as mainEntity / mainEntityOfPage of a WebPage.
    if (o.mainEntity && typeof o.mainEntity === 'object') visit(o.mainEntity, depth + 1);
  };
  for (const t of texts) {
    let s = t.trim();
    if (!s) continue;
    // Tolerate CDATA / HTML comments wrapping and stray control characters.
    s = s.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '').replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '');
    try {
      visit(JSON.parse(s), 0);
    } catch {
      try {
        visit(JSON.parse(s.replace(/[\u0000-\u001f]+/g, ' ')), 0);
      } catch {
        /* unparsable JSON-LD is ignored */
      }
    }
  }
  return out;
}

function types(o: Json): string[] {
  const t = o['@type'];
  const arr = Array.isArray(t) ? t : t != null ? [t] : [];
  return arr.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:]/, '').toLowerCase());
}

function str(v: unknown): string | null {
  if (typeof v === 'string') {
    const s = v.trim();
    return s ? s : null;
  }
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = str(x);
      if (s) return s;
    }
  }
  if (v && typeof v === 'object') {
    const o = v as Json;
    return str(o['@value']) ?? null;
  }
  return null;
}

function names(v: unknown, byId: Map<string, Json>, depth = 0): string[] {
  if (v == null || depth > 4) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap((x) => names(x, byId, depth + 1));
  if (typeof v === 'object') {
    let o = v as Json;
    if (!o.name && typeof o['@id'] === 'string' && byId.has(o['@id'])) o = byId.get(o['@id'])!;
    const n = str(o.name);
    if (n) return [n];
    const parts = [str(o.givenName), str(o.familyName)].filter(Boolean);
    if (parts.length) return [parts.join(' ')];
  }
  return [];
}

function imageUrl(v: unknown, depth = 0): string | null {
  if (v == null || depth > 4) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = imageUrl(x, depth + 1);
      if (u) return u;
    }
    return null;
  }
  if (typeof v === 'object') {
    const o = v as Json;
    return imageUrl(o.url ?? o.contentUrl ?? o['@id'], depth + 1);
  }
  return null;
}

export function toIsoDate(s: string | null | undefined): string | null {
  if (!s) return null;
  let v = s.trim();
  if (!v) return null;
  if (/^\d{10}$/.test(v)) return new Date(Number(v) * 1000).toISOString();
  if (/^\d{13}$/.test(v)) return new Date(Number(v)).toISOString();
  // 20191119T120000Z / 2019-11-19 12:00:00 +0100 style variants.
  v = v.replace(/^(\d{4})(\d{2})(\d{2})(?=T|$)/, '$1-$2-$3').replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2')
    .replace(/ ?([+-]\d{2}):?(\d{2})$/, '$1:$2').replace(/ ?(?:UTC|GMT)$/i, 'Z');
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) {
    const d2 = new Date(s.trim());
    if (Number.isNaN(d2.getTime())) return null;
    return plausible(d2);
  }
  return plausible(d);
}

function plausible(d: Date): string | null {
  const y = d.getUTCFullYear();
  return y >= 1990 && y <= 2100 ? d.toISOString() : null;
}

export function normaliseLanguage(s: string | null | undefined): string | null {
  if (!s) return null;
  const v = s.trim().split(/[,;\s]/)[0].replace(/_/g, '-');
  if (!v || !/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/.test(v)) return null;
  try {
    return Intl.getCanonicalLocales(v)[0] ?? null;
  } catch {
    return null;
  }
}

const URL_RE = /^(?:https?:)?\/\//i;

/** Metadata strings: entities that were double-encoded in JSON-LD or attributes decoded, whitespace collapsed. */
export function cleanText(s: string | null | undefined): string | null {
  if (!s) return null;
  let v = s;
  if (v.includes('&')) v = decodeHTML(v);
  if (v.includes('<')) v = v.replace(/<[^>]*>/g, ' ');
  v = v.replace(/\s+/g, ' ').trim();
  return v || null;
}

const ROLE_RE = /\b(?:writer|editor|correspondent|reporter|columnist|contributor|staff|bureau chief|photographer|producer|intern)s?$/i;
const NOT_A_NAME = /^(?:admin|administrator|webmaster|root|user|guest|editor|editors|staff|redaction|rédaction|redacción|redazione|desk|newsroom|team)$/i;

export function cleanAuthors(raw: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    if (!r) continue;
    let s = cleanText(r) ?? '';
    if (!s || URL_RE.test(s) || s.includes('@') && !s.includes(' ')) continue;
    s = s.replace(/^(?:written\s+)?by[:\s]+/i, '').replace(/^(?:par|von|por|door|di|da)\s+/i, '').trim();
    const parts = s.split(/\s*(?:,|;|\||&|\band\b|\bet\b|\bund\b)\s*/i).map((p) => p.trim()).filter(Boolean);
    const ok = parts.every((p) => p.split(' ').length <= 5);
    for (const p0 of ok ? parts : [s]) {
      const p = p0.replace(/[.\s]+$/, '');
      if (!p || p.length > 80 || /^\d/.test(p)) continue;
      // Skip role words that follow a name after a comma ("Jane Doe, Staff Writer").
      if (/^(?:updated|published|and|the)$/i.test(p) || ROLE_RE.test(p) || NOT_A_NAME.test(p)) continue;
      if (p.split(' ').length > 5) continue; // a sentence or a bio, not a name
      const key = p.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p);
    }
    if (out.length >= 10) break;
  }
  return out;
}

function cleanTitle(t: string | null, siteName: string | null): string | null {
  let s = cleanText(t);
  if (!s) return null;
  if (siteName) {
    const esc = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    s = s.replace(new RegExp(`\\s*[|\\-–—:·•]\\s*${esc}\\s*$`, 'i'), '').replace(new RegExp(`^${esc}\\s*[|\\-–—:·•]\\s*`, 'i'), '');
  }
  return s || null;
}

function httpOnly(u: string | null): string | null {
  return u && /^https?:/i.test(u) ? u : null;
}

function cleanSiteName(raw: string | null): string | null {
  let s = cleanText(raw);
  if (!s) return null;
  if (/^https?:\/\//i.test(s)) {
    try {
      return new URL(s).hostname.replace(/^www\./, '');
    } catch {
      return s;
    }
  }
  // "Site | tagline | section…": the first part names the site.
  const parts = s.split(/\s+[|·•]\s+/);
  if (parts.length > 1 && parts[0].length >= 2) s = parts[0];
  return s;
}

export function extractMetadata(doc: Document, pageUrl: string | null): PageMetadata {
  const c = collect(doc);
  const m = c.meta;
  const get = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = m.get(k);
      if (v) return v;
    }
    return null;
  };

  const nodes = parseJsonLd(c.jsonLd);
  const byId = new Map<string, Json>();
  for (const o of nodes) if (typeof o['@id'] === 'string') byId.set(o['@id'], o);
  let article: Json | null = null;
  let page: Json | null = null;
  let site: Json | null = null;
  let org: Json | null = null;
  for (const o of nodes) {
    const ts = types(o);
    if (!article && ts.some((t) => ARTICLE_TYPES.has(t))) article = o;
    else if (!page && ts.includes('webpage')) page = o;
    else if (!site && ts.includes('website')) site = o;
    else if (!org && (ts.includes('organization') || ts.includes('newsmediaorganization'))) org = o;
  }
  const ld = article ?? page ?? {};

  const base0 = httpOnly(pageUrl ? resolveUrl(pageUrl, null) : null);
  const baseUrl = c.baseHref ? (httpOnly(resolveUrl(c.baseHref, base0)) ?? base0) : base0;
  const canonicalRaw = c.canonical ?? get('og:url') ?? str(ld.url) ?? null;
  const canonicalUrl = resolveUrl(canonicalRaw, baseUrl);
  const absBase = baseUrl ?? (canonicalUrl && /^https?:/.test(canonicalUrl) ? canonicalUrl : null);

  let publisher: Json | null = null;
  const pub = ld.publisher;
  if (pub && typeof pub === 'object' && !Array.isArray(pub)) {
    publisher = pub as Json;
    if (!publisher.name && typeof publisher['@id'] === 'string') publisher = byId.get(publisher['@id']) ?? publisher;
  }
  const siteName = cleanSiteName(get('og:site_name', 'application-name') ?? str(site?.name) ?? str(publisher?.name) ??
    str(org?.name) ?? null);

  const title = cleanTitle(
    str(ld.headline) ?? get('og:title', 'twitter:title', 'parsely-title', 'sailthru.title', 'dc.title', 'title') ??
      c.h1 ?? c.titleTag,
    siteName,
  );

  const authorRaw: string[] = [];
  if (article) authorRaw.push(...names(article.author, byId), ...names(article.creator, byId));
  if (!authorRaw.length) {
    for (const k of ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator',
      'byl', 'twitter:creator']) {
      const v = m.get(k);
      if (v && !(k === 'twitter:creator' && v.startsWith('@'))) authorRaw.push(v);
      if (authorRaw.length) break;
    }
  }
  if (!authorRaw.length) authorRaw.push(...c.relAuthors);
  if (!authorRaw.length) authorRaw.push(...c.bylines.slice(0, 1));
  const authors = cleanAuthors(authorRaw);

  const publishedAt = toIsoDate(
    str(ld.datePublished) ?? get('article:published_time', 'og:published_time', 'datepublished', 'parsely-pub-date',
      'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'date', 'pubdate',
      'publish-date', 'publish_date', 'article.published', 'published_time', 'cxenseparse:recs:publishtime') ??
      str(ld.dateCreated) ?? c.times[0] ?? get('article:modified_time') ?? str(ld.dateModified),
  );

  const language = normaliseLanguage(c.lang) ?? normaliseLanguage(get('content-language', 'dc.language', 'language')) ??
    normaliseLanguage(str(ld.inLanguage)) ?? normaliseLanguage(get('og:locale'));

  const img = get('og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src',
    'thumbnailurl', 'image') ?? imageUrl(ld.image) ?? imageUrl(ld.thumbnailUrl) ?? c.firstImg;
  const leadImage = resolveUrl(img, absBase);

  const description = get('og:description', 'description', 'twitter:description', 'dc.description') ??
    str(ld.description);

  const body = article ? str(article.articleBody) : null;
  return {
    title,
    authors,
    publishedAt,
    language,
    siteName,
    canonicalUrl,
    leadImage: leadImage && /^https?:/i.test(leadImage) ? leadImage : null,
    description: cleanText(description),
    jsonLdBody: body,
    baseUrl: absBase,
  };
}
