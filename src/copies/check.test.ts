import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openApiHarness } from '../api/test-app.ts';
import { createFetcher } from '../ingest/fetch/index.ts';
import { addFeed } from '../ingest/subscriptions/feeds.ts';
import { listCandidates } from '../ingest/subscriptions/candidates.ts';
import { createPoller } from '../ingest/poll/poller.ts';
import { checkPageForCopies } from './check.ts';
import { bodyHtml, HARBOUR, HARBOUR_OTHER, ORCHARD } from './testdata/articles.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const page = (inner: string) => `<!doctype html><html lang="en"><head><title>Elsewhere</title></head><body><nav><a href="/">Home</a></nav><article>${inner}</article><footer>© Elsewhere</footer></body></html>`;

async function withArticles() {
  const h = await openApiHarness();
  const writer = (await h.call('POST', '/api/people', { name: 'Maëlle Kerjean' })).json();
  const harbour = (await h.call('POST', '/api/articles', { language: 'en', title: HARBOUR.title, bodyHtml: bodyHtml(HARBOUR.paragraphs), status: 'published', authorIds: [writer.id] })).json();
  const orchard = (await h.call('POST', '/api/articles', { language: 'en', title: ORCHARD.title, bodyHtml: bodyHtml(ORCHARD.paragraphs), status: 'published' })).json();
  assert.ok(harbour.id && orchard.id);
  return { h, harbour, orchard, harbourUrl: `${h.ctx.site.baseUrl}/en/${harbour.slug}` };
}

test('a copy without credit is flagged; crediting copies are listed, not flagged; the own site is not a copy', async () => {
  const { h, harbour, harbourUrl } = await withArticles();
  const body = bodyHtml(HARBOUR.paragraphs);
  await checkPageForCopies(h.ctx, { url: 'https://copycat.example/stolen', html: page(body) });
  await checkPageForCopies(h.ctx, { url: 'https://friend.example/linked', html: page(`${body}<p>First published by <a href="${harbourUrl}">Relais</a>.</p>`) });
  await checkPageForCopies(h.ctx, { url: 'https://friend.example/pasted', html: page(`${body}<p>Read more at ${harbourUrl}#BdcYKAD1mC1G6xXA.${harbour.id.toString(36)}</p>`) });
  await checkPageForCopies(h.ctx, { url: 'https://friend.example/credited', html: page(`<p>By Maelle Kerjean</p>${body}`) });
  await checkPageForCopies(h.ctx, { url: `${h.ctx.site.baseUrl}/en/${harbour.slug}`, html: page(body) });
  await checkPageForCopies(h.ctx, { url: 'https://other.example/news', html: page(bodyHtml(HARBOUR_OTHER.paragraphs)) });

  const res = await h.call('GET', `/api/articles/${harbour.id}/copies`);
  assert.equal(res.statusCode, 200);
  const copies = res.json().copies as any[];
  const byUrl = Object.fromEntries(copies.map((c) => [c.url, c]));
  assert.deepEqual(Object.keys(byUrl).sort(), ['https://copycat.example/stolen', 'https://friend.example/credited', 'https://friend.example/linked', 'https://friend.example/pasted']);
  assert.deepEqual([byUrl['https://copycat.example/stolen'].flagged, byUrl['https://copycat.example/stolen'].legitimate], [true, false]);
  assert.ok(byUrl['https://copycat.example/stolen'].similarity > 0.9);
  assert.ok(byUrl['https://copycat.example/stolen'].passages.length > 0);
  assert.deepEqual([byUrl['https://friend.example/linked'].hasLink, byUrl['https://friend.example/linked'].flagged], [true, false]);
  assert.deepEqual([byUrl['https://friend.example/pasted'].hasAttribution, byUrl['https://friend.example/pasted'].hasToken, byUrl['https://friend.example/pasted'].flagged], [true, true, false]);
  assert.deepEqual([byUrl['https://friend.example/credited'].hasCredits, byUrl['https://friend.example/credited'].hasLink, byUrl['https://friend.example/credited'].flagged], [true, false, false]);

  // Seen again: one row, last seen moves.
  await checkPageForCopies({ ...h.ctx, now: () => new Date(Date.now() + 86_400_000) }, { url: 'https://copycat.example/stolen', html: page(body) });
  const flagged = (await h.call('GET', '/api/copies?flagged=1')).json().copies as any[];
  assert.deepEqual(flagged.map((c) => c.url), ['https://copycat.example/stolen']);
  assert.ok(flagged[0].lastSeenAt > flagged[0].firstSeenAt);
  assert.equal((await h.call('GET', '/api/articles/999999/copies')).statusCode, 404);
  assert.equal((await h.call('GET', '/api/copies?flagged=yes')).statusCode, 400);
  await h.close();
});

test('POST /api/copies/match answers the matches best first, and refuses an empty body', async () => {
  const { h, harbour, harbourUrl } = await withArticles();
  const res = await h.call('POST', '/api/copies/match', { html: page(bodyHtml(HARBOUR.paragraphs.slice(0, 3))), url: 'https://x.example/a' });
  assert.equal(res.statusCode, 200);
  const { matches } = res.json();
  assert.equal(matches.length, 1);
  assert.deepEqual({ ...matches[0], similarity: undefined }, { articleId: harbour.id, url: harbourUrl, similarity: undefined, language: 'en', kind: 'article', crossLanguage: false });
  assert.deepEqual((await h.call('POST', '/api/copies/match', { text: HARBOUR_OTHER.paragraphs.join('\n') })).json(), { matches: [] });
  const bad = await h.call('POST', '/api/copies/match', { text: '  ' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error ?? bad.body, /html|text/);
  await h.close();
});

test('a copy in a loopback feed: the poller brings the entry in, it is checked and flagged without credit', async () => {
  const { h, harbour } = await withArticles();
  const entry = `<item><title>Sea wall works</title><link>http://127.0.0.1/copied</link><guid>c-1</guid><description>${esc(bodyHtml(HARBOUR.paragraphs))}</description></item>` +
    `<item><title>Orchards</title><link>http://127.0.0.1/fine</link><guid>c-2</guid><description>${esc(bodyHtml(HARBOUR_OTHER.paragraphs))}</description></item>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Copier</title><link>http://127.0.0.1/</link>${entry}</channel></rss>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fetcher = createFetcher({ allowHosts: [host] });
  try {
    await addFeed(h.ctx, { url: `http://${host}/feed.xml` }, { checkUrl: (u) => fetcher.checkUrl(u) });
    const poller = createPoller({ store: h.ctx.store, fetcher, now: () => new Date(), random: () => 0.5, fetchTimeoutMs: 5_000, concurrency: 2, perHost: 2 });
    await poller.runOnce();
    const candidates = await listCandidates(h.ctx, {});
    assert.equal(candidates.length, 2);
    const copied = candidates.find((c) => c.link === 'http://127.0.0.1/copied')!;
    const flagged = (await h.call('GET', '/api/copies?flagged=1')).json().copies as any[];
    assert.equal(flagged.length, 1);
    assert.deepEqual([flagged[0].articleId, flagged[0].source, flagged[0].candidateId, flagged[0].url, flagged[0].flagged], [harbour.id, 'feed', copied.id, 'http://127.0.0.1/copied', true]);
  } finally {
    await fetcher.close();
    await new Promise<void>((r) => server.close(() => r()));
    await h.close();
  }
});
