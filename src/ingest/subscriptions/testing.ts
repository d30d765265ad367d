// Test support: a stand-in for the safe fetcher that answers from a table of routes, with the fetcher's
// own result and error types, and small feed documents.
import { FetchError, FetchResult, checkUrl } from '../fetch/index.ts';
import type { FetchOptions } from '../fetch/index.ts';
import type { FeedFetcher } from './subscribe.ts';

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Redirects followed before this answer (URLs that redirected). */
  redirects?: string[];
  /** Final URL (default: the requested one). */
  url?: string;
  /** Throw a FetchError with this code instead of answering. */
  error?: 'timeout' | 'network' | 'dns' | 'too-large' | 'url-refused';
}

export type FakeRoute = FakeResponse | ((url: string, opts: FetchOptions) => FakeResponse);

export interface FakeFetcher extends FeedFetcher {
  calls: Array<{ url: string; etag: string | null; lastModified: string | null }>;
  routes: Map<string, FakeRoute>;
}

export function fakeFetcher(routes: Record<string, FakeRoute> = {}): FakeFetcher {
  const table = new Map(Object.entries(routes));
  const calls: FakeFetcher['calls'] = [];
  return {
    calls,
    routes: table,
    checkUrl: (u) => checkUrl(u),
    async fetch(input, opts = {}) {
      const url = typeof input === 'string' ? input : input.href;
      calls.push({ url, etag: opts.etag ?? null, lastModified: opts.lastModified ?? null });
      const route = table.get(url);
      const r = route === undefined ? { status: 404 } : typeof route === 'function' ? route(url, opts) : route;
      if (r.error) throw new FetchError({ code: r.error, url, reason: `simulated ${r.error}` });
      const status = r.status ?? 200;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = v;
      if (status !== 304 && (status < 200 || status >= 300)) {
        throw new FetchError({ code: 'http-error', url, reason: `HTTP ${status}`, status, headers, redirects: r.redirects ?? [] });
      }
      const body = status === 304 ? Buffer.alloc(0) : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body ?? '');
      return new FetchResult({
        status,
        url: r.url ?? url,
        headers,
        body,
        etag: headers['etag'] ?? (status === 304 ? opts.etag ?? undefined : undefined),
        lastModified: headers['last-modified'] ?? (status === 304 ? opts.lastModified ?? undefined : undefined),
        notModified: status === 304,
        redirects: r.redirects ?? [],
      });
    },
  };
}

export interface TestItem {
  guid?: string;
  title: string;
  link?: string;
  description?: string;
  pubDate?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(title: string, link: string, items: TestItem[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title>${i.link ? `<link>${esc(i.link)}</link>` : ''}${i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''}` +
        `${i.description ? `<description>${esc(i.description)}</description>` : ''}${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''}</item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${esc(title)}</title><link>${esc(link)}</link>${body}</channel></rss>`;
}
