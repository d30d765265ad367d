// Content Credentials on the demo site, SQLite or PostgreSQL: every published page is signed as served and
// verifies (ours; c2pa-rs when installed), the tampered set is rejected, the translation chain shows hop by
// hop, share counts change without breaking the signature, the manifest URL and the text form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { AppContext } from '../context.ts';
import type { Article } from '../domain/types.ts';
import { initDemo } from '../demo/index.ts';
import { openTestContext } from '../publish/test-context.ts';
import { isVisible } from '../publish/articles.ts';
import { queryArticles } from '../store/articles.ts';
import { recordShareClick } from '../store/counters.ts';
import { createApiToken } from '../store/tokens.ts';
import { resolveCredits } from '../provenance/credits.ts';
import { urls } from '../domain/urls.ts';
import { embeddedStore } from '../c2pa/html.ts';
import { verifyAsset } from '../c2pa/verify.ts';
import { signedArticleText } from '../c2pa/article-text.ts';
import { C2PA_NODE_SKIP, c2paRs, loadC2paNode, testCredentials } from '../c2pa/test-support.ts';

const NOW = new Date('2026-05-15T09:00:00Z');
let ctx: AppContext;
let app: FastifyInstance;
let anchors: string[];
let published: Article[];
const pages = new Map<number, Buffer>();
const node = await loadC2paNode();

before(async () => {
  ctx = await openTestContext({ now: () => NOW });
  await initDemo(ctx);
  const t = await testCredentials(ctx.site.name);
  ctx.credentials = t.credentials;
  anchors = t.credentials.anchors;
  app = await buildApp(ctx);
  published = (await queryArticles(ctx.store.db, { limit: 1000, offset: 0 })).items.filter((a) => a.status === 'published' && isVisible(a, NOW));
  for (const a of published) {
    const res = await app.inject({ url: `/${a.language}/${a.slug}` });
    assert.equal(res.statusCode, 200, a.slug);
    pages.set(a.id, res.rawPayload);
  }
});
after(async () => {
  await app.close();
  await ctx.store.close();
});

const ours = (bytes: Buffer, store?: Uint8Array) => verifyAsset({ bytes, mimeType: 'text/html', trustAnchors: anchors, store });

test('every published demo article is served signed, and our verifier finds it intact', async () => {
  assert.ok(published.length >= 30, `${published.length} published`);
  for (const a of published) {
    const v = await ours(pages.get(a.id)!);
    assert.equal(v.status, 'intact', `${a.slug}: ${v.summary} ${JSON.stringify(v.failures)}`);
  }
});

test('the manifest URL serves the embedded store as application/c2pa', async () => {
  const a = published[0];
  const res = await app.inject({ url: `/c2pa/articles/${a.id}.c2pa` });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/c2pa');
  assert.deepEqual(new Uint8Array(res.rawPayload), embeddedStore(pages.get(a.id)!)!.store);
  assert.equal((await app.inject({ url: '/c2pa/articles/999999.c2pa' })).statusCode, 404);
});

test('share counts change without an edit: the page still verifies', async () => {
  const a = published[0];
  for (const reader of ['r1', 'r2', 'r3']) await recordShareClick(ctx.store.db, { articleId: a.id, network: 'facebook', reader, now: NOW, windowSeconds: 60 });
  const res = await app.inject({ url: `/${a.language}/${a.slug}` });
  assert.match(res.body, /data-network="facebook">3</);
  assert.equal((await ours(res.rawPayload)).status, 'intact');
  assert.equal(res.rawPayload.length, pages.get(a.id)!.length, 'the share bar keeps its reserved size');
});

function tampered(a: Article, b: Article): Record<string, Buffer> {
  const t = pages.get(a.id)!.toString();
  const script = /<script type="application\/c2pa">[^<]*<\/script>/;
  const credit = /<p class="byline">[\s\S]*?<\/p>|<section class="credits"[\s\S]*?<\/p>/.exec(t)![0];
  return {
    'a character changed': Buffer.from(t.replace(/(<div class="article-body">[\s\S]*?<p>)(.)/, (_, p, c) => p + (c === 'X' ? 'Y' : 'X'))),
    'a paragraph removed': Buffer.from(t.replace(/(<div class="article-body">[\s\S]*?)<p>[\s\S]*?<\/p>/, '$1')),
    'the credit changed': Buffer.from(t.replace(credit, credit.replace(/>([^<]{3})/, '>Quelqu’un d’autre $1'))),
    'a manifest moved onto another article': Buffer.from(pages.get(b.id)!.toString().replace(script, () => script.exec(t)![0])),
  };
}

