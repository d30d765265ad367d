import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestContext } from '../../publish/test-context.ts';
import { InputError, NotFoundError } from '../../domain/types.ts';
import type { ParsedEntry } from '../feedparse/index.ts';
import { parseFeed } from '../feedparse/index.ts';
import { addFeed, countFeeds, getFeed, listFeeds, pauseFeed, removeFeed, resumeFeed } from './feeds.ts';
import { entriesToCandidates, insertCandidates, listCandidates, normaliseLink, setCandidateState } from './candidates.ts';
import { subscribe } from './subscribe.ts';
import { exportOpml, importOpml } from './opml-import.ts';
import { parseOpml } from './opml.ts';
import { fakeFetcher, rss } from './testing.ts';

const T0 = new Date('2026-03-01T12:00:00.000Z');

test('add, list, pause, resume, remove', async () => {
  const ctx = await openTestContext({ now: () => T0 });
  try {
    const { feed, created } = await addFeed(ctx, { url: 'https://Example.COM/feed#x', title: '  My\n feed ', folder: 'News' });
    assert.equal(created, true);
    assert.equal(feed.url, 'https://example.com/feed');
    assert.equal(feed.host, 'example.com');
    assert.equal(feed.title, 'My feed');
    assert.equal(feed.status, 'active');
    assert.equal(feed.nextCheckAt, T0.toISOString());
    const again = await addFeed(ctx, { url: 'https://example.com/feed' });
    assert.equal(again.created, false);
    assert.equal(again.feed.id, feed.id);

    await assert.rejects(addFeed(ctx, { url: 'http://127.0.0.1/feed' }), (e: Error) => e instanceof InputError && /refused/.test(e.message));
    await assert.rejects(addFeed(ctx, { url: 'file:///etc/passwd' }), InputError);
    await assert.rejects(addFeed(ctx, { url: 'https://example.com/b', outletId: 999 }), /no outlet with id 999/);

    const paused = await pauseFeed(ctx, feed.id, 'too noisy');
    assert.equal(paused.status, 'paused');
    assert.equal(paused.pauseReason, 'too noisy');
    assert.deepEqual(await countFeeds(ctx), { active: 0, paused: 1 });
    assert.equal((await listFeeds(ctx, { status: 'active' })).length, 0);
    const resumed = await resumeFeed(ctx, feed.id);
    assert.equal(resumed.status, 'active');
    assert.equal(resumed.pauseReason, null);
    assert.equal(resumed.errorCount, 0);

    await insertCandidates(ctx.store.db, feed.id, [
      { guid: 'a', link: 'https://example.com/a', title: 'A', publishedAt: null, contentHash: null, summary: null, author: null, contentHtml: null },
      { guid: 'b', link: 'https://example.com/b', title: 'B', publishedAt: null, contentHash: null, summary: null, author: null, contentHtml: null },
    ]);
    const [b] = await listCandidates(ctx, { feedId: feed.id, limit: 1 });
    await setCandidateState(ctx, b!.id, 'imported');
    await removeFeed(ctx, feed.id);
    await assert.rejects(getFeed(ctx, feed.id), NotFoundError);
    const left = await listCandidates(ctx);
    assert.deepEqual(left.map((c) => [c.guid, c.state, c.feedId]), [['b', 'imported', null]], 'imported history kept, waiting ones removed');
  } finally {
    await ctx.store.close();
  }
});

const entry = (e: Partial<ParsedEntry>): ParsedEntry => ({
  links: [], authors: [], contributors: [], categories: [], media: { content: [], thumbnails: [] }, itunes: {}, extensions: {},
  content: [], enclosures: [], ...e,
});

test('entries become candidates: GUID, normalised link, text hash', () => {
  const c = entriesToCandidates([
    entry({ id: 'urn:1', title: { value: 'Hello <b>world</b>', type: 'text/html' }, link: 'https://e.com/a?utm_source=x#frag', summary: { value: '<p>Some &amp; text here</p>', type: 'text/html' }, published: { raw: '', iso: '2026-01-01T00:00:00.000Z' }, author: 'Ann' }),
    entry({ title: { value: 'No id', type: 'text/plain' }, link: 'https://e.com/b' }),
    entry({ title: { value: 'Only a title but long enough to hash', type: 'text/plain' } }),
    entry({ title: { value: 'tiny', type: 'text/plain' } }),
  ]);
  assert.equal(c.length, 3);
  assert.deepEqual(c[0], {
    guid: 'urn:1', link: 'https://e.com/a', title: 'Hello world', publishedAt: '2026-01-01T00:00:00.000Z',
    contentHash: c[0]!.contentHash, summary: 'Some & text here', author: 'Ann', contentHtml: null,
  });
  assert.match(c[0]!.contentHash!, /^[0-9a-f]{64}$/);
  assert.equal(c[1]!.guid, 'https://e.com/b');
  assert.match(c[2]!.guid, /^sha256:/);
  assert.equal(normaliseLink('https://e.com/x?a=1&utm_medium=y&fbclid=z'), 'https://e.com/x?a=1');
  assert.equal(normaliseLink('javascript:alert(1)'), null);
});

