// The text a copy is compared on: paragraphs of normalised tokens (the shared normaliser of src/text/),
// from stored body HTML, an extracted page or plain text.
import { htmlToText } from '../text/html-text.ts';
import { tokens } from '../text/normalize.ts';

export interface CopyText {
  /** The paragraphs as written (for anchors, and to show which passages matched). */
  paragraphs: string[];
  /** Normalised tokens of each paragraph. */
  tokens: string[][];
}

/** Plain text → paragraphs: blank lines or single line breaks both separate. */
export function copyTextOf(text: string): CopyText {
  const paragraphs = text
    .split(/\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  return { paragraphs, tokens: paragraphs.map((p) => tokens(p, 20_000)) };
}

export function copyTextOfHtml(bodyHtml: string): CopyText {
  return copyTextOf(htmlToText(bodyHtml));
}

export function wordCount(t: CopyText): number {
  let n = 0;
  for (const p of t.tokens) n += p.length;
  return n;
}
