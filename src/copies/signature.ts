// Everything compared about one text, computed once: its shingles, their distinct set, its anchor pairs.
import { anchorPairHashes, anchorsOf } from './anchors.ts';
import { distinct, shinglesOf, type Shingles } from './shingles.ts';
import { ANCHOR_QUERY_MAX, anchorKeys, documentKeys, queryKeys, smallest } from './sketch.ts';
import type { CopyText } from './text.ts';

export interface Signature {
  text: CopyText;
  shingles: Shingles;
  set: Set<number>;
  anchorPairs: Set<number>;
  /** The anchors in reading order (at most MAX_ANCHORS), for the cross-language comparison. */
  anchors: string[];
}

export const MAX_ANCHORS = 3000;

export function signatureOf(text: CopyText): Signature {
  const shingles = shinglesOf(text);
  const anchors = anchorPairHashes(text.paragraphs);
  return { text, shingles, set: distinct(shingles.hashes), anchorPairs: distinct(anchors), anchors: text.paragraphs.flatMap(anchorsOf).slice(0, MAX_ANCHORS) };
}

/** The keys a document puts in the index: text keys, then anchor-pair keys. */
export function indexKeysOf(text: CopyText): number[] {
  const shingles = shinglesOf(text);
  return [...new Set([...documentKeys(shingles.hashes), ...anchorKeys(anchorPairHashes(text.paragraphs))])];
}

/** What a suspect looks up: its text's and, when the page has chrome, the whole page's shingles, and anchor pairs. */
export function lookupKeysOf(main: Signature, full: Signature = main): number[] {
  const keys = new Set(queryKeys(main.shingles.hashes));
  if (full !== main) for (const k of queryKeys(full.shingles.hashes)) keys.add(k);
  for (const k of smallest(full.anchorPairs, ANCHOR_QUERY_MAX)) keys.add(k);
  return [...keys];
}
