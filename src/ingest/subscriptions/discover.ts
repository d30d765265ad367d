// Feed autodiscovery in an HTML page: <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">,
// resolved against <base href> and the page URL; plus the usual feed paths to try when a page has none.
import { Parser } from 'htmlparser2';

export interface DiscoveredFeed {
  url: string;
  type: string;
  title: string | null;
}

const FEED_TYPES = new Map([
  ['application/rss+xml', 'rss'],
  ['application/atom+xml', 'atom'],
  ['application/feed+json', 'json'],
  ['application/json', 'json'], // JSON Feed 1.0 sites often declare this
  ['application/rdf+xml', 'rss'],
  ['application/x.atom+xml', 'atom'],
  ['application/x-atom+xml', 'atom'],
  ['application/x-rss+xml', 'rss'],
  ['text/xml', 'rss'],
  ['application/xml', 'rss'],
]);

const MAX_SCAN = 2 * 1024 * 1024;

function absolute(href: string, base: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** Feeds a page declares, in document order, without duplicates. */
export function discoverFeedLinks(html: string, pageUrl: string): DiscoveredFeed[] {
  let base = pageUrl;
  let sawBase = false;
  const raw: Array<{ href: string; type: string; title: string | null }> = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && !sawBase && attrs.href) {
          const b = absolute(attrs.href, pageUrl);
          if (b) {
            base = b;
            sawBase = true;
          }
        } else if (name === 'link' && attrs.href) {
          const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
          const type = (attrs.type ?? '').toLowerCase().split(';')[0]!.trim();
          if (rels.includes('alternate') && FEED_TYPES.has(type)) {
            raw.push({ href: attrs.href, type, title: attrs.title?.trim() || null });
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html.length > MAX_SCAN ? html.slice(0, MAX_SCAN) : html);
  parser.end();
  const out: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    // "application/json" and plain XML types only count when the link looks like a feed.
    if (r.type === 'application/json' && !/feed/i.test(r.href)) continue;
    if ((r.type === 'text/xml' || r.type === 'application/xml') && !/feed|rss|atom/i.test(r.href)) continue;
    const url = absolute(r.href, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    out.push({ url, type: FEED_TYPES.get(r.type)!, title: r.title });
  }
  // Comment feeds are rarely what a subscriber wants: put them last.
  return [...out.filter((f) => !/comment/i.test(f.url + (f.title ?? ''))), ...out.filter((f) => /comment/i.test(f.url + (f.title ?? '')))];
}

const COMMON_PATHS = ['feed', 'rss', 'feed.xml', 'rss.xml', 'atom.xml', 'index.xml', 'feed.json', 'feeds/posts/default'];

/** Usual feed locations for a site, below the page's folder and at the site root (at most `limit`). */
export function commonFeedUrls(pageUrl: string, limit = 8): string[] {
  let u: URL;
  try {
    u = new URL(pageUrl);
  } catch {
    return [];
  }
  const folder = u.pathname.endsWith('/') ? u.pathname : u.pathname.replace(/[^/]*$/, '');
  const bases = folder !== '/' ? [`${u.origin}${folder}`, `${u.origin}/`] : [`${u.origin}/`];
  const out: string[] = [];
  for (const b of bases) for (const p of COMMON_PATHS) out.push(b + p);
  return [...new Set(out)].slice(0, limit);
}

/** True when the bytes look like an HTML page rather than a feed. */
export function looksLikeHtml(body: Uint8Array, contentType: string): boolean {
  if (/^(text\/html|application\/xhtml\+xml)$/i.test(contentType)) return true;
  const head = Buffer.from(body.subarray(0, 1024)).toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}
