// Inline markup as numbered placeholders, the way OmegaT and XLIFF show it: `<1>…</1>` for an element
// with text inside (a link, emphasis), `<2/>` for one without (a line break, an image). The translator
// moves them; the markup itself (a link's href) comes back from the source's map, never from the target.
import { escapeText } from 'entities';
import { InputError } from '../domain/types.ts';
import type { PlaceholderInfo } from '../domain/translation.ts';

/** What each placeholder number stands for: an element's opening and closing tags, or a whole void element. */
export type Markup = Record<string, { open: string; close: string } | { void: string }>;


const TOKEN = /<(\/?)(\d{1,4})(\/?)>/g;

/** Placeholders in the order they appear in `text`. */
export function placeholderTokens(text: string): { n: string; type: 'open' | 'close' | 'void'; index: number; length: number }[] {
  const out: { n: string; type: 'open' | 'close' | 'void'; index: number; length: number }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (m[1] && m[3]) continue; // "</1/>" is not a placeholder
    out.push({ n: m[2], type: m[1] ? 'close' : m[3] ? 'void' : 'open', index: m.index, length: m[0].length });
  }
  return out;
}

/** Why `text` does not use exactly the source's placeholders, properly nested; null when it does. */
export function placeholderProblem(text: string, markup: Markup): string | null {
  const open: string[] = [];
  const used = new Set<string>();
  for (const t of placeholderTokens(text)) {
    const m = markup[t.n];
    const shown = t.type === 'open' ? `<${t.n}>` : t.type === 'close' ? `</${t.n}>` : `<${t.n}/>`;
    if (!m) return `placeholder ${shown} is not in the source`;
    const isVoid = 'void' in m;
    if (isVoid !== (t.type === 'void')) return `placeholder ${t.n} is ${isVoid ? `<${t.n}/>` : `a pair <${t.n}>…</${t.n}>`} in the source, not ${shown}`;
    if (t.type === 'close') {
      if (open[open.length - 1] !== t.n) return open.length ? `</${t.n}> closes before </${open[open.length - 1]}>` : `</${t.n}> comes before <${t.n}>`;
      open.pop();
      continue;
    }
    if (used.has(t.n)) return `placeholder ${shown} is used twice`;
    used.add(t.n);
    if (t.type === 'open') open.push(t.n);
  }
  if (open.length) return `<${open[open.length - 1]}> is never closed (</${open[open.length - 1]}> is missing)`;
  const missing = Object.keys(markup).filter((n) => !used.has(n));
  if (missing.length) {
    const shown = missing.map((n) => ('void' in markup[n] ? `<${n}/>` : `<${n}>…</${n}>`));
    return `the translation drops placeholder${missing.length > 1 ? 's' : ''} ${shown.join(', ')} of the source: keep ${missing.length > 1 ? 'them' : 'it'} (move ${missing.length > 1 ? 'them' : 'it'} where the words go)`;
  }
  return null;
}

/** The HTML of a segment text: text escaped, placeholders back to the source's markup. Throws InputError. */
export function textToHtml(text: string, markup: Markup, field = 'target'): string {
  const problem = placeholderProblem(text, markup);
  if (problem) throw new InputError(problem, field);
  let out = '';
  let at = 0;
  for (const t of placeholderTokens(text)) {
    out += escapeText(text.slice(at, t.index));
    const m = markup[t.n];
    out += 'void' in m ? m.void : t.type === 'open' ? m.open : m.close;
    at = t.index + t.length;
  }
  return out + escapeText(text.slice(at));
}

/** The text without its placeholders (for the memory's index, machine translation fallbacks, term search). */
export function stripPlaceholders(text: string): string {
  return text.replace(TOKEN, ' ').replace(/\s+/g, ' ').trim();
}

export function describePlaceholders(markup: Markup): PlaceholderInfo[] {
  return Object.entries(markup).map(([n, m]) => {
    const html = 'void' in m ? m.void : m.open;
    const tag = /^<([a-z0-9]+)/i.exec(html)?.[1]?.toLowerCase() ?? '';
    const href = /\shref="([^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    return { n: Number(n), kind: 'void' in m ? 'void' : 'pair', tag, ...(href !== undefined ? { href } : {}) };
  });
}
