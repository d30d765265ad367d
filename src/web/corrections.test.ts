import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { buildApp } from '../app.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createArticle, unpublishArticle } from '../publish/articles.ts';
import { addCorrection } from '../publish/corrections.ts';
import { SYSTEM } from '../publish/test-actors.ts';

let now = new Date('2026-03-01T12:00:00Z');
let ctx: AppContext;
let app: FastifyInstance;
before(async () => {
  ctx = await openTestContext({ now: () => now });
  app = await buildApp(ctx);
});
after(async () => {
  await app.close();
  await ctx.store.close();
});

test('correction notes appear on the article page, dated and in the article’s language', async () => {
  const en = await createArticle(ctx, { language: 'en', title: 'Bridge reopens', bodyHtml: '<p>Open.</p>', status: 'published' }, SYSTEM);
  const fr = await createArticle(ctx, { language: 'fr', title: 'Le pont rouvre', bodyHtml: '<p>Ouvert.</p>', status: 'published' }, SYSTEM);
  const page = async (lang: string, slug: string) => (await app.inject({ url: `/${lang}/${slug}` })).body;
  assert.doesNotMatch(await page('en', en.slug), /class="correction"/);
  now = new Date('2026-03-02T08:00:00Z');
  await addCorrection(ctx, en.id, 'The bridge reopened on Monday, not Sunday <really>.', SYSTEM);
  await addCorrection(ctx, fr.id, 'Le pont a rouvert lundi.', SYSTEM);
  const enPage = await page('en', en.slug);
  assert.match(enPage, /<aside class="corrections" aria-label="Corrections">/);
  assert.match(enPage, /<strong>Correction \(<time datetime="2026-03-02T08:00:00.000Z">2 March 2026<\/time>\):<\/strong> The bridge reopened on Monday, not Sunday &lt;really&gt;.<\/p>/);
  assert.match(await page('fr', fr.slug), /<strong>Rectificatif \(<time datetime="2026-03-02T08:00:00.000Z">2 mars 2026<\/time>\)\u00a0:<\/strong> Le pont a rouvert lundi./);
});

test('an unpublished article’s page is gone at once (the page cache learns of it)', async () => {
  const a = await createArticle(ctx, { language: 'en', title: 'Pulled story', bodyHtml: '<p>x</p>', status: 'published' }, SYSTEM);
  assert.equal((await app.inject({ url: `/en/${a.slug}` })).statusCode, 200);
  await unpublishArticle(ctx, a.id, SYSTEM);
  assert.equal((await app.inject({ url: `/en/${a.slug}` })).statusCode, 404);
  assert.doesNotMatch((await app.inject({ url: '/en/' })).body, /Pulled story/);
});
