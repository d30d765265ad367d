// The translated body from the skeleton and the targets: each marker becomes its segment's target as
// HTML; a block whose segment has no translation yet is left out, not shown in the source language.
import { markerFor } from './segment.ts';

const EMPTY_BLOCK = /<(p|li|h[1-6]|figcaption|caption|blockquote|dt|dd|td|th|pre|div|aside|ul|ol|dl)(?:\s[^>]*)?>\s*<\/\1>/g;

export function rebuildBody(skeleton: string, targetHtmlByKey: Map<string, string>): string {
  let html = skeleton.replace(/<!--relais-segment:([a-z]+\.\d+)-->/g, (m, key: string) => (m === markerFor(key) ? (targetHtmlByKey.get(key) ?? '') : ''));
  for (let before = ''; before !== html; ) {
    before = html;
    html = html.replace(EMPTY_BLOCK, '');
  }
  return html.trim();
}
