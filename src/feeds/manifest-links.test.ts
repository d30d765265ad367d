// Each feed entry links its signed C2PA manifest (SQLite or PostgreSQL, on the demo site): RSS 2.0 an
// atom:link, Atom a link, JSON Feed `_c2pa`, all rel/type c2pa-manifest / application/c2pa. The linked URL
// answers 200 with the manifest, and that manifest verifies for the entry's own page (ours; c2pa-rs when
// installed). Entries without a manifest link none; the feeds stay well-formed and parse as their formats.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { AppContext } from '../context.ts';
import { initDemo } from '../demo/index.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createArticle, publishArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { verifyAsset } from '../c2pa/verify.ts';
import { embeddedStore } from '../c2pa/html.ts';
import { c2paRs, loadC2paNode, testCredentials } from '../c2pa/test-support.ts';
import { checkJsonFeed } from './jsonfeed-check.ts';
import { child, children, feedparse, hasFeedparser, hasPython, parseXml } from './test-support.ts';

const NOW = new Date('2026-05-15T09:00:00Z');
let now = NOW;
const ATOM = 'http://www.w3.org/2005/Atom';
const A = (n: string) => `{${ATOM}}${n}`;
const noPython = !hasPython && 'needs /usr/bin/python3 (expat) to parse the XML';
let ctx: AppContext;
let app: FastifyInstance;
let anchors: string[];
const node = await loadC2paNode();

before(async () => {
  ctx = await openTestContext({ now: () => now });
  await initDemo(ctx);
  const t = await testCredentials(ctx.site.name);
  ctx.credentials = t.credentials;
  anchors = t.credentials.anchors;
  app = await buildApp(ctx);
});
after(async () => {
  await app.close();
  await ctx.store.close();
});

const path = (url: string) => url.slice(ctx.site.baseUrl.length);
const get = (url: string) => app.inject({ url: path(url) });

/** (page URL, manifest URL) of every entry, in each format. */
async function linksOf(format: 'feed.xml' | 'feed.atom' | 'feed.json'): Promise<Array<[string, string | null]>> {
  const res = await app.inject({ url: `/${format}` });
  assert.equal(res.statusCode, 200);
  if (format === 'feed.json') {
    const feed = JSON.parse(res.body);
    assert.deepEqual(checkJsonFeed(feed), []);
    return feed.items.map((i: { url: string; _c2pa?: { manifest_url: string; mime_type: string } }) => {
      if (i._c2pa) assert.equal(i._c2pa.mime_type, 'application/c2pa');
      return [i.url, i._c2pa?.manifest_url ?? null];
    });
  }
  const root = parseXml(res.body);
  const entries = format === 'feed.xml' ? children(child(root, 'channel'), 'item') : children(root, A('entry'));
  return entries.map((e) => {
    const page = format === 'feed.xml' ? child(e, 'link').text : children(e, A('link')).find((l) => l.attrib.rel === 'alternate')!.attrib.href;
    const m = children(e, A('link')).filter((l) => l.attrib.rel === 'c2pa-manifest');
    assert.ok(m.length <= 1, 'one manifest link at most');
    if (m[0]) assert.equal(m[0].attrib.type, 'application/c2pa');
    return [page, m[0]?.attrib.href ?? null];
  });
}

for (const format of ['feed.xml', 'feed.atom', 'feed.json'] as const) {
  test(`${format}: every entry links a manifest that answers 200 and verifies for that entry's page`, { skip: format !== 'feed.json' && noPython }, async () => {
    const links = await linksOf(format);
    assert.ok(links.length >= 20, `${links.length} entries`);
    for (const [page, manifest] of links) {
      assert.ok(manifest, `${page} links its manifest`);
      const m = await get(manifest);
      assert.equal(m.statusCode, 200, manifest);
      assert.equal(m.headers['content-type'], 'application/c2pa');
      const p = await get(page);
      assert.equal(p.statusCode, 200, page);
      const store = new Uint8Array(m.rawPayload);
      assert.deepEqual(store, embeddedStore(p.rawPayload)!.store, 'the linked manifest is the one the page carries');
      const v = await verifyAsset({ bytes: p.rawPayload, mimeType: 'text/html', trustAnchors: anchors, store });
      assert.equal(v.status, 'intact', `${page}: ${v.summary}`);
      assert.equal(v.hops[0].url, page, 'the manifest is about this entry');
    }
  });
}

