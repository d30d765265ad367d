// Webmention endpoint discovery (W3C Webmention §3.1.2): the first of a Link header with rel=webmention,
// then the first <link> or <a> element with rel=webmention in document order, resolved against the final
// URL. Fetched through the safe fetcher.
import { parseDocument } from 'htmlparser2';
import { isTag, type ChildNode } from 'domhandler';
import type { Fetcher } from '../../ingest/fetch/index.ts';
import { linksWithRel } from '../link-header.ts';

function firstRelElement(nodes: ChildNode[], rel: string): string | null {
  for (const n of nodes) {
    if (!isTag(n)) continue;
    if ((n.name === 'link' || n.name === 'a') && n.attribs.href !== undefined && (n.attribs.rel ?? '').toLowerCase().split(/\s+/).includes(rel)) return n.attribs.href;
    const inner = firstRelElement(n.children, rel);
    if (inner !== null) return inner;
  }
  return null;
}

/** The rel values' first target in an HTML document (an empty href is the document itself), or null. */
export function relInHtml(html: string, rel: string, base: string): string | null {
  const href = firstRelElement(parseDocument(html).children, rel);
  if (href === null) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

export async function discoverWebmentionEndpoint(fetcher: Fetcher, target: string, signal?: AbortSignal): Promise<string | null> {
  const res = await fetcher.fetch(target, { signal, maxBytes: 2 * 1024 * 1024, accept: 'text/html,application/xhtml+xml' });
  if (res.status < 200 || res.status >= 300) return null;
  const fromHeader = linksWithRel(res.headers['link'], 'webmention', res.url)[0];
  if (fromHeader) return fromHeader;
  if (!/html/.test(res.contentType)) return null;
  return relInHtml(res.text, 'webmention', res.url);
}
