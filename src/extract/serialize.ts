// Output of the extracted body: plain text (paragraphs separated by blank lines) and sanitised HTML
// produced by our own allowlist serialiser (tags and attributes not listed are dropped; unknown
// containers are unwrapped; only http(s)/mailto links and http(s) images survive, made absolute).
import type { Element } from 'domhandler';
import type { AnyNode, Text } from './dom.ts';

const TEXT_BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'figure', 'figcaption', 'hr',
  'address', 'header', 'footer', 'aside', 'nav', 'center', 'details', 'summary', 'form', 'fieldset', 'body', 'html',
  'hgroup',
]);

// In scripts written without spaces (Chinese, Japanese), a link is a term of its own: keep it apart
// from the surrounding text so that word-based tools (search, diffing) see it as a separate word.
const LINK_EDGE = '\u0000';
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const CJK_EDGE = new RegExp(`(?<=[${CJK}])\u0000+(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])\u0000+(?=[${CJK}])`, 'gu');

/** Plain text: one paragraph per block, blocks separated by a blank line, <br> kept as a newline. */
export function toText(root: Element): string {
  const blocks: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    if (!cur.length) return;
    let t = cur.join('');
    if (t.includes(LINK_EDGE)) t = t.replace(CJK_EDGE, ' ').replaceAll(LINK_EDGE, '');
    t = t.replace(/[ \t\r\f\v\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{2,}/g, '\n').trim();
    if (t) blocks.push(t);
    cur = [];
  };
  const walk = (node: AnyNode, pre: boolean) => {
    if (node.type === 'text') {
      const d = (node as Text).data;
      cur.push(pre ? d : d.replace(/\s+/g, ' '));
      return;
    }
    if (node.type !== 'tag') return;
    const el = node as Element;
    const name = el.name;
    if (name === 'br') {
      cur.push('\n');
      return;
    }
    // Captions describe pictures, not the story: kept in the HTML, left out of the text.
    if (name === 'figcaption') return;
    if (name === 'td' || name === 'th') cur.push(' ');
    const block = TEXT_BLOCKS.has(name);
    if (block) flush();
    const isPre = pre || name === 'pre';
    if (name === 'a') cur.push(LINK_EDGE);
    for (const c of el.children) walk(c, isPre);
    if (name === 'a') cur.push(LINK_EDGE);
    if (block) flush();
  };
  walk(root, false);
  flush();
  return blocks.join('\n\n');
}

const ALLOWED: Record<string, readonly string[]> = {
  p: [], br: [], hr: [], h2: [], h3: [], h4: [], h5: [], h6: [], ul: [], ol: ['start'], li: [], dl: [], dt: [],
  dd: [], blockquote: ['cite'], q: ['cite'], pre: [], code: [], em: [], strong: [], b: [], i: [], u: [], s: [],
  del: [], ins: [], sub: [], sup: [], small: [], mark: [], abbr: ['title'], cite: [], time: ['datetime'],
  a: ['href', 'title'], img: ['src', 'alt', 'title', 'width', 'height'], figure: [], figcaption: [], table: [],
  thead: [], tbody: [], tfoot: [], tr: [], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan', 'scope'],
  caption: [],
};
const VOID = new Set(['br', 'hr', 'img']);
const URL_ATTRS = new Set(['href', 'src', 'cite']);
// Containers that become a paragraph when they hold only inline content, and are unwrapped otherwise.
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'center', 'details', 'summary',
  'address', 'hgroup', 'body', 'html', 'span', 'font', 'picture']);
const BLOCKISH = new Set([...TEXT_BLOCKS, 'img', 'picture', 'td', 'th']);
const TABLE_PARTS = new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption']);

function escText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
function escAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

