// Whether a written word is one a query asked for, in the article's language (compared after normalising
// and stemming, as the index does). Snippets test every word of the articles shown, and normalising and
// stemming each would cost more than the rest of the search: most words are told apart by their first
// letter alone, since stemmers keep a word's first letter (stem.test.ts checks it).
import { MAX_TOKEN_LENGTH, normalizeWord } from '../text/normalize.ts';
import { stemmerFor, type Stemmer } from '../text/stem.ts';
import type { Clause } from './query.ts';

export interface Matcher {
  stem: Stemmer;
  wanted: Set<string>;
  /** Char codes the wanted terms start with. */
  firsts: Set<number>;
}

export function matcherFor(clauses: Clause[], language: string): Matcher {
  const stem = stemmerFor(language);
  const wanted = new Set(clauses.flatMap((c) => c.words.map(stem)));
  return { stem, wanted, firsts: new Set([...wanted].map((t) => t.charCodeAt(0))) };
}

// Per UTF-16 unit, what it normalises to on its own: an ASCII letter or digit (its code), nothing (a mark),
// or anything else (several letters, other scripts, surrogates), for which the word takes the full path.
const UNKNOWN = 0;
const OTHER = 1;
const MARK = 2;
const folds = new Uint8Array(65536);

function foldOf(c: number): number {
  let f = folds[c];
  if (f === UNKNOWN) {
    const parts = c >= 0xd800 && c <= 0xdfff ? ['..'] : normalizeWord(String.fromCharCode(c));
    const p = parts.join('.');
    f = p === '' ? MARK : p.length === 1 && /[a-z0-9]/.test(p) ? p.charCodeAt(0) : OTHER;
    folds[c] = f;
  }
  return f;
}

function matchesFully(word: string, { stem, wanted }: Matcher): boolean | null {
  const parts = normalizeWord(word);
  return parts.length ? parts.some((p) => wanted.has(stem(p))) : null;
}

/** True or false; null when it is not a word at all (nothing left once normalised, or too long). */
export function matchWord(word: string, m: Matcher): boolean | null {
  let first = 0;
  let length = 0;
  for (let i = 0; i < word.length; i++) {
    const f = foldOf(word.charCodeAt(i));
    if (f === OTHER) return matchesFully(word, m);
    if (f !== MARK) (first ||= f), length++;
  }
  // Letters and digits that each fold to one ASCII character, and marks: a single normalised part.
  if (length === 0 || length > MAX_TOKEN_LENGTH) return null;
  return m.firsts.has(first) ? matchesFully(word, m) : false;
}
