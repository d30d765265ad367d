// Language-independent anchors: what a translation keeps as written — numbers, names (capitalised words
// not at the start of a sentence, acronyms), URLs, paths and code-like words, short quoted strings.
// Consecutive anchors make pairs (unordered, so a translation that swaps two neighbours keeps the pair),
// hashed like shingles: a second signature that survives a change of language.
import { mixHashes, tokenHash } from './hash.ts';
import { normalizeWord } from '../text/normalize.ts';

const SEED = 0xa0c40002;
const QUOTED = /["“«„`]\s*([^"”»`\n]{3,60}?)\s*["”»`]/g;
const RAW_TOKEN = /\S+/g;
const EDGE_PUNCT = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const CODE_LIKE = /[\p{L}\p{N}][\/._@:][\p{L}\p{N}]|^\/[\p{L}]|[\p{L}]-[\p{L}\p{N}]+-|[\p{Ll}]-[\p{N}]/u;
const SENTENCE_END = /[.!?:;»"”)]$/;

function fold(word: string): string {
  return normalizeWord(word).join('');
}

/** The anchors of one paragraph, in order. */
export function anchorsOf(paragraph: string): string[] {
  const out: string[] = [];
  for (const q of paragraph.matchAll(QUOTED)) {
    const t = q[1].split(/\s+/).map(fold).filter(Boolean).join(' ');
    if (t) out.push(`"${t}`);
  }
  let prev = '';
  let first = true;
  for (const m of paragraph.matchAll(RAW_TOKEN)) {
    const raw = m[0];
    const word = raw.replace(EDGE_PUNCT, '');
    const startsSentence = first || SENTENCE_END.test(prev);
    prev = raw;
    first = false;
    if (!word) continue;
    if (/\d/.test(word) && !CODE_LIKE.test(word.replace(/[\d.,]+/g, ''))) {
      // Digit runs one by one: "1,000.5" and "1 000,5" give the same anchors.
      for (const d of word.match(/\d+/g) ?? []) if (d.length > 1 || out.length) out.push(d.replace(/^0+(?=\d)/, ''));
      continue;
    }
    if (CODE_LIKE.test(word)) {
      out.push(word.toLowerCase());
      continue;
    }
    if (/^\p{Lu}/u.test(word) && word.length > 1 && (!startsSentence || /^\p{Lu}{2,}$/u.test(word))) out.push(fold(word));
  }
  return out.filter((a) => a.length > 0);
}

/** Hashes of the unordered pairs of consecutive distinct anchors of the whole text. */
export function anchorPairHashes(paragraphs: readonly string[]): Uint32Array {
  const anchors: number[] = [];
  for (const p of paragraphs) for (const a of anchorsOf(p)) anchors.push(tokenHash(a));
  const out: number[] = [];
  const pair = [0, 0];
  for (let i = 0; i + 1 < anchors.length; i++) {
    const a = anchors[i];
    const b = anchors[i + 1];
    if (a === b) continue;
    pair[0] = Math.min(a, b);
    pair[1] = Math.max(a, b);
    out.push(mixHashes(pair, 0, 2, SEED));
  }
  return Uint32Array.from(out);
}
