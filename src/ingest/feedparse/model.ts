// Relais' feed model (what parseFeed returns) and the conversion from the builder's internal record.
import type { Dict } from './builder.ts';

export type FeedVersion = 'rss090' | 'rss091n' | 'rss091u' | 'rss092' | 'rss093' | 'rss094' | 'rss20' | 'rss10' | 'rss'
  | 'atom01' | 'atom02' | 'atom03' | 'atom10' | 'atom' | 'cdf' | 'json10' | 'json11' | '';

/** A text value with its MIME type (text/plain, text/html, application/xhtml+xml). HTML is already sanitised. */
export interface TextConstruct { value: string; type?: string; language?: string | null; base?: string | null }
export interface Content extends TextConstruct { src?: string }
/** A date as written in the feed, and as ISO 8601 UTC when we could parse it. */
export interface FeedDate { raw: string; iso: string | null }
export interface Person { name?: string; email?: string; href?: string }
export interface Link { href?: string; rel?: string; type?: string; title?: string; length?: string; hreflang?: string; [attr: string]: unknown }
export interface Category { term: string | null; scheme: string | null; label: string | null }
export interface Enclosure { href?: string; type?: string; length?: string; [attr: string]: unknown }
export interface Image { href?: string; title?: string; link?: string; width?: number; height?: number; [k: string]: unknown }
export interface Generator { name?: string; href?: string; version?: string }
export interface MediaInfo { content: Record<string, string>[]; thumbnails: Record<string, string>[] }
export interface Geo { type: string; coordinates: unknown; [k: string]: unknown }

/** Fields shared by the feed and its entries. */
export interface CommonFields {
  title?: TextConstruct;
  link?: string;
  links: Link[];
  id?: string;
  author?: string;
  authorDetail?: Person;
  authors: Person[];
  contributors: Person[];
  publisher?: string;
  publisherDetail?: Person;
  rights?: TextConstruct;
  published?: FeedDate;
  updated?: FeedDate;
  created?: FeedDate;
  expired?: FeedDate;
  categories: Category[];
  language?: string;
  image?: Image;
  media: MediaInfo;
  geo?: Geo;
  itunes: { block?: boolean; explicit?: boolean | null };
  /** Namespaced or unmodelled elements, keyed `prefix_element` (e.g. `dc_source`, `slash_comments`). */
  extensions: Record<string, unknown>;
}

export interface ParsedEntry extends CommonFields {
  guidIsLink?: boolean;
  summary?: TextConstruct;
  subtitle?: TextConstruct;
  content: Content[];
  enclosures: Enclosure[];
  comments?: string;
  source?: Record<string, unknown>;
}

export interface ParsedFeed extends CommonFields {
  version: FeedVersion;
  subtitle?: TextConstruct;
  summary?: TextConstruct;
  info?: TextConstruct;
  generator?: Generator;
  /** Document encoding actually used to decode the bytes (e.g. `utf-8`, `windows-1252`). */
  encoding: string;
  /** Namespaces declared by the document: preferred prefix → URI. */
  namespaces: Record<string, string>;
  entries: ParsedEntry[];
}

const TEXT_KEYS = ['title', 'subtitle', 'summary', 'rights', 'info'] as const;
const DATE_KEYS = ['published', 'updated', 'created', 'expired'] as const;
const CONSUMED = new Set<string>([
  ...TEXT_KEYS.flatMap((k) => [k, `${k}_detail`]), ...DATE_KEYS.flatMap((k) => [k, `${k}_parsed`]),
  'link', 'links', 'id', 'author', 'author_detail', 'authors', 'contributors', 'publisher', 'publisher_detail',
  'tags', 'language', 'image', 'media_content', 'media_thumbnail', 'where', 'itunes_block', 'itunes_explicit',
  'guidislink', 'content', 'comments', 'source', 'generator', 'generator_detail',
]);

const iso = (ms: unknown): string | null => (typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : null);
const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function common(d: Dict): CommonFields & Dict {
  const out: CommonFields & Dict = {
    links: d.links ?? [], authors: d.authors ?? [], contributors: d.contributors ?? [], categories: d.tags ?? [],
    media: { content: d.media_content ?? [], thumbnails: d.media_thumbnail ?? [] },
    itunes: {}, extensions: {},
  };
  for (const k of TEXT_KEYS) {
    if (!has(d, k) && !has(d, `${k}_detail`)) continue;
    const det = d[`${k}_detail`];
    out[k] = det ? { value: d[k] ?? det.value, type: det.type, language: det.language ?? null, base: det.base ?? null, ...(det.src ? { src: det.src } : {}) } : { value: d[k] };
  }
  for (const k of DATE_KEYS) if (has(d, k)) out[k] = { raw: d[k], iso: iso(d[`${k}_parsed`]) };
  for (const k of ['link', 'id', 'author', 'publisher', 'language', 'comments'] as const) if (has(d, k)) out[k] = d[k];
  if (has(d, 'author_detail')) out.authorDetail = d.author_detail;
  if (has(d, 'publisher_detail')) out.publisherDetail = d.publisher_detail;
  if (has(d, 'image')) out.image = d.image;
  if (has(d, 'where')) out.geo = d.where;
  if (has(d, 'itunes_block')) out.itunes.block = !!d.itunes_block;
  if (has(d, 'itunes_explicit')) out.itunes.explicit = d.itunes_explicit;
  for (const [k, v] of Object.entries(d)) if (!CONSUMED.has(k)) out.extensions[k] = k.endsWith('_parsed') ? iso(v) : v;
  return out;
}

export function toParsedEntry(d: Dict): ParsedEntry {
  const c = common(d);
  const entry: ParsedEntry = {
    ...c,
    content: (d.content ?? []).map((x: Dict) => ({ value: x.value, type: x.type, language: x.language ?? null, base: x.base ?? null, ...(x.src ? { src: x.src } : {}) })),
    enclosures: (d.links ?? []).filter((l: Dict) => l.rel === 'enclosure').map((l: Dict) => { const { rel: _rel, ...rest } = l; return rest; }),
  };
  if (has(d, 'guidislink')) entry.guidIsLink = !!d.guidislink;
  if (has(d, 'source')) entry.source = Object.fromEntries(Object.entries(d.source as Dict).map(([k, v]) => [k, k.endsWith('_parsed') ? iso(v) : v]));
  return entry;
}

export function toParsedFeed(feed: Dict, entries: Dict[], version: string, encoding: string, namespaces: Record<string, string>): ParsedFeed {
  const c = common(feed);
  const out: ParsedFeed = { ...c, version: version as FeedVersion, encoding, namespaces, entries: entries.map(toParsedEntry) };
  if (has(feed, 'generator_detail') || has(feed, 'generator')) {
    out.generator = { ...(feed.generator_detail ?? {}), ...(has(feed, 'generator') ? { name: feed.generator } : {}) };
  }
  return out;
}