test('candidates are deduplicated by GUID per feed, and by link and content hash across feeds', async () => {
  const ctx = await openTestContext({ now: () => T0 });
  try {
    const db = ctx.store.db;
    const f1 = (await addFeed(ctx, { url: 'https://one.example.com/feed' })).feed;
    const f2 = (await addFeed(ctx, { url: 'https://two.example.com/feed' })).feed;
    const mk = (guid: string, link: string | null, hash: string | null) => ({ guid, link, title: guid, publishedAt: null, contentHash: hash, summary: null, author: null, contentHtml: null });
    assert.equal(await insertCandidates(db, f1.id, [mk('1', 'https://x.com/1', 'h1'), mk('2', 'https://x.com/2', 'h2'), mk('2', 'https://x.com/2', 'h2')]), 2);
    assert.equal(await insertCandidates(db, f1.id, [mk('1', 'https://x.com/1', 'h1'), mk('3', null, null)]), 1, 'same GUID again: skipped');
    assert.equal(await insertCandidates(db, f2.id, [mk('other-guid', 'https://x.com/1', 'zz')]), 0, 'same link in another feed');
    assert.equal(await insertCandidates(db, f2.id, [mk('other-guid-2', 'https://x.com/other', 'h2')]), 0, 'same content in another feed');
    assert.equal(await insertCandidates(db, f2.id, [mk('1', null, null), mk('n1', null, null), mk('n2', null, null)]), 3, 'GUIDs are per feed; null links do not collide');
    assert.equal((await listCandidates(ctx)).length, 6);
  } finally {
    await ctx.store.close();
  }
});

test('subscribe by feed URL stores the feed, an outlet and the first entries', async () => {
  const ctx = await openTestContext({ now: () => T0 });
  try {
    const fetcher = fakeFetcher({
      'https://news.example.com/rss': {
        headers: { 'content-type': 'application/rss+xml', etag: '"n1"' },
        body: rss('Example News', 'https://news.example.com/', [
          { guid: 'g1', title: 'First story', link: 'https://news.example.com/1', description: 'Text of the first story' },
          { guid: 'g2', title: 'Second story', link: 'https://news.example.com/2', description: 'Text of the second story' },
        ]),
      },
    });
    const r = await subscribe(ctx, { fetcher }, { url: 'https://news.example.com/rss', folder: 'World' });
    assert.equal(r.created, true);
    assert.equal(r.via, 'direct');
    assert.equal(r.candidates, 2);
    assert.equal(r.feed.title, 'Example News');
    assert.equal(r.feed.siteUrl, 'https://news.example.com/');
    assert.equal(r.feed.folder, 'World');
    assert.equal(r.feed.etag, '"n1"', 'the subscribing fetch counts as the first poll');
    assert.equal(r.feed.lastStatus, 200);
    assert.ok(r.feed.nextCheckAt > T0.toISOString());
    assert.ok(r.feed.outletId);
    const outlet = await ctx.store.db.selectFrom('outlets').selectAll().where('id', '=', r.feed.outletId!).executeTakeFirstOrThrow();
    assert.equal(outlet.name, 'Example News');
    const again = await subscribe(ctx, { fetcher }, { url: 'https://news.example.com/rss' });
    assert.equal(again.via, 'existing');
    assert.equal(fetcher.calls.length, 1, 'no fetch for a known feed');
  } finally {
    await ctx.store.close();
  }
});

