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
