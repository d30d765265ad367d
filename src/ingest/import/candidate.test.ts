import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../../context.ts';
import { openTestContext } from '../../publish/test-context.ts';
import { findArticleById, findArticlesByOriginalUrl } from '../../store/articles.ts';
import { findOriginalSnapshot } from '../../store/originals.ts';
import { findOutletById } from '../../store/outlets.ts';
import { createFetcher, type Fetcher } from '../fetch/index.ts';
import { getCandidate, listCandidates, subscribe, type Feed, type ImportCandidate } from '../subscriptions/index.ts';
import { ImportError, importCandidate } from './index.ts';
import { FULL_TEXT_HTML, startFeedServer, type FeedServer } from './test-feed-server.ts';

let ctx: AppContext;
let srv: FeedServer;
let fetcher: Fetcher;
let feed: Feed;
const byGuid = new Map<string, ImportCandidate>();

before(async () => {
  ctx = await openTestContext();
  srv = await startFeedServer([
    { guid: 'one', title: 'Story number 1', link: '/story/1', description: 'Teaser one.', author: 'Feed Byline', pubDate: 'Sun, 14 Sep 2025 06:00:00 GMT' },
    { guid: 'two', title: 'Story number 2', link: '/story/2', description: 'Teaser two.', pubDate: 'Mon, 15 Sep 2025 06:00:00 GMT' },
    { guid: 'ferry', title: 'The ferry runs again', link: '/gone/ferry', description: 'Ferry back.', content: FULL_TEXT_HTML, author: 'Ann Harbour', pubDate: 'Tue, 16 Sep 2025 08:00:00 GMT' },
    { guid: 'teaser', title: 'Only a teaser', link: '/gone/teaser', description: 'Read the rest on our site.' },
    { guid: 'long', title: 'T'.repeat(600), link: '/gone/long', content: FULL_TEXT_HTML.replace('ferry', 'long boat') },
  ]);
  fetcher = createFetcher({ allowHosts: [srv.host], timeoutMs: 5000 });
  const sub = await subscribe(ctx, { fetcher }, { url: srv.feedUrl });
  feed = sub.feed;
  for (const c of await listCandidates(ctx)) byGuid.set(c.guid, c);
});
after(async () => {
  await fetcher.close();
  await srv.close();
  await ctx.store.close();
});

async function counts() {
  const db = ctx.store.db;
  const n = async (t: 'articles' | 'outlets' | 'people' | 'originals' | 'provenance') =>
    Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { articles: await n('articles'), outlets: await n('outlets'), people: await n('people'), originals: await n('originals'), provenance: await n('provenance') };
}

test('a candidate is imported from its page, with provenance from the feed, and marked imported', async () => {
  assert.equal(byGuid.size, 5);
  assert.ok(feed.outletId, 'subscribing named an outlet after the feed');
  const cand = byGuid.get('one')!;
  assert.equal(cand.state, 'new');
  const out = await importCandidate(ctx, fetcher, cand.id);
  assert.equal(out.kind, 'created');
  assert.equal(out.from, 'page');
  assert.equal(out.note, null);
  const a = (await findArticleById(ctx.store.db, out.article.id))!;
  assert.equal(a.status, 'draft');
  assert.equal(a.title, 'Story number 1');
  assert.match(a.bodyHtml, /story 1 sleeper train/);
  const o = a.provenance.original!;
  assert.equal(o.url, `${srv.base}/story/1`, 'the original URL is the entry link');
  assert.equal(o.outletId, feed.outletId, "the feed's outlet");
  assert.equal((await findOutletById(ctx.store.db, o.outletId!))?.name, 'Loopback Courier');
  assert.deepEqual(o.authorNames, ['Mara Lind'], 'the page byline (the feed author only fills a gap)');
  assert.equal(o.publishedAt, '2025-09-14T06:00:00.000Z', "the feed entry's date");
  assert.equal((await getCandidate(ctx, cand.id)).state, 'imported');
  assert.equal((await findOriginalSnapshot(ctx.store.db, a.id))?.sourceKind, 'url');
});

