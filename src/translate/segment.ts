// Cuts an article into the segments a translator works on: the title, the summary, and each run of
// inline content in the body (a paragraph, a heading, a list item, a quote's paragraph, a caption…).
// The body's blocks stay in a skeleton where each run is replaced by a marker, so the translation is
// rebuilt with exactly the source's block structure (rebuild.ts).
import { parseDocument } from 'htmlparser2';
import render from 'dom-serializer';
import { Comment, type ChildNode, type Element, type ParentNode } from 'domhandler';
import { escapeAttribute } from 'entities';
import type { Markup } from './placeholders.ts';
import type { SegmentKind } from '../domain/translation.ts';


export interface SourceSegment {
  /** Stable within one segmentation: "title", "summary", "body.1", "body.2"… */
  key: string;
  kind: SegmentKind;
  /** The text with numbered placeholders for inline markup. */
  text: string;
  markup: Markup;
}

export interface Segmentation {
  segments: SourceSegment[];
  /** The body with every segment replaced by `<!--relais-segment:KEY-->`. */
  skeleton: string;
}

const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'figure', 'figcaption',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'pre', 'hr', 'aside', 'section', 'article', 'header', 'footer', 'iframe',
]);
const VOID = new Set(['br', 'img', 'hr', 'wbr', 'source']);

export const markerFor = (key: string) => `<!--relais-segment:${key}-->`;

function isBlock(n: ChildNode): boolean {
  return n.type === 'tag' && BLOCKS.has((n as Element).name);
}

function hasBlockInside(n: ChildNode): boolean {
  if (n.type !== 'tag') return false;
  return (n as Element).children.some((c) => isBlock(c) || hasBlockInside(c));
}

function hasText(n: ChildNode): boolean {
  if (n.type === 'text') return /\S/.test((n as unknown as { data: string }).data);
  if (n.type !== 'tag') return false;
  return (n as Element).children.some(hasText);
}

function openTag(el: Element): string {
  const attrs = Object.entries(el.attribs).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  return `<${el.name}${attrs}>`;
}

function kindOf(container: ParentNode | null): SegmentKind {
  for (let p: ParentNode | null = container; p && p.type === 'tag'; p = p.parent) {
    const name = (p as Element).name;
    if (name === 'blockquote') return 'quote';
    if (/^h[1-6]$/.test(name)) return 'heading';
    if (name === 'li' || name === 'dt' || name === 'dd') return 'list-item';
    if (name === 'figcaption' || name === 'caption') return 'caption';
    if (name === 'td' || name === 'th') return 'cell';
    if (name === 'pre') return 'code';
  }
  return 'paragraph';
}

// Text that would read as a placeholder ("<3>") gets a look-alike bracket, so the map stays unambiguous.
const literal = (s: string) => s.replace(/<(?=\/?\d{1,4}\/?>)/g, '‹');

/** Text with placeholders for a run of inline nodes. */
function runText(nodes: ChildNode[], markup: Markup, counter: { n: number }): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += literal((node as unknown as { data: string }).data);
    else if (node.type === 'tag') {
      const el = node as Element;
      const n = String(++counter.n);
      if (VOID.has(el.name) || !hasText(el)) {
        markup[n] = { void: render(el, { encodeEntities: 'utf8' }) };
        out += `<${n}/>`;
      } else {
        markup[n] = { open: openTag(el), close: `</${el.name}>` };
        out += `<${n}>${runText(el.children, markup, counter)}</${n}>`;
      }
    }
  }
  return out;
}

/** Splits sanitised body HTML into its segments and skeleton. */
export function segmentBody(html: string, firstIndex = 1): Segmentation {
  const doc = parseDocument(html, { decodeEntities: true });
  const segments: SourceSegment[] = [];
  let index = firstIndex;
  const walk = (parent: ParentNode): void => {
    const children = [...parent.children];
    let run: ChildNode[] = [];
    const flush = () => {
      if (run.length && run.some(hasText)) {
        const markup: Markup = {};
        const text = runText(run, markup, { n: 0 }).replace(/\s+/g, ' ').trim();
        const key = `body.${index++}`;
        segments.push({ key, kind: kindOf(parent), text, markup });
        const marker = new Comment(`relais-segment:${key}`);
        const at = parent.children.indexOf(run[0]);
        parent.children.splice(at, run.length, marker);
        marker.parent = parent;
      }
      run = [];
    };
    for (const c of children) {
      if (c.type === 'comment') continue;
      if (c.type === 'tag' && (isBlock(c) || hasBlockInside(c))) {
        flush();
        walk(c as Element);
      } else if (c.type === 'text' || c.type === 'tag') run.push(c);
    }
    flush();
  };
  walk(doc);
  return { segments, skeleton: render(doc, { encodeEntities: 'utf8' }) };
}

/** Title and summary as segments (plain text, no markup), then the body's. */
export function segmentArticle(a: { title: string; summary: string; bodyHtml: string }): Segmentation {
  const head: SourceSegment[] = [{ key: 'title', kind: 'title', text: literal(a.title.trim()), markup: {} }];
  if (a.summary.trim()) head.push({ key: 'summary', kind: 'summary', text: literal(a.summary.replace(/\s+/g, ' ').trim()), markup: {} });
  const body = segmentBody(a.bodyHtml);
  return { segments: [...head, ...body.segments], skeleton: body.skeleton };
}
