// How much of the article's text a republishing page carries unchanged: the share of the article's
// 5-word shingles found in the page (containment, so the page's own chrome around it does not count).
// Used until src/copies offers its page check.
function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function shingles(text: string, k = 5): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + k <= w.length; i++) out.add(w.slice(i, i + k).join(' '));
  if (!out.size && w.length) out.add(w.join(' '));
  return out;
}

/** 0..1: the fraction of the article's shingles present in the page. */
export function containment(articleText: string, pageText: string): number {
  const a = shingles(articleText);
  if (!a.size) return 0;
  const p = shingles(pageText);
  let shared = 0;
  for (const s of a) if (p.has(s)) shared++;
  return shared / a.size;
}
