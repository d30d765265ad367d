// What a republication check needs from a fetched page: its title, canonical link, link targets and text.
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type ChildNode } from 'domhandler';

export interface PageFacts {
  title: string | null;
  canonical: string | null;
  links: string[];
  text: string;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head']);

function abs(href: string, base: string): string | null {
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

export function pageFacts(html: string, pageUrl: string): PageFacts {
  const doc = parseDocument(html);
  let title: string | null = null;
  let canonical: string | null = null;
  const links: string[] = [];
  const text: string[] = [];
  const walk = (nodes: ChildNode[], inBody: boolean) => {
    for (const n of nodes) {
      if (isText(n)) {
        if (inBody) text.push(n.data);
        continue;
      }
      if (!isTag(n)) continue;
      const a = n.attribs;
      if (n.name === 'title' && title === null) title = n.children.filter(isText).map((t) => t.data).join('').trim() || null;
      if (n.name === 'link' && /(^|\s)canonical(\s|$)/i.test(a.rel ?? '') && a.href && canonical === null) canonical = abs(a.href, pageUrl);
      if (n.name === 'a' && a.href) {
        const u = abs(a.href, pageUrl);
        if (u) links.push(u);
      }
      walk(n.children, inBody && !SKIP.has(n.name));
      if (/^(p|div|h[1-6]|li|br|article|section|blockquote)$/.test(n.name) && inBody) text.push('\n');
    }
  };
  walk(doc.children, true);
  return { title, canonical, links, text: text.join(' ').replace(/[ \t]+/g, ' ').trim() };
}

/** Same page for the purpose of a link: no fragment, no trailing slash, case-insensitive host. */
export function samePage(a: string, b: string): boolean {
  const norm = (u: string) => {
    try {
      const x = new URL(u);
      x.hash = '';
      return x.href.replace(/\/$/, '');
    } catch {
      return u;
    }
  };
  return norm(a) === norm(b);
}
