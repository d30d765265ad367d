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

/**
 * Bounds the tree's depth so the recursive passes cannot overflow the stack on pathological markup
 * (thousands of unclosed inline tags). Elements at `max` depth keep their text and images, flattened.
 * Iterative on purpose.
 */
export function limitDepth(root: ParentNode, max: number): void {
  const stack: Array<[ParentNode, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    const children = node.children;
    if (depth >= max) {
      const flat: ChildNode[] = [];
      const inner: ChildNode[] = [...children].reverse();
      while (inner.length) {
        const c = inner.pop()!;
        if (c.type === 'text' || (c.type === 'tag' && ((c as Element).name === 'img' || (c as Element).name === 'br'))) {
          if (c.type === 'tag') (c as Element).children = [];
          flat.push(c);
        } else if (c.type === 'tag') {
          const ch = (c as Element).children;
          for (let i = ch.length - 1; i >= 0; i--) inner.push(ch[i]);
        }
      }
      for (let i = 0; i < flat.length; i++) {
        flat[i].parent = node;
        flat[i].prev = i > 0 ? flat[i - 1] : null;
        flat[i].next = i + 1 < flat.length ? flat[i + 1] : null;
      }
      node.children = flat;
      continue;
    }
    for (const c of children) {
      if (c.type === 'tag' || c.type === 'root') stack.push([c as ParentNode, depth + 1]);
    }
  }
}
