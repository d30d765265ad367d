// Article extraction: metadata and clean body from one HTML page. Pure: no network, no I/O.
import { parseDocument } from 'htmlparser2';
import { extractBody } from './content.ts';
import { limitDepth } from './dom.ts';
import { boundNesting } from './nesting.ts';
import { extractMetadata, type ArticleMetadata } from './metadata.ts';
import { toHtml, toText } from './serialize.ts';

export interface ExtractedArticle extends ArticleMetadata {
  /** Sanitised body HTML; relative URLs made absolute against the page URL / <base>. */
  html: string;
  /** Plain text of the body, paragraphs separated by blank lines. */
  text: string;
}

// Real article markup nests a few dozen levels; anything far deeper is broken markup (unclosed tags).
const MAX_DEPTH = 256;
// Body text shorter than this (characters) triggers a lenient second pass.
const RETRY_BELOW = 150;

export interface ExtractOptions {
  /** The page's address, used to resolve relative URLs. */
  url?: string;
}

export function extractArticle(page: string, opts: ExtractOptions = {}): ExtractedArticle {
  const html = boundNesting(page);
  const doc = parseDocument(html, { decodeEntities: true });
  limitDepth(doc, MAX_DEPTH);
  const meta = extractMetadata(doc, opts.url ?? null);
  const body = extractBody(doc, meta.title);
  let text = toText(body);
  let bodyHtml = toHtml(body, meta.baseUrl);
  if (text.length < RETRY_BELOW && !meta.jsonLdBody) {
    // Almost nothing survived: the page's markup defeats the boilerplate rules (e.g. the whole site is
    // one "widget"). Second chance on a fresh tree without class-word pruning and cleaning.
    const again = parseDocument(html, { decodeEntities: true });
    limitDepth(again, MAX_DEPTH);
    const lenient = extractBody(again, meta.title, true);
    const t = toText(lenient);
    if (t.length > text.length * 2) {
      text = t;
      bodyHtml = toHtml(lenient, meta.baseUrl);
    }
  }
  if (!text && meta.jsonLdBody) {
    // Nothing usable in the markup (e.g. a script-rendered page): fall back to schema.org articleBody.
    text = meta.jsonLdBody.split(/\n\s*\n|\r\n\s*\r\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
    bodyHtml = text.split('\n\n').map((p) => `<p>${p.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))}</p>`).join('\n');
  }
  return {
    title: meta.title,
    authors: meta.authors,
    publishedAt: meta.publishedAt,
    language: meta.language,
    siteName: meta.siteName,
    canonicalUrl: meta.canonicalUrl,
    leadImage: meta.leadImage,
    description: meta.description,
    html: bodyHtml,
    text,
  };
}
