// Which pages an article mentions: the absolute http(s) links of its body and its original outside,
// without links to this site itself, each once.
import { parseDocument } from 'htmlparser2';
import { isTag, type ChildNode } from 'domhandler';
import type { Article } from '../../domain/types.ts';

function hrefs(nodes: ChildNode[], out: string[]): string[] {
  for (const n of nodes) {
    if (!isTag(n)) continue;
    if (n.name === 'a' && n.attribs.href) out.push(n.attribs.href);
    hrefs(n.children, out);
  }
  return out;
}

export function mentionTargets(a: Pick<Article, 'bodyHtml' | 'provenance'>, baseUrl: string): string[] {
  const own = new URL(baseUrl).origin;
  const all = [...(a.provenance.original?.url ? [a.provenance.original.url] : []), ...hrefs(parseDocument(a.bodyHtml).children, [])];
  const seen = new Set<string>();
  for (const raw of all) {
    try {
      const u = new URL(raw);
      if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.origin === own) continue;
      u.hash = '';
      seen.add(u.href);
    } catch {}
  }
  return [...seen].slice(0, 100);
}
