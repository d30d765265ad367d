// Word shingles: every run of SHINGLE_WORDS consecutive normalised tokens inside one paragraph (a shorter
// paragraph is one shingle), hashed. Paragraph-local, so reordering paragraphs loses nothing.
import { mixHashes, tokenHash } from './hash.ts';
import type { CopyText } from './text.ts';

export const SHINGLE_WORDS = 5;
const SEED = 0x5eed0001;

export interface Shingles {
  /** Shingle hashes in reading order. */
  hashes: Uint32Array;
  /** The paragraph each shingle comes from. */
  paragraph: Uint32Array;
}

export function shinglesOf(text: CopyText, k = SHINGLE_WORDS): Shingles {
  let total = 0;
  for (const p of text.tokens) total += p.length >= k ? p.length - k + 1 : p.length >= 2 ? 1 : 0;
  const hashes = new Uint32Array(total);
  const paragraph = new Uint32Array(total);
  let n = 0;
  text.tokens.forEach((words, pi) => {
    if (words.length < 2) return;
    const h = words.map(tokenHash);
    const last = Math.max(0, h.length - k);
    for (let i = 0; i <= last; i++) {
      hashes[n] = mixHashes(h, i, Math.min(h.length, i + k), SEED);
      paragraph[n++] = pi;
    }
  });
  return { hashes, paragraph };
}

export function distinct(hashes: ArrayLike<number>): Set<number> {
  const s = new Set<number>();
  for (let i = 0; i < hashes.length; i++) s.add(hashes[i]);
  return s;
}
