// Word-level similarity of two sources: 1 − (word edit distance / length of the longer), on normalised
// words (src/text), placeholders left out. The diff shown with a match is a word diff of the texts.
import { diffWords } from 'diff';
import { tokens } from '../text/normalize.ts';
import type { TextChange } from '../domain/types.ts';
import { stripPlaceholders } from './placeholders.ts';

export const memoryTokens = (text: string): string[] => tokens(stripPlaceholders(text));

/** Levenshtein distance over words, giving up (returning > limit) once it cannot stay within `limit`. */
export function wordDistance(a: string[], b: string[], limit = Infinity): number {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

export function similarity(a: string[], b: string[]): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - wordDistance(a, b) / longer;
}

/** Word diff from `from` to `to` (what changed in the current source compared with the match's). */
export function wordDiff(from: string, to: string): TextChange[] {
  return diffWords(from, to).map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}
