// Snippets and highlighted titles, made from the article's own text: the words a query matched (compared
// after normalising and stemming in the article's language) are wrapped in <mark>; everything is escaped.
import { WORD_RE } from '../text/normalize.ts';
import { matchWord, type Matcher } from './word-match.ts';

export { matcherFor, type Matcher } from './word-match.ts';

export const SNIPPET_WORDS = 30;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A text's words (offsets in the text) and which of them match; `hits` lists the matching ones in order. */
interface Words {
  start: number[];
  end: number[];
  hit: boolean[];
  hits: number[];
}

function scan(text: string, matches: Matcher): Words {
  const w: Words = { start: [], end: [], hit: [], hits: [] };
  for (const m of text.matchAll(WORD_RE)) {
    const hit = matchWord(m[0], matches);
    if (hit === null) continue;
    if (hit) w.hits.push(w.start.length);
    w.start.push(m.index);
    w.end.push(m.index + m[0].length);
    w.hit.push(hit);
  }
  return w;
}

function render(text: string, w: Words, from: number, to: number): string {
  let out = '';
  let at = w.start[from];
  for (let i = from; i < to; i++) {
    out += escape(text.slice(at, w.start[i]));
    const word = escape(text.slice(w.start[i], w.end[i]));
    out += w.hit[i] ? `<mark>${word}</mark>` : word;
    at = w.end[i];
  }
  return out;
}

/** The whole text, escaped, its matching words marked. */
export function highlight(text: string, matches: Matcher): string {
  const w = scan(text, matches);
  const n = w.start.length;
  if (!n) return escape(text);
  return escape(text.slice(0, w.start[0])) + render(text, w, 0, n) + escape(text.slice(w.end[n - 1]));
}

/**
 * About `words` words around the densest run of matches in the first text that has one (else the start
 * of the first non-empty text), escaped, with "…" where it was cut.
 */
export function snippet(texts: string[], matches: Matcher, words = SNIPPET_WORDS): string {
  let fallback: { text: string; w: Words } | null = null;
  for (const text of texts) {
    const w = scan(text, matches);
    if (!w.start.length) continue;
    fallback ??= { text, w };
    const { hits } = w;
    if (!hits.length) continue;
    // The window starting a few words before a match that holds the most matches; ties go to the earliest.
    const lead = Math.min(3, Math.floor(words / 4));
    let best = 0;
    let bestCount = 0;
    for (let j = 0, k = 0; j < hits.length; j++) {
      while (k < hits.length && hits[k] < hits[j] + words - lead) k++;
      if (k - j > bestCount) (bestCount = k - j), (best = j);
    }
    const from = Math.max(0, Math.min(hits[best] - lead, w.start.length - words));
    return cut(text, w, from, Math.min(w.start.length, from + words));
  }
  if (!fallback) return '';
  const { text, w } = fallback;
  return cut(text, w, 0, Math.min(w.start.length, words));
}

function cut(text: string, w: Words, from: number, to: number): string {
  const n = w.start.length;
  const before = from > 0 ? '… ' : escape(text.slice(0, w.start[0]));
  const after = to < n ? ' …' : escape(text.slice(w.end[n - 1]));
  return before + render(text, w, from, to) + after;
}
