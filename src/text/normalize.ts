// Search text normalisation: one rule for the index and the query, so "Évêque", "EVEQUE" and "eveque" meet.
// NFKD then combining marks dropped, lower case, a few letters NFKD leaves whole spelled out.

const SPELLED: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ħ: 'h', ı: 'i', ŀ: 'l' };
const SPELLED_RE = new RegExp(`[${Object.keys(SPELLED).join('')}]`, 'g');

/** Words as they appear in text: runs of letters, digits and the marks that belong to them. */
export const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const PART_RE = /[\p{L}\p{N}]+/gu;

/** Longer runs are not words (hashes, base64, repeated letters): they are left out of the index. */
export const MAX_TOKEN_LENGTH = 40;

const ASCII_WORD = /^[A-Za-z0-9]+$/;

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(SPELLED_RE, (c) => SPELLED[c]);
}

const folded = new Map<string, string[]>();

/** The normalised parts of one written word ("Œuvre" → ["oeuvre"], "½" → ["1", "2"]). */
export function normalizeWord(word: string): string[] {
  if (ASCII_WORD.test(word)) return word.length <= MAX_TOKEN_LENGTH ? [word.toLowerCase()] : [];
  let parts = folded.get(word);
  if (!parts) {
    // Words repeat (Zipf's law): recent ones are remembered.
    if (folded.size >= 200_000) folded.clear();
    parts = (fold(word).match(PART_RE) ?? []).filter((p) => p.length <= MAX_TOKEN_LENGTH);
    folded.set(word, parts);
  }
  return parts;
}

export interface WordSpan {
  /** Offsets in the original text (for snippets and highlighting). */
  start: number;
  end: number;
  parts: string[];
}

/** Every word of a text with where it stands, in order. */
export function wordSpans(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const parts = normalizeWord(m[0]);
    if (parts.length) out.push({ start: m.index, end: m.index + m[0].length, parts });
  }
  return out;
}

/**
 * The normalised tokens of a text, in order (at most `limit`): the same as normalising each word of
 * wordSpans, done on the whole text at once (index and query both come through here).
 */
export function tokens(text: string, limit = Infinity): string[] {
  const out: string[] = [];
  for (const m of fold(text).matchAll(PART_RE)) {
    if (m[0].length > MAX_TOKEN_LENGTH) continue;
    if (out.length >= limit) break;
    out.push(m[0]);
  }
  return out;
}
