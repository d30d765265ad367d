// Small helpers over the domhandler tree produced by htmlparser2. Kept minimal and allocation-light:
// the extractor walks every page several times and these run in its inner loops.
import type { AnyNode, ChildNode, Element, ParentNode, Text } from 'domhandler';

export type { AnyNode, ChildNode, Element, ParentNode, Text };

export function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

export function isText(n: AnyNode): n is Text {
  return n.type === 'text';
}

export function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

/** Plain text of a subtree, whitespace collapsed to single spaces. */
export function textOf(node: AnyNode): string {
  const parts: string[] = [];
  collectText(node, parts);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function collectText(node: AnyNode, parts: string[]): void {
  if (node.type === 'text') {
    parts.push((node as Text).data);
    return;
  }
  if (node.type === 'script' || node.type === 'style' || node.type === 'comment') return;
  const children = (node as ParentNode).children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.type === 'tag') {
      const name = (c as Element).name;
      if (name === 'br' || name === 'p' || name === 'div' || name === 'li') parts.push(' ');
    }
    collectText(c, parts);
  }
}

/** Number of non-whitespace characters in a string (our unit of "text length"). */
export function countChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 160) n++;
  }
  return n;
}

/** Removes a node from its parent's children array (domhandler keeps sibling links too). */
export function removeNode(node: ChildNode): void {
  const parent = node.parent;
  if (!parent) return;
  const idx = parent.children.indexOf(node);
  if (idx >= 0) parent.children.splice(idx, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}

/** Resolves a possibly relative URL; returns null for unparsable input. */
export function resolveUrl(href: string | undefined | null, base: string | null): string | null {
  if (href == null) return null;
  const h = href.trim();
  if (!h) return null;
  try {
    return base ? new URL(h, base).href : new URL(h).href;
  } catch {
    return null;
  }
}
