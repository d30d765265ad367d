// Cached pages never show stale articles: edits, deletions and articles falling due rebuild them at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { AppContext } from '../context.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createArticle, editArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { deleteArticle } from '../store/articles.ts';
import { flushPageViews } from '../follow/page-views.ts';

let clock = new Date('2026-01-10T12:00:00Z');
let ctx: AppContext;
let app: FastifyInstance;

before(async () => {
  ctx = await openTestContext({ now: () => clock });
  app = await buildApp(ctx);
});
after(async () => {
  await app.close();
  await ctx.store.close();
});

const get = async (url: string) => (await app.inject({ url })).body;

test('an edited article shows its new text on the next request', async () => {
  const a = await createArticle(ctx, { language: 'en', title: 'First title', bodyHtml: '<p>one</p>', status: 'published' }, SYSTEM);
  assert.match(await get('/en/first-title'), /<h1>First title<\/h1>/);
  assert.match(await get('/'), /First title/);
  clock = new Date(clock.getTime() + 1000);
  await editArticle(ctx, a.id, { language: 'en', title: 'Second title', bodyHtml: '<p>two</p>' }, SYSTEM);
  assert.match(await get('/en/first-title'), /<h1>Second title<\/h1>/);
  assert.match(await get('/'), /Second title/);
  await deleteArticle(ctx.store.db, a.id);
  assert.equal((await app.inject({ url: '/en/first-title' })).statusCode, 404);
  assert.doesNotMatch(await get('/'), /Second title/);
});

test('a scheduled article appears when it falls due, and its original gains the hreflang', async () => {
  const original = await createArticle(ctx, { language: 'en', title: 'Original', bodyHtml: '<p>x</p>', status: 'published' }, SYSTEM);
  await createArticle(ctx, {
    language: 'fr', title: 'Traduction prévue', bodyHtml: '<p>x</p>', status: 'scheduled',
    publishedAt: new Date(clock.getTime() + 3600_000).toISOString(), provenance: { translationOfId: original.id },
  }, SYSTEM);
  assert.doesNotMatch(await get('/'), /Traduction prévue/);
  assert.doesNotMatch(await get('/en/original'), /<link rel="alternate" hreflang="fr"/);
  clock = new Date(clock.getTime() + 2 * 3600_000);
  assert.match(await get('/'), /Traduction prévue/);
  assert.match(await get('/en/original'), /<link rel="alternate" hreflang="fr" href="http:\/\/relais.test\/fr\/traduction-prevue">/);
});

test('an article answered from memory has the bytes and headers it was built with; HEAD, If-None-Match and views too', async () => {
  const a = await createArticle(ctx, { language: 'en', title: 'Kept in memory', bodyHtml: '<p>k</p>', status: 'published' }, SYSTEM);
  const url = '/en/kept-in-memory';
  const browser = (n: number) => ({ 'user-agent': `Mozilla/5.0 (X11; Linux x86_64) Firefox/${n}.0` });
  const built = await app.inject({ url, headers: browser(1) });
  const kept = await app.inject({ url, headers: browser(2) });
  assert.equal(built.statusCode, 200);
  assert.equal(kept.statusCode, 200);
  assert.equal(kept.body, built.body);
  const { date: _built, ...builtHeaders } = built.headers;
  const { date: _kept, ...keptHeaders } = kept.headers;
  assert.deepEqual(keptHeaders, builtHeaders);
  assert.equal(kept.headers.link, '<http://relais.test/webmention>; rel="webmention"');
  assert.match(String(kept.headers['content-security-policy']), /^default-src 'self'/);
  assert.equal(kept.headers['x-content-type-options'], 'nosniff');
  assert.match(String(kept.headers['surrogate-key']), new RegExp(`\\barticle-${a.id}\\b`));
  const head = await app.inject({ method: 'HEAD', url, headers: browser(3) });
  assert.equal(head.statusCode, 200);
  assert.equal(head.body, '');
  assert.equal(head.headers['content-length'], built.headers['content-length']);
  assert.equal(head.headers.etag, built.headers.etag);
  const current = await app.inject({ url, headers: { ...browser(4), 'if-none-match': String(built.headers.etag) } });
  assert.equal(current.statusCode, 304);
  assert.equal(current.body, '');
  assert.equal(current.headers.etag, built.headers.etag);
  // Readers 1, 2 and 4 are counted (a 304 is a view of the page); the HEAD is not.
  await flushPageViews(ctx);
  const rows = await ctx.store.db.selectFrom('daily_counts').select(['metric', 'count']).where('article_id', '=', a.id).execute();
  assert.deepEqual(rows.map((r) => [r.metric, Number(r.count)]), [['view', 3]]);
});

test('saving a draft leaves cached public pages and feeds as they were; publishing it rebuilds them', async () => {
  const { publicArticlesVersion } = await import('../store/article-refs.ts');
  const { storeVersion } = await import('../feeds/version.ts');
  await createArticle(ctx, { language: 'en', title: 'Already public', bodyHtml: '<p>p</p>', status: 'published' }, SYSTEM);
  const before = await publicArticlesVersion(ctx.store.db);
  const feedBefore = await storeVersion(ctx.store.db);
  clock = new Date(clock.getTime() + 1000);
  const draft = await createArticle(ctx, { language: 'en', title: 'Still a draft', bodyHtml: '<p>d</p>' }, SYSTEM);
  await editArticle(ctx, draft.id, { language: 'en', title: 'Still a draft', bodyHtml: '<p>d, saved again</p>' }, SYSTEM);
  assert.deepEqual(await publicArticlesVersion(ctx.store.db), before, 'a draft is not part of the public mark');
  assert.deepEqual(await storeVersion(ctx.store.db), feedBefore, 'nor of the feeds\' last change');
  assert.doesNotMatch(await get('/'), /Still a draft/);
  clock = new Date(clock.getTime() + 1000);
  await editArticle(ctx, draft.id, { language: 'en', title: 'Now public', bodyHtml: '<p>d</p>', status: 'published' }, SYSTEM);
  const after = await publicArticlesVersion(ctx.store.db);
  assert.notEqual(after.key, before.key);
  assert.equal(after.lastChange, clock.toISOString());
  assert.match(await get('/'), /Now public/);
  // Back to a draft: it leaves the set, and the cached home page with it.
  clock = new Date(clock.getTime() + 1000);
  await editArticle(ctx, draft.id, { language: 'en', title: 'Now public', bodyHtml: '<p>d</p>', status: 'draft' }, SYSTEM);
  assert.notEqual((await publicArticlesVersion(ctx.store.db)).key, after.key);
  assert.doesNotMatch(await get('/'), /Now public/);
});
