// WebSub discovery (W3C WebSub §4) on a fetched feed: Link headers first, then the document's own
// rel="hub"/rel="self" links (RSS atom:link, Atom link, JSON Feed `hubs` and `feed_url`).
export interface HubLink {
  hub: string;
  /** The topic URL to subscribe to (rel=self), else the URL the feed was fetched from. */
  topic: string;
}

function linkHeader(header: string | undefined, rel: string, base: string): string | null {
  if (!header) return null;
  for (const m of header.matchAll(/<([^>]*)>\s*((?:;[^,<]*)*)/g)) {
    const r = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]*))/i.exec(m[2]);
    if ((r?.[1] ?? r?.[2] ?? '').toLowerCase().split(/\s+/).includes(rel)) {
      try {
        return new URL(m[1], base).href;
      } catch {}
    }
  }
  return null;
}

function xmlLink(text: string, rel: string, base: string): string | null {
  for (const m of text.matchAll(/<(?:[a-z]+:)?link\b([^>]*)\/?>/gi)) {
    const attrs = m[1];
    const r = /\brel\s*=\s*["']([^"']*)["']/i.exec(attrs);
    const href = /\bhref\s*=\s*["']([^"']*)["']/i.exec(attrs);
    if (r && href && r[1].toLowerCase().split(/\s+/).includes(rel)) {
      try {
        return new URL(href[1].replace(/&amp;/g, '&'), base).href;
      } catch {}
    }
  }
  return null;
}

export function discoverHub(res: { url: string; headers: Record<string, string>; body: Buffer }): HubLink | null {
  let hub = linkHeader(res.headers['link'], 'hub', res.url);
  let self = linkHeader(res.headers['link'], 'self', res.url);
  if (!hub) {
    const text = res.body.subarray(0, 256 * 1024).toString('utf8');
    if (/^\s*\{/.test(text)) {
      try {
        const j = JSON.parse(res.body.toString('utf8')) as { hubs?: Array<{ type?: string; url?: string }>; feed_url?: string };
        hub = j.hubs?.find((h) => typeof h.url === 'string' && (!h.type || /websub/i.test(h.type)))?.url ?? null;
        self ??= typeof j.feed_url === 'string' ? j.feed_url : null;
      } catch {}
    } else {
      hub = xmlLink(text, 'hub', res.url);
      self ??= xmlLink(text, 'self', res.url);
    }
  }
  if (!hub || !/^https?:\/\//.test(hub)) return null;
  return { hub, topic: self && /^https?:\/\//.test(self) ? self : res.url };
}
