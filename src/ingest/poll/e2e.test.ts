// End to end through the REAL safe fetcher (loopback server allow-listed by IP:port) and the real parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openTestContext } from '../../publish/test-context.ts';
import { createFetcher } from '../fetch/index.ts';
import { addFeed, listFeeds } from '../subscriptions/feeds.ts';
import { listCandidates } from '../subscriptions/candidates.ts';
import { subscribe } from '../subscriptions/subscribe.ts';
import { rss } from '../subscriptions/testing.ts';
import { createPoller, type PollReport } from './poller.ts';

const FEED = (n: number) =>
  rss(`Feed ${n}`, `http://site${n}.example.com/`, [
    { guid: `${n}-a`, title: `Story A of feed ${n}`, link: `http://site${n}.example.com/a`, description: 'First text' },
    { guid: `${n}-b`, title: `Story B of feed ${n}`, link: `http://site${n}.example.com/b`, description: 'Second text' },
  ]);

function startServer() {
  const seen: Array<{ path: string; inm?: string; ims?: string; ua?: string }> = [];
  const hung: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    seen.push({ path, inm: req.headers['if-none-match'] as string, ims: req.headers['if-modified-since'] as string, ua: req.headers['user-agent'] });
    const xml = { 'content-type': 'application/rss+xml; charset=utf-8' };
    switch (path) {
      case '/':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><html><head><title>Home</title><link rel="alternate" type="application/rss+xml" href="/etag.xml"></head><body></body></html>');
        return;
      case '/etag.xml':
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { etag: '"v1"', 'cache-control': 'max-age=3600' });
          res.end();
        } else {
          res.writeHead(200, { ...xml, etag: '"v1"', 'cache-control': 'max-age=3600' });
          res.end(FEED(1));
        }
        return;
      case '/limited.xml':
        res.writeHead(429, { 'retry-after': '7200', 'content-type': 'text/plain' });
        res.end('slow down');
        return;
      case '/error.xml':
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('oops');
        return;
      case '/broken.xml':
        res.writeHead(200, xml);
        res.end('this is { not < a feed');
        return;
      case '/slow.xml':
        setTimeout(() => {
          if (req.headers['if-modified-since'] === 'Mon, 01 Jun 2026 00:00:00 GMT') {
            res.writeHead(304);
            res.end();
          } else {
            res.writeHead(200, { ...xml, 'last-modified': 'Mon, 01 Jun 2026 00:00:00 GMT' });
            res.end(FEED(2));
          }
        }, 150);
        return;
      case '/stuck.xml':
        hung.push(res); // never answers
        return;
      case '/moved.xml':
        res.writeHead(301, { location: '/other.xml' });
        res.end();
        return;
      case '/other.xml':
        res.writeHead(200, xml);
        res.end(FEED(3));
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
    }
  });
  return new Promise<{ base: string; port: number; seen: typeof seen; close(): Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        base: `http://127.0.0.1:${port}`,
        port,
        seen,
        close: () =>
          new Promise<void>((r) => {
            for (const h of hung) h.destroy();
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

test('end to end: loopback feeds through the safe fetcher — 200/304, 429, 500, broken, slow, stuck, 404, redirect', async () => {
  const srv = await startServer();
  let t = Date.parse('2026-06-01T12:00:00.000Z');
  const now = () => new Date(t);
  const ctx = await openTestContext({ now });
  const fetcher = createFetcher({ allowHosts: [`127.0.0.1:${srv.port}`], timeoutMs: 5_000 });
  try {
    // Subscribing by the home page finds /etag.xml by autodiscovery.
    const sub = await subscribe(ctx, { fetcher }, { url: `${srv.base}/` });
    assert.equal(sub.via, 'autodiscovery');
    assert.equal(sub.feed.url, `${srv.base}/etag.xml`);
    assert.equal(sub.candidates, 2);
    for (const p of ['limited', 'error', 'broken', 'slow', 'stuck', 'missing', 'moved']) {
      await addFeed(ctx, { url: `${srv.base}/${p}.xml` }, { checkUrl: (u) => fetcher.checkUrl(u) });
    }
    // Without the allowance the same loopback URL is refused before any request.
    await assert.rejects(addFeed(ctx, { url: `${srv.base}/x.xml` }), /refused/);

    const reports: PollReport[] = [];
    const poller = createPoller({ store: ctx.store, fetcher, now, random: () => 0.5, fetchTimeoutMs: 3_000, concurrency: 8, perHost: 8, onPoll: (r) => reports.push(r) });
    assert.equal(await poller.runOnce(), 7, 'the subscribed feed was fetched by subscribe: not due yet');
    const by = (p: string) => reports.find((r) => r.url.endsWith(`/${p}.xml`))!;
    assert.deepEqual(
      Object.fromEntries(['limited', 'error', 'broken', 'slow', 'stuck', 'missing', 'moved'].map((p) => [p, [by(p).kind, by(p).status]])),
      {
        limited: ['http-error', 429],
        error: ['http-error', 500],
        broken: ['parse-error', 200],
        slow: ['ok', 200],
        stuck: ['fetch-error', null],
        missing: ['http-error', 404],
        moved: ['ok', 200],
      },
    );
    assert.equal(by('stuck').error, 'timeout');
    assert.equal(by('limited').plan.delaySeconds, 7200, 'Retry-After honoured');
    const interval = (Date.parse(sub.feed.nextCheckAt) - t) / 1000;
    assert.ok(interval >= 3240 && interval <= 3960, `max-age 3600 honoured as the interval (±10 % jitter): ${interval}`);
    assert.equal(by('slow').newCandidates, 2);
    assert.equal(by('moved').newCandidates, 2);

    t += 4 * 3600_000;
    reports.length = 0;
    await poller.runOnce();
    assert.equal(by('etag').kind, 'not-modified');
    assert.equal(by('slow').kind, 'not-modified');
    const etagHits = srv.seen.filter((s) => s.path === '/etag.xml');
    assert.equal(etagHits.at(-1)!.inm, '"v1"', 'conditional GET with the stored ETag');
    assert.equal(srv.seen.filter((s) => s.path === '/slow.xml').at(-1)!.ims, 'Mon, 01 Jun 2026 00:00:00 GMT');
    assert.ok(srv.seen.every((s) => s.ua?.startsWith('Relais/')));

    const feeds = Object.fromEntries((await listFeeds(ctx)).map((f) => [new URL(f.url).pathname, f]));
    assert.equal(feeds['/error.xml']!.errorCount, 2);
    assert.equal(feeds['/missing.xml']!.errorCount, 2);
    assert.equal(feeds['/moved.xml'], undefined, 'a permanent redirect (301) moves the subscription');
    assert.equal(feeds['/other.xml']!.url, `${srv.base}/other.xml`);
    assert.equal((await listCandidates(ctx)).length, 6);
  } finally {
    await fetcher.close();
    await srv.close();
    await ctx.store.close();
  }
});