test('the tampered set is rejected 100% by our verifier', async () => {
  let n = 0;
  for (let i = 0; i < published.length; i++) {
    for (const [name, bytes] of Object.entries(tampered(published[i], published[(i + 1) % published.length]))) {
      assert.notEqual(bytes.toString(), pages.get(published[i].id)!.toString(), `${name} changed nothing`);
      const v = await ours(bytes);
      assert.ok(v.status === 'changed' || v.status === 'signature-broken', `${published[i].slug}, ${name}: ${v.status}`);
      n++;
    }
  }
  assert.equal(n, published.length * 4);
});

test('c2pa-rs: every page trusted with a matching hash, every tampered variant a mismatch', { skip: !node && C2PA_NODE_SKIP }, async () => {
  for (let i = 0; i < published.length; i++) {
    const a = published[i];
    const page = pages.get(a.id)!;
    const store = embeddedStore(page)!.store;
    assert.deepEqual(await c2paRs(node!, anchors, store, page, 'text/html'), { state: 'Trusted', failures: [] }, a.slug);
    for (const [name, bytes] of Object.entries(tampered(a, published[(i + 1) % published.length]))) {
      const r = await c2paRs(node!, anchors, embeddedStore(bytes)!.store, bytes, 'text/html');
      assert.ok(r.state !== 'Trusted' && r.failures.some((f) => /dataHash\.mismatch/.test(f)), `${a.slug}, ${name}: ${r.state} ${r.failures}`);
    }
  }
});

test('a translation shows as signed hops back to its original, on the verify page too', async () => {
  let translation: Article | null = null;
  for (const a of published) {
    const c = await resolveCredits(ctx.store.db, ctx.site, a);
    if (c.isTranslation && c.source?.articleId != null) translation = a;
  }
  assert.ok(translation, 'the demo has a translation of one of its own articles');
  const v = await ours(pages.get(translation.id)!);
  assert.ok(v.hops.length >= 2, `${v.hops.length} hops`);
  assert.ok(v.hops[0].actions.some((x) => x.action === 'c2pa.translated'));
  assert.ok(v.hops[1].signer?.trusted && v.hops[1].signatureValid, 'the original is a signed hop');
  // The earlier hop is named by its own manifest (the ingredient repeats neither title nor URL).
  const original = published.find((a) => urls.article(ctx.site, a) === v.hops[1].url);
  assert.ok(original, `the earlier hop's URL is an article of this site: ${v.hops[1].url}`);
  assert.equal(v.hops[1].title, original.title);
  assert.equal(v.hops[0].title, translation.title);

  const { text } = await signedArticleText(ctx, translation.id);
  const res = await app.inject({ method: 'POST', url: '/verify?lang=en', payload: new URLSearchParams({ text }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /data-status="intact"/);
  assert.ok((res.body.match(/class="c2pa-hop"/g) ?? []).length >= 2);
  assert.match(res.body, /c2pa\.translated/);
  const broken = await app.inject({ method: 'POST', url: '/verify', payload: new URLSearchParams({ text: text.replace(/\p{L}/u, 'Q') }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.match(broken.body, /changed after signing/);
  assert.equal((await app.inject({ url: '/verify' })).statusCode, 200);
});

test('the API gives the text form with its wrapper; it verifies, and a too long paste is refused clearly', async () => {
  const { token } = await createApiToken(ctx.store.db, 'c2pa-test', NOW);
  const a = published[1];
  const res = await app.inject({ url: `/api/articles/${a.id}/text`, headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^text\/plain/);
  assert.ok(res.body.startsWith(a.title));
  assert.ok(res.body.includes('\uFEFF'));
  const v = await verifyAsset({ bytes: res.rawPayload, mimeType: 'text/plain', trustAnchors: anchors });
  assert.equal(v.status, 'intact', v.summary);
  const long = await app.inject({ method: 'POST', url: '/verify', payload: new URLSearchParams({ text: 'x'.repeat(300 * 1024) }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /longer than 256 KB/);
});
