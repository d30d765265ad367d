// Snippets and highlighted titles, made from the article's own text: the words a query matched (compared
// after normalising and stemming in the article's language) are wrapped in <mark>; everything is escaped.
import { wordSpans, type WordSpan } from '../text/normalize.ts';
import { stemmerFor } from '../text/stem.ts';
import type { Clause } from './query.ts';

export const SNIPPET_WORDS = 30;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Tells whether a written word is one the query asked for, in the article's language. */
export function matcherFor(clauses: Clause[], language: string): (span: WordSpan) => boolean {
  const stem = stemmerFor(language);
  const wanted = new Set(clauses.flatMap((c) => c.words.map(stem)));
  // The stemmer's own memory is large (cache misses on every word); the words of a few articles fit a small one.
  const seen = new Map<string, boolean>();
  const isWanted = (part: string) => {
    let hit = seen.get(part);
    if (hit === undefined) seen.set(part, (hit = wanted.has(stem(part))));
    return hit;
  };
  return (span) => span.parts.some(isWanted);
}

function render(text: string, spans: WordSpan[], hit: boolean[], from: number, to: number): string {
  let out = '';
  let at = spans[from].start;
  for (let i = from; i < to; i++) {
    const s = spans[i];
    out += escape(text.slice(at, s.start));
    out += hit[i] ? `<mark>${escape(text.slice(s.start, s.end))}</mark>` : escape(text.slice(s.start, s.end));
    at = s.end;
  }
  return out;
}

/** The whole text, escaped, its matching words marked. */
export function highlight(text: string, matches: (span: WordSpan) => boolean): string {
  const spans = wordSpans(text);
  if (!spans.length) return escape(text);
  const hit = spans.map(matches);
  return escape(text.slice(0, spans[0].start)) + render(text, spans, hit, 0, spans.length) + escape(text.slice(spans[spans.length - 1].end));
}

/**
 * About `words` words around the densest run of matches in the first text that has one (else the start
 * of the first non-empty text), escaped, with "…" where it was cut.
 */
export function snippet(texts: string[], matches: (span: WordSpan) => boolean, words = SNIPPET_WORDS): string {
  let fallback: { text: string; spans: WordSpan[] } | null = null;
  for (const text of texts) {
    const spans = wordSpans(text);
    if (!spans.length) continue;
    fallback ??= { text, spans };
    const hit = spans.map(matches);
    const hits = hit.flatMap((h, i) => (h ? [i] : []));
    if (!hits.length) continue;
    // The window starting a few words before a match that holds the most matches; ties go to the earliest.
    const lead = Math.min(3, Math.floor(words / 4));
    let best = 0;
    let bestCount = 0;
    for (let j = 0, k = 0; j < hits.length; j++) {
      while (k < hits.length && hits[k] < hits[j] + words - lead) k++;
      if (k - j > bestCount) (bestCount = k - j), (best = j);
    }
    const from = Math.max(0, Math.min(hits[best] - lead, spans.length - words));
    return cut(text, spans, hit, from, Math.min(spans.length, from + words));
  }
  if (!fallback) return '';
  const { text, spans } = fallback;
  return cut(text, spans, spans.map(() => false), 0, Math.min(spans.length, words));
}

function cut(text: string, spans: WordSpan[], hit: boolean[], from: number, to: number): string {
  const before = from > 0 ? '… ' : escape(text.slice(0, spans[0].start));
  const after = to < spans.length ? ' …' : escape(text.slice(spans[spans.length - 1].end));
  return before + render(text, spans, hit, from, to) + after;
}
