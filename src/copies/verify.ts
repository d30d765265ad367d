// Exact verification of one candidate: how much of the document the suspect holds and how much of the
// suspect comes from the document, on shingles (same language) and on anchor pairs (across languages).
import type { Signature } from './signature.ts';

export interface Overlap {
  shared: number;
  /** Shared / the document's distinct shingles: high when the suspect holds the whole document. */
  ofDocument: number;
  /** Shared / the suspect's distinct shingles: high for an excerpt or a truncation. */
  ofSuspect: number;
  anchorShared: number;
  anchorOfDocument: number;
  anchorOfSuspect: number;
}

function sharedCount(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const h of small) if (large.has(h)) n++;
  return n;
}

/**
 * `full` is the whole suspect page (chrome included), `main` its extracted text: the document's share is
 * measured in the whole page (chrome cannot hide it), the suspect's share in the main text.
 */
export function overlap(doc: Signature, main: Signature, full: Signature = main): Overlap {
  const inFull = sharedCount(doc.set, full.set);
  const inMain = full === main ? inFull : sharedCount(doc.set, main.set);
  const aFull = sharedCount(doc.anchorPairs, full.anchorPairs);
  const aMain = full === main ? aFull : sharedCount(doc.anchorPairs, main.anchorPairs);
  return {
    shared: Math.max(inFull, inMain),
    ofDocument: doc.set.size ? inFull / doc.set.size : 0,
    ofSuspect: main.set.size ? inMain / main.set.size : 0,
    anchorShared: Math.max(aFull, aMain),
    anchorOfDocument: doc.anchorPairs.size ? aFull / doc.anchorPairs.size : 0,
    anchorOfSuspect: main.anchorPairs.size ? aMain / main.anchorPairs.size : 0,
  };
}

/** The suspect's paragraphs that are mostly shared with the document (at most 5, each cut to 300 chars). */
export function matchedPassages(doc: Signature, suspect: Signature): string[] {
  const total = new Map<number, number>();
  const hit = new Map<number, number>();
  const { hashes, paragraph } = suspect.shingles;
  for (let i = 0; i < hashes.length; i++) {
    total.set(paragraph[i], (total.get(paragraph[i]) ?? 0) + 1);
    if (doc.set.has(hashes[i])) hit.set(paragraph[i], (hit.get(paragraph[i]) ?? 0) + 1);
  }
  const out: string[] = [];
  for (const [p, n] of total) {
    if ((hit.get(p) ?? 0) * 2 >= n && (hit.get(p) ?? 0) >= 2) out.push(suspect.text.paragraphs[p].slice(0, 300));
    if (out.length >= 5) break;
  }
  return out;
}