test('importing an imported candidate again answers with its draft, without fetching or writing', async () => {
  const cand = byGuid.get('one')!;
  const [draft] = await findArticlesByOriginalUrl(ctx.store.db, `${srv.base}/story/1`);
  const before = await counts();
  const pageHits = srv.hits.get('/story/1');
  const again = await importCandidate(ctx, fetcher, cand.id);
  assert.equal(again.kind, 'exists');
  assert.equal(again.from, 'earlier-import');
  assert.equal(again.article.id, draft.id);
  assert.equal(srv.hits.get('/story/1'), pageHits, 'no request');
  assert.deepEqual(await counts(), before);
});

test("a page that cannot be fetched falls back to the entry's full content, and says so", async () => {
  const cand = byGuid.get('ferry')!;
  assert.match(cand.contentHtml ?? '', /extra evening boat/, 'the full entry content is kept with the candidate');
  assert.equal(byGuid.get('teaser')!.contentHtml, null, 'a teaser is not kept as content');
  const feedReads = srv.hits.get(new URL(srv.feedUrl).pathname) ?? 0;
  const out = await importCandidate(ctx, fetcher, cand.id);
  assert.equal(srv.hits.get(new URL(srv.feedUrl).pathname) ?? 0, feedReads, 'no need to read the feed again');
  assert.equal(out.kind, 'created');
  assert.equal(out.from, 'feed-entry');
  assert.match(out.note ?? '', /feed entry's own content: .*HTTP 404/);
  const a = (await findArticleById(ctx.store.db, out.article.id))!;
  assert.equal(a.title, 'The ferry runs again');
  assert.match(a.bodyHtml, /extra evening boat/);
  assert.equal(a.provenance.original?.url, `${srv.base}/gone/ferry`);
  assert.deepEqual(a.provenance.original?.authorNames, ['Ann Harbour']);
  assert.equal(a.provenance.original?.publishedAt, '2025-09-16T08:00:00.000Z');
  assert.equal(a.provenance.original?.outletId, feed.outletId);
  assert.equal((await findOriginalSnapshot(ctx.store.db, a.id))?.sourceKind, 'feed');
  assert.equal((await getCandidate(ctx, cand.id)).state, 'imported');
});

test('a page that fails with only a teaser in the feed is an ImportError naming both reasons; nothing changes', async () => {
  const cand = byGuid.get('teaser')!;
  const before = await counts();
  await assert.rejects(importCandidate(ctx, fetcher, cand.id), (err: unknown) => {
    assert.ok(err instanceof ImportError);
    assert.match(err.message, /candidate #\d+ .*gone\/teaser.*HTTP 404.*only carries a summary/);
    assert.equal(err.status, 502);
    return true;
  });
  assert.deepEqual(await counts(), before);
  assert.equal((await getCandidate(ctx, cand.id)).state, 'new');
  await assert.rejects(importCandidate(ctx, fetcher, 999999), /no import candidate with id 999999/);
});

test('a failure while writing the draft leaves the candidate new (mark and draft are one transaction)', async () => {
  const cand = byGuid.get('long')!;
  const before = await counts();
  // The candidate is marked first inside the transaction; the 600-character title then fails validation.
  await assert.rejects(importCandidate(ctx, fetcher, cand.id), (err: unknown) => err instanceof ImportError && /title is longer/.test(err.message));
  assert.deepEqual(await counts(), before);
  assert.equal((await getCandidate(ctx, cand.id)).state, 'new');
});

test('two imports of one candidate at once make one draft; the second answers with it', async () => {
  const cand = byGuid.get('two')!;
  const before = await counts();
  const [x, y] = await Promise.all([importCandidate(ctx, fetcher, cand.id), importCandidate(ctx, fetcher, cand.id)]);
  const kinds = [x.kind, y.kind].sort();
  assert.deepEqual(kinds, ['created', 'exists']);
  assert.equal(x.article.id, y.article.id);
  assert.equal((await counts()).articles, before.articles + 1);
  assert.equal((await getCandidate(ctx, cand.id)).state, 'imported');
});

test('--update refreshes the draft of an imported candidate', async () => {
  const cand = byGuid.get('one')!;
  const out = await importCandidate(ctx, fetcher, cand.id, { update: true });
  assert.equal(out.kind, 'updated');
  assert.equal(out.from, 'page');
});
