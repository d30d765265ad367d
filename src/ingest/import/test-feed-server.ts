// Test support: a loopback site with a home page (feed autodiscovery), an RSS feed whose items tests can
// change, article pages (/story/N) that differ by number, and /broken (HTTP 500). Never reaches the internet.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

const page = readFileSync(new URL('./testdata/outlet-article.html', import.meta.url), 'utf8');

export interface FeedItem {
  guid: string;
  title: string;
  /** Path on this server (e.g. "/story/1") or absolute URL. */
  link?: string;
  description?: string;
  /** Full HTML text (content:encoded). */
  content?: string;
  author?: string;
  pubDate?: string;
}

export interface FeedServer {
  base: string;
  /** "127.0.0.1:PORT", for createFetcher({ allowHosts }) and RELAIS_FETCH_ALLOW. */
  host: string;
  feedUrl: string;
  items: FeedItem[];
  /** Requests received, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The sample article page, made distinct for story n (title, text, canonical). */
export function storyPage(n: number): string {
  return page
    .replace(/Night trains return to the valley/g, `Story number ${n}`)
    .replace(/night-trains-return/g, `story-${n}`)
    .replace('first sleeper train', `story ${n} sleeper train`);
}

export async function startFeedServer(items: FeedItem[] = []): Promise<FeedServer> {
  const hits = new Map<string, number>();
  const state = { base: '' };
  const feed = (list: FeedItem[]) =>
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    `<channel><title>Loopback Courier</title><link>${state.base}/</link><description>test feed</description>` +
    list
      .map(
        (i) =>
          `<item><title>${esc(i.title)}</title><guid isPermaLink="false">${esc(i.guid)}</guid>` +
          (i.link ? `<link>${esc(i.link.startsWith('/') ? state.base + i.link : i.link)}</link>` : '') +
          (i.description ? `<description>${esc(i.description)}</description>` : '') +
          (i.content ? `<content:encoded><![CDATA[${i.content}]]></content:encoded>` : '') +
          (i.author ? `<dc:creator>${esc(i.author)}</dc:creator>` : '') +
          (i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : '') +
          `</item>`,
      )
      .join('') +
    `</channel></rss>`;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/feed.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed(srv.items));
    if (path === '/' || path === '/home')
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><html><head><title>Loopback Courier</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><p>Home</p></body></html>`);
    if (path === '/broken') return res.writeHead(500, { 'content-type': 'text/plain' }).end('server error');
    const m = /^\/story\/(\d+)$/.exec(path);
    if (m) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(storyPage(Number(m[1])));
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  state.base = `http://127.0.0.1:${port}`;
  const srv: FeedServer = {
    base: state.base,
    host: `127.0.0.1:${port}`,
    feedUrl: `${state.base}/feed.xml`,
    items,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return srv;
}

/** Enough text for a feed entry to count as the full article. */
export const FULL_TEXT_HTML =
  '<p>The ferry to the island runs again from Monday, after a winter of repairs to the pier and the ramp.</p>' +
  '<p>The first crossing leaves at seven; the timetable is the same as last summer, with an extra evening boat on Fridays and Saturdays.</p>' +
  '<p>Islanders say the pier has never looked better, and the harbour master promises no more cancelled crossings for loose planks.</p>';