test('subscribe by home page: autodiscovery, then common paths; clear error when nothing is found', async () => {
  const ctx = await openTestContext({ now: () => T0 });
  try {
    const feedBody = rss('Blog', 'https://blog.example.com/', [{ guid: 'p1', title: 'A post', link: 'https://blog.example.com/p1' }]);
    const fetcher = fakeFetcher({
      'https://blog.example.com/': {
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/posts.rss"><link rel="alternate" type="application/atom+xml" href="http://127.0.0.1/evil"></head><body>Hi</body></html>',
      },
      'https://blog.example.com/posts.rss': { headers: { 'content-type': 'application/rss+xml' }, body: feedBody },
      'https://plain.example.com/': { headers: { 'content-type': 'text/html' }, body: '<html><head><title>x</title></head></html>' },
      'https://plain.example.com/rss': { headers: { 'content-type': 'text/xml' }, body: feedBody },
      'https://nothing.example.com/': { headers: { 'content-type': 'text/html' }, body: '<html><body>no feed</body></html>' },
      'https://down.example.com/': { error: 'dns' },
    });
    const a = await subscribe(ctx, { fetcher }, { url: 'https://blog.example.com/' });
    assert.equal(a.via, 'autodiscovery');
    assert.equal(a.feed.url, 'https://blog.example.com/posts.rss');
    assert.equal(a.candidates, 1);

    const b = await subscribe(ctx, { fetcher }, { url: 'https://plain.example.com/', createOutlet: false });
    assert.equal(b.via, 'common-path');
    assert.equal(b.feed.url, 'https://plain.example.com/rss');
    assert.equal(b.feed.outletId, null);
    assert.equal(b.candidates, 0, 'same story already a candidate through the first feed');

    await assert.rejects(subscribe(ctx, { fetcher }, { url: 'https://nothing.example.com/' }), (e: Error) => e instanceof InputError && /no feed found at https:\/\/nothing.example.com\//.test(e.message));
    await assert.rejects(subscribe(ctx, { fetcher }, { url: 'https://down.example.com/' }), /could not fetch https:\/\/down.example.com\/: simulated dns/);
    assert.ok(!fetcher.calls.some((c) => c.url.includes('127.0.0.1')), 'a refused discovered URL is never requested');
  } finally {
    await ctx.store.close();
  }
});

test('OPML import reports each line; export lists every feed; the round trip is stable', async () => {
  const ctx = await openTestContext({ now: () => T0 });
  try {
    await addFeed(ctx, { url: 'https://known.example.com/feed' });
    const doc = `<?xml version="1.0"?>
<opml version="2.0"><head><title>Mine</title></head><body>
<outline text="Known" type="rss" xmlUrl="https://known.example.com/feed"/>
<outline text="Folder">
  <outline text="A" type="rss" xmlUrl="https://a.example.com/rss" htmlUrl="https://a.example.com/"/>
  <outline text="Local" type="rss" xmlUrl="http://localhost/feed"/>
  <outline text="Nonsense" type="rss" xmlUrl="not a url"/>
  <outline text="Dup" type="rss" xmlUrl="https://A.example.com/rss#dup"/>
</outline>
</body></opml>`;
    const report = await importOpml(ctx, doc, { random: () => 0.5 });
    assert.equal(report.title, 'Mine');
    assert.deepEqual(
      report.lines.map((l) => [l.line, l.status, l.folder]),
      [[3, 'exists', null], [5, 'added', 'Folder'], [6, 'invalid', 'Folder'], [7, 'invalid', 'Folder'], [8, 'exists', 'Folder']],
    );
    assert.match(report.lines[2]!.reason!, /refused: host name "localhost"/);
    assert.deepEqual([report.added, report.existing, report.invalid], [1, 2, 2]);
    const added = await getFeed(ctx, report.lines[1]!.feedId!);
    assert.equal(added.siteUrl, 'https://a.example.com/');
    assert.ok(added.nextCheckAt > T0.toISOString(), 'first polls spread over time');

    await assert.rejects(importOpml(ctx, '<html></html>'), /OPML import failed: not an OPML document/);

    const xml = await exportOpml(ctx);
    const parsed = parseOpml(xml);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.outlines.map((o) => o.xmlUrl).sort(), ['https://a.example.com/rss', 'https://known.example.com/feed']);
    const second = await importOpml(ctx, xml);
    assert.deepEqual([second.added, second.existing, second.invalid], [0, 2, 0]);
  } finally {
    await ctx.store.close();
  }
});

test('the real parser output flows into candidates', () => {
  const r = parseFeed(Buffer.from(rss('T', 'https://e.com/', [{ guid: 'x', title: 'Title of it', link: 'https://e.com/x', description: '<b>bold</b> words' }])), { url: 'https://e.com/feed' });
  assert.ok(r.ok);
  const [c] = entriesToCandidates(r.feed.entries);
  assert.equal(c!.title, 'Title of it');
  assert.equal(c!.summary, 'bold words');
  assert.equal(c!.link, 'https://e.com/x');
});
