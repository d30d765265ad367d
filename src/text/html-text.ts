// The readable text of stored (sanitised) body HTML, for the search index and its snippets.
import { decodeHTML } from 'entities';

const BLOCK = /<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|table|tr|td|th|br|hr|pre|section|article|aside|header|footer)\b[^>]*>/gi;

export function htmlToText(html: string): string {
  return decodeHTML(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(BLOCK, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}