test('c2pa-rs accepts the manifest each Atom entry links, over that entry’s page', { skip: (!node && 'needs @contentauth/c2pa-node@0.8.0') || noPython }, async () => {
  for (const [page, manifest] of await linksOf('feed.atom')) {
    const p = await get(page);
    const r = await c2paRs(node!, anchors, new Uint8Array((await get(manifest!)).rawPayload), p.rawPayload, 'text/html');
    assert.equal(r.state, 'Trusted', `${page}: ${r.failures.join(', ')}`);
  }
});

test('another article’s manifest does not verify for an entry: the link is bound to its own page', async () => {
  const [[pageA, manifestA], [pageB]] = await linksOf('feed.json');
  assert.notEqual(pageA, pageB);
  const v = await verifyAsset({ bytes: (await get(pageB)).rawPayload, mimeType: 'text/html', trustAnchors: anchors, store: new Uint8Array((await get(manifestA!)).rawPayload) });
  assert.notEqual(v.status, 'intact');
});

test('feedparser reads the manifest link of RSS items and Atom entries (bozo 0)', { skip: !hasFeedparser && 'needs python3-feedparser' }, async () => {
  for (const [url, type] of [['/feed.xml', 'application/rss+xml'], ['/feed.atom', 'application/atom+xml']]) {
    const parsed = feedparse((await app.inject({ url })).rawPayload, type);
    assert.equal(parsed.bozo, 0, `${url}: ${parsed.bozo_exception}`);
    for (const e of parsed.entries) {
      const m = e.links.filter((l) => l.rel === 'c2pa-manifest');
      assert.equal(m.length, 1, `${url} ${e.link}`);
      assert.equal(m[0].type, 'application/c2pa');
      assert.match(m[0].href, /\/c2pa\/articles\/\d+\.c2pa$/);
    }
  }
});

test('without Content Credentials no entry links a manifest', { skip: noPython }, async () => {
  const unsigned = await buildApp({ ...ctx, credentials: null });
  try {
    for (const url of ['/feed.xml', '/feed.atom']) assert.doesNotMatch((await unsigned.inject({ url })).body, /c2pa-manifest|application\/c2pa/);
    assert.ok(JSON.parse((await unsigned.inject({ url: '/feed.json' })).body).items.every((i: { _c2pa?: unknown }) => i._c2pa === undefined));
    assert.equal((await unsigned.inject({ url: '/c2pa/articles/1.c2pa' })).statusCode, 404);
  } finally {
    await unsigned.close();
  }
});

// Last: it moves the clock.
test('a scheduled article links its manifest once it falls due, not before', async () => {
  const draft = await createArticle(ctx, { language: 'en', slug: 'due-later', title: 'Due later', summary: '', bodyHtml: '<p>Later.</p>' }, SYSTEM);
  const due = new Date(NOW.getTime() + 3600_000);
  assert.equal((await publishArticle(ctx, draft.id, SYSTEM, due.toISOString())).status, 'scheduled');
  const manifest = `${ctx.site.baseUrl}/c2pa/articles/${draft.id}.c2pa`;
  assert.ok(!(await linksOf('feed.json')).some(([, m]) => m === manifest));
  assert.equal((await get(manifest)).statusCode, 404);
  now = new Date(due.getTime() + 60_000);
  const entry = (await linksOf('feed.atom')).find(([, m]) => m === manifest);
  assert.ok(entry, 'the due article is in the feed with its manifest');
  const p = await get(entry[0]);
  const m = await get(manifest);
  assert.equal(m.statusCode, 200);
  const v = await verifyAsset({ bytes: p.rawPayload, mimeType: 'text/html', trustAnchors: anchors, store: new Uint8Array(m.rawPayload) });
  assert.equal(v.status, 'intact', v.summary);
});
