// The decision rule: when an overlap is a copy Relais reports, and the similarity it reports.
import type { Overlap } from './verify.ts';

/** Same language: enough shared shingles, and most of the document in the page or most of the page from the document. */
export const TEXT_MIN_SHARED = 10;
export const TEXT_MIN_SIMILARITY = 0.4;
/** Across languages: enough shared anchor pairs, covering enough of one side. */
export const ANCHOR_MIN_SHARED = 6;
export const ANCHOR_MIN_SIMILARITY = 0.3;

export interface Decision {
  copy: boolean;
  similarity: number;
  crossLanguage: boolean;
}

export function decide(o: Overlap, crossLanguage: boolean): Decision {
  const text = Math.max(o.ofDocument, o.ofSuspect);
  if (o.shared >= TEXT_MIN_SHARED && text >= TEXT_MIN_SIMILARITY) return { copy: true, similarity: text, crossLanguage: false };
  if (crossLanguage) {
    const anchors = Math.max(o.anchorOfDocument, o.anchorOfSuspect);
    if (o.anchorShared >= ANCHOR_MIN_SHARED && anchors >= ANCHOR_MIN_SIMILARITY) return { copy: true, similarity: anchors, crossLanguage: true };
    return { copy: false, similarity: anchors, crossLanguage: true };
  }
  return { copy: false, similarity: text, crossLanguage: false };
}
