// parseFeed: bytes or text → ParsedFeed. Never throws, never fetches, bounded in size and nesting depth.
import { FeedBuilder } from './builder.ts';
import { decodeFeedBytes } from './decode.ts';
import { parseJsonFeed } from './json-feed.ts';
import { toParsedFeed } from './model.ts';
import type { ParsedFeed } from './model.ts';
import { makeSafeAbsoluteUri } from './urls.ts';
import { readXml, stripDoctype, XmlLimitError } from './xml.ts';

export interface ParseFeedOptions {
  /** HTTP Content-Type of the response (same as headers['content-type']). */
  contentType?: string;
  /** URL the document was fetched from: base for relative links. */
  url?: string;
  /** HTTP response headers (any case); Content-Type, Content-Location and Content-Language are used. */
  headers?: Record<string, string>;
  /** Largest accepted input, in bytes (UTF-16 code units for strings). Default 16 MiB. */
  maxBytes?: number;
  /** Deepest accepted element nesting. Default 256. */
  maxDepth?: number;
}

/** Why a result is "bozo" (usable but not clean): decoding guessed, wrong media type, or not well-formed XML. */
export interface ParseWarning { kind: 'encoding' | 'content-type' | 'xml'; message: string }

export type ParseFeedResult =
  | { ok: true; feed: ParsedFeed; bozo: boolean; bozoReason?: string; warnings: ParseWarning[] }
  | { ok: false; error: string };

export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 256;

function lowerHeaders(opts: ParseFeedOptions): Record<string, string> | undefined {
  if (!opts.headers && opts.contentType === undefined) return undefined;
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.headers ?? {})) h[k.toLowerCase()] = String(v);
  if (opts.contentType !== undefined) h['content-type'] = opts.contentType;
  return h;
}

export function parseFeed(input: Buffer | Uint8Array | string, opts: ParseFeedOptions = {}): ParseFeedResult {
  try {
    return parseFeedUnsafe(input, opts);
  } catch (e) {
    if (e instanceof XmlLimitError) return { ok: false, error: e.message };
    return { ok: false, error: `feed could not be parsed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function parseFeedUnsafe(input: Buffer | Uint8Array | string, opts: ParseFeedOptions): ParseFeedResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input.length > maxBytes) return { ok: false, error: `feed larger than ${maxBytes} bytes` };
  if (input.length === 0) return { ok: false, error: 'empty document' };
  const headers = lowerHeaders(opts);
  const warnings: ParseWarning[] = [];
  let text: string; let encoding: string;
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const dec = decodeFeedBytes(bytes, headers);
  if (typeof input === 'string') {
    text = input.replace(/^\ufeff/, '');
    encoding = dec.ok ? dec.encoding : 'utf-8';
  } else {
    if (!dec.ok) return { ok: false, error: dec.error };
    text = dec.text; encoding = dec.encoding;
  }
  if (dec.ok && dec.bozo) warnings.push({ kind: dec.bozo === 'NonXMLContentType' ? 'content-type' : 'encoding', message: dec.bozoReason ?? dec.bozo });
  if (!text.trim()) return { ok: false, error: 'empty document' };

  const contentLocation = headers?.['content-location'] ?? '';
  const href = opts.url ?? '';
  const baseuri = makeSafeAbsoluteUri(href, contentLocation) || makeSafeAbsoluteUri(contentLocation) || href;
  const baselang = headers?.['content-language'] ?? null;

  if (/^\s*\{/.test(text)) {
    const json = parseJsonFeed(text, baseuri);
    if (!json) return { ok: false, error: 'not a feed: JSON that is not a JSON Feed' };
    const w = warnings.filter((x) => x.kind !== 'content-type');
    return finish(toParsedFeed(json.feed, json.entries, json.version, encoding, {}), w);
  }

  const { text: body, entities, doctype } = stripDoctype(text);
  const builder = new FeedBuilder(baseuri, baselang);
  const xmlError = readXml(body, builder, { maxDepth: opts.maxDepth ?? DEFAULT_MAX_DEPTH, entities });
  if (xmlError) warnings.push({ kind: 'xml', message: xmlError });
  let version = doctype.toLowerCase().includes('netscape') ? 'rss091n' : builder.version;
  if (!version && !builder.entries.length && !builder.sawFeedElement) {
    return { ok: false, error: xmlError ? `not a feed (${xmlError})` : 'not a feed: no RSS, Atom or RDF content found' };
  }
  version ||= '';
  return finish(toParsedFeed(builder.feeddata, builder.entries, version, encoding, builder.namespacesInUse), warnings);
}

function finish(feed: ParsedFeed, warnings: ParseWarning[]): ParseFeedResult {
  const xml = warnings.find((w) => w.kind === 'xml');
  const reason = xml ?? warnings.at(-1);
  return { ok: true, feed, bozo: warnings.length > 0, ...(reason ? { bozoReason: reason.message } : {}), warnings };
}
