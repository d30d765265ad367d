import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { buildApp } from '../app.ts';
import { openTestContext } from '../publish/test-context.ts';
import { actorOf, SYSTEM } from '../publish/test-actors.ts';
import { createArticle, publishArticle } from '../publish/articles.ts';
import { registerPreviewRoute } from './preview.ts';
import { createApiToken } from '../store/tokens.ts';

let ctx: AppContext;
let site: FastifyInstance;
let app: FastifyInstance;
const actors = new Map<string, Actor>();

before(async () => {
  ctx = await openTestContext({ now: () => new Date('2026-03-01T12:00:00Z') });
  site = await buildApp(ctx);
  // The route alone, with a stand-in for the session lookup (the real one is wired in buildApp: last test).
  app = Fastify();
  actors.set('author', await actorOf(ctx, 'author'));
  actors.set('disabled', await actorOf(ctx, 'editor', { status: 'disabled' }));
  registerPreviewRoute(app, ctx, async (req) => actors.get(String(req.headers['x-test-user'])) ?? null);
});
after(async () => {
  await app.close();
  await site.close();
  await ctx.store.close();
});

const preview = (id: number | string, user?: string) => app.inject({ url: `/newsroom/preview/${id}`, headers: user ? { 'x-test-user': user } : {} });

test('a draft and a scheduled article preview as the public page would render them, never cached nor indexed', async () => {
  const draft = await createArticle(ctx, { language: 'en', title: 'Unseen draft', bodyHtml: '<p>Secret text.</p>' }, SYSTEM);
  const later = await createArticle(ctx, { language: 'fr', title: 'Article programmé', bodyHtml: '<p>Bientôt.</p>' }, SYSTEM);
  await publishArticle(ctx, later.id, SYSTEM, '2026-04-01T00:00:00Z');
  assert.equal((await site.inject({ url: `/en/${draft.slug}` })).statusCode, 404);
  for (const [a, lang] of [[draft, 'en'], [later, 'fr']] as const) {
    const r = await preview(a.id, 'author');
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.equal(r.headers['x-robots-tag'], 'noindex, nofollow');
    assert.equal(r.headers['content-language'], lang);
    assert.match(String(r.headers['content-security-policy']), /script-src 'self'/);
    assert.match(r.body, /<meta name="robots" content="noindex, nofollow">/);
    assert.match(r.body, new RegExp(`<h1>${a.title}</h1>`));
  }
  assert.equal((await site.inject({ url: `/en/${draft.slug}` })).statusCode, 404, 'previewing put nothing in the public cache');
});

test('the preview is the public renderer’s output, byte for byte apart from the robots line', async () => {
  const a = await createArticle(ctx, { language: 'en', title: 'Live story', bodyHtml: '<p>Public.</p>', tags: ['Rivers'], status: 'published' }, SYSTEM);
  const pub = (await site.inject({ url: `/en/${a.slug}` })).body;
  const pre = (await preview(a.id, 'author')).body;
  assert.equal(pre.replace('\n<meta name="robots" content="noindex, nofollow">', ''), pub);
});

test('no session: 401; a disabled account: 403; an unknown or malformed id: 404', async () => {
  const a = await createArticle(ctx, { language: 'en', title: 'Guarded', bodyHtml: '<p>x</p>' }, SYSTEM);
  const anonymous = await preview(a.id);
  assert.equal(anonymous.statusCode, 401);
  assert.equal(anonymous.headers['cache-control'], 'no-store');
  assert.match(anonymous.json().error, /sign in/);
  assert.equal((await preview(a.id, 'disabled')).statusCode, 403);
  assert.equal((await preview(999999, 'author')).statusCode, 404);
  assert.equal((await preview('abc', 'author')).statusCode, 404);
});

test('the app serves the preview to a bearer token or a signed-in session, by the API’s own rule', async () => {
  const a = await createArticle(ctx, { language: 'en', title: 'Wired', bodyHtml: '<p>x</p>' }, SYSTEM);
  const { token } = await createApiToken(ctx.store.db, 'preview', ctx.now());
  assert.equal((await site.inject({ url: `/newsroom/preview/${a.id}` })).statusCode, 401);
  assert.equal((await site.inject({ url: `/newsroom/preview/${a.id}`, headers: { authorization: 'Bearer nope' } })).statusCode, 401);
  const ok = await site.inject({ url: `/newsroom/preview/${a.id}`, headers: { authorization: `Bearer ${token}` } });
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /<h1>Wired<\/h1>/);
});
