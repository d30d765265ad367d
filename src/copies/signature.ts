// Everything compared about one text, computed once: its shingles, their distinct set, its anchor pairs.
import { anchorPairHashes } from './anchors.ts';
import { distinct, shinglesOf, type Shingles } from './shingles.ts';
import { anchorKeys, documentKeys } from './sketch.ts';
import type { CopyText } from './text.ts';

export interface Signature {
  text: CopyText;
  shingles: Shingles;
  set: Set<number>;
  anchorPairs: Set<number>;
}

export function signatureOf(text: CopyText): Signature {
  const shingles = shinglesOf(text);
  const anchors = anchorPairHashes(text.paragraphs);
  return { text, shingles, set: distinct(shingles.hashes), anchorPairs: distinct(anchors) };
}

/** The keys a document puts in the index: text keys, then anchor-pair keys. */
export function indexKeysOf(text: CopyText): number[] {
  const shingles = shinglesOf(text);
  return [...new Set([...documentKeys(shingles.hashes), ...anchorKeys(anchorPairHashes(text.paragraphs))])];
}
