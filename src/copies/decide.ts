// The decision rule: when an overlap is a copy Relais reports, and the similarity it reports.
import type { AnchorOrder } from './anchor-order.ts';
import type { Overlap } from './verify.ts';

/** Same language: enough shared shingles, and most of the document in the page or most of the page from the document. */
export const TEXT_MIN_SHARED = 10;
export const TEXT_MIN_SIMILARITY = 0.4;
/** Across languages: enough anchors in the same order, making up enough of both texts' anchors. */
export const ANCHOR_MIN_COMMON = 5;
export const ANCHOR_MIN_SIMILARITY = 0.4;

export interface Decision {
  copy: boolean;
  similarity: number;
  crossLanguage: boolean;
}

/** `anchors` is given when the two texts are in different languages. */
export function decide(o: Overlap, anchors: AnchorOrder | null): Decision {
  const text = Math.max(o.ofDocument, o.ofSuspect);
  if (o.shared >= TEXT_MIN_SHARED && text >= TEXT_MIN_SIMILARITY) return { copy: true, similarity: text, crossLanguage: false };
  if (anchors) {
    const copy = anchors.lcs >= ANCHOR_MIN_COMMON && anchors.dice >= ANCHOR_MIN_SIMILARITY;
    return { copy, similarity: anchors.dice, crossLanguage: true };
  }
  return { copy: false, similarity: text, crossLanguage: false };
}
