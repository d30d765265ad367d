// GET/HEAD /<lang>/<slug> answered on the raw node:http request, before Fastify (early-requests.ts), when the
// article page is in memory with fresh share counts (routes.ts readyArticle: PageCache.peek and the counts'
// Memo.peek). Fastify's routing, request/reply objects and hooks were most of what such a hit still cost. The
// answer is the one the Fastify route sends (one assembly, the same bytes and headers) and the view is counted
// the same way. Anything else is declined and Fastify answers as before: a miss, another method, a query
// string, a trailing slash, percent-encoding, If-None-Match (the 304s), a closing app. Such a page exists only
// if Fastify routed this very path to the article route. Not logged by RELAIS_LOG, unlike Fastify's routes.
import type { IncomingMessage } from 'node:http';
import type { EarlyHandler } from '../early-requests.ts';

// The article route's own checks on its two parameters (routes.ts), on the undecoded path.
const PATH = /^\/([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\/([a-z0-9-]{1,200})$/;

export interface ReadyArticle {
  articleId: number;
  /** Flat [name, value, …] with content-length: writeHead takes it as is. */
  rawHeaders: string[];
  body: Buffer;
}

export interface ArticleFastPathOptions {
  ready: (lang: string, slug: string) => ReadyArticle | undefined;
  /** Counts the view as the Fastify route does (follow/page-views.ts). */
  record: (req: { method: string; ip: string; headers: IncomingMessage['headers'] }, articleId: number) => void;
  clientAddress: (req: IncomingMessage) => string;
  /** False once the app is closing: Fastify then answers 503 as for any route. */
  open: () => boolean;
  onError: (err: unknown) => void;
}

export function articleFastPath(o: ArticleFastPathOptions): EarlyHandler {
  return (req, res) => {
    const method = req.method;
    if ((method !== 'GET' && method !== 'HEAD') || req.headers['if-none-match'] !== undefined || !o.open()) return false;
    const m = PATH.exec(req.url ?? '');
    const ready = m ? o.ready(m[1], m[2]) : undefined;
    if (!ready) return false;
    try {
      o.record({ method, ip: o.clientAddress(req), headers: req.headers }, ready.articleId);
    } catch (err) {
      o.onError(err); // a counting failure must not crash the server nor lose the page
    }
    res.writeHead(200, ready.rawHeaders).end(ready.body); // HEAD: node sends the headers only
    return true;
  };
}
