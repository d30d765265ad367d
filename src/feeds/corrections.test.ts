import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { buildApp } from '../app.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createArticle, unpublishArticle } from '../publish/articles.ts';
import { addCorrection } from '../publish/corrections.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { TestClock } from './test-support.ts';

const clock = new TestClock('2026-03-01T12:00:00Z');
let ctx: AppContext;
let app: FastifyInstance;
before(async () => {
  ctx = await openTestContext({ now: clock.now });
  app = await buildApp(ctx);
});
after(async () => {
  await app.close();
  await ctx.store.close();
});

const items = async (url = '/feed.json') => (await app.inject({ url })).json().items as Array<{ title: string; content_html: string; date_modified: string }>;

test('a correction note is in the entry content, dated as on the page, and the entry is updated at its time', async () => {
  const a = await createArticle(ctx, { language: 'fr', title: 'Les rivières', bodyHtml: '<p>Eau.</p>', status: 'published' }, SYSTEM);
  const before = (await items()).find((i) => i.title === 'Les rivières')!;
  assert.doesNotMatch(before.content_html, /correction/);
  clock.tick(3600_000);
  await addCorrection(ctx, a.id, 'La date était fausse.', SYSTEM);
  const entry = (await items()).find((i) => i.title === 'Les rivières')!;
  assert.match(entry.content_html, /<p class="correction"[^>]*><strong>Rectificatif \(<time datetime="2026-03-01T13:00:00.000Z">1er mars 2026<\/time>\)\u00a0:<\/strong> La date était fausse.<\/p>/);
  assert.equal(entry.date_modified, '2026-03-01T13:00:00Z');
  const atom = (await app.inject({ url: '/feed.atom' })).body;
  assert.match(atom, /<updated>2026-03-01T13:00:00Z<\/updated>/);
});

test('an unpublished article leaves the feeds at once', async () => {
  const a = await createArticle(ctx, { language: 'en', title: 'Soon gone', bodyHtml: '<p>x</p>', status: 'published' }, SYSTEM);
  assert.ok((await items('/en/feed.json')).some((i) => i.title === 'Soon gone'));
  clock.tick();
  await unpublishArticle(ctx, a.id, SYSTEM);
  assert.ok(!(await items('/en/feed.json')).some((i) => i.title === 'Soon gone'));
});