export function safeUrl(raw: string | undefined, base: string | null, kind: 'link' | 'image'): string | null {
  if (!raw) return null;
  const v = raw.trim().replace(/[\u0000-\u001f\u007f]/g, '');
  if (!v) return null;
  if (kind === 'link' && v.startsWith('#')) return null;
  let u: URL;
  try {
    u = base ? new URL(v, base) : new URL(v);
  } catch {
    return null;
  }
  const p = u.protocol;
  if (p === 'http:' || p === 'https:' || (kind === 'link' && p === 'mailto:')) return u.href;
  return null;
}

function imageSrc(el: Element): string | undefined {
  const a = el.attribs;
  const lazy = a['data-src'] || a['data-lazy-src'] || a['data-original'] || a['data-url'] || a['data-hi-res-src'];
  const src = a.src && !a.src.startsWith('data:') ? a.src : undefined;
  if (lazy && (!src || /(?:blank|placeholder|spacer|pixel|loading|lazy)/i.test(src))) return lazy;
  if (src) return src;
  const set = a.srcset || a['data-srcset'];
  if (set) return set.trim().split(/\s+/)[0];
  return lazy;
}

function hasBlockChild(el: Element): boolean {
  for (const c of el.children) if (c.type === 'tag' && BLOCKISH.has((c as Element).name)) return true;
  return false;
}

/** Sanitised HTML of the body. */
export function toHtml(root: Element, base: string | null): string {
  const out: string[] = [];
  let tableDepth = 0;
  const walk = (node: AnyNode, inPre: boolean, inP: boolean) => {
    if (node.type === 'text') {
      const d = (node as Text).data;
      out.push(escText(inPre ? d : d.replace(/\s+/g, ' ')));
      return;
    }
    if (node.type !== 'tag') return;
    const el = node as Element;
    let name = el.name;
    if (name === 'h1') name = 'h2';
    // Table parts outside a kept <table> (the body was a single cell) are treated as containers.
    if (tableDepth === 0 && TABLE_PARTS.has(name)) name = 'div';
    const allowed = ALLOWED[name];
    if (!allowed) {
      // Unknown or container element: unwrap, or turn an inline-only block container into <p>.
      const asP = !inP && CONTAINERS.has(name) && name !== 'span' && name !== 'font' && name !== 'picture' &&
        !hasBlockChild(el) && el.children.some((c) => c.type === 'text' ? /\S/.test((c as Text).data) : c.type === 'tag');
      if (asP) out.push('<p>');
      for (const c of el.children) walk(c, inPre, inP || asP);
      if (asP) out.push('</p>\n');
      return;
    }
    const attrs: string[] = [];
    for (const an of allowed) {
      let v: string | undefined = el.attribs[an];
      if (name === 'img' && an === 'src') v = imageSrc(el);
      if (v == null) continue;
      if (URL_ATTRS.has(an)) {
        const u = safeUrl(v, base, name === 'img' ? 'image' : 'link');
        if (!u) continue;
        v = u;
      } else if ((an === 'width' || an === 'height' || an === 'colspan' || an === 'rowspan' || an === 'start') &&
        !/^\d{1,5}$/.test(v.trim())) {
        continue;
      }
      attrs.push(` ${an}="${escAttr(v)}"`);
    }
    if (name === 'img' && !attrs.some((a) => a.startsWith(' src='))) return;
    if (name === 'a' && !attrs.some((a) => a.startsWith(' href='))) {
      for (const c of el.children) walk(c, inPre, inP);
      return;
    }
    out.push(`<${name}${attrs.join('')}>`);
    if (VOID.has(name)) {
      if (name !== 'img') out.push('\n');
      return;
    }
    const pre = inPre || name === 'pre';
    const p = inP || name === 'p' || name.length === 2 && name[0] === 'h';
    if (name === 'table') tableDepth++;
    for (const c of el.children) walk(c, pre, p);
    if (name === 'table') tableDepth--;
    out.push(`</${name}>`);
    if (TEXT_BLOCKS.has(name) || name === 'li') out.push('\n');
  };
  walk(root, false, false);
  return out.join('').replace(/<p>\s*<\/p>\n?/g, '').replace(/\n{2,}/g, '\n').trim();
}
