// Webmention both ways on loopback: a mention verified (h-entry author and date read), one refused (no
// link back), the endpoint advertised and bounded; sending on publish with endpoint discovery.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openApiHarness } from '../../api/test-app.ts';
import { runFollowJobsOnce } from '../worker.ts';
import { relInHtml } from './discover.ts';

type Page = { status?: number; headers?: Record<string, string>; body: string };
function serve(pages: Map<string, Page>, posts: Array<{ path: string; body: string }>): Promise<Server> {
  const s = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.method === 'POST') {
        posts.push({ path: req.url ?? '', body });
        return res.writeHead(202).end();
      }
      const p = pages.get(req.url ?? '');
      if (!p) return res.writeHead(404).end();
      res.writeHead(p.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...p.headers }).end(p.body);
    });
  });
  return new Promise((ok) => s.listen(0, '127.0.0.1', () => ok(s.unref())));
}

test('received webmentions: one verified, one refused', async () => {
  const pages = new Map<string, Page>();
  const server = await serve(pages, []);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const h = await openApiHarness({ fetchAllow: [new URL(origin).host] });
  try {
    const a = (await h.call('POST', '/api/articles', { language: 'en', title: 'Tide tables', bodyHtml: '<p>Text.</p>', status: 'published' })).json();
    const target = `http://relais.test/en/${a.slug}`;

    const page = await h.app.inject(`/en/${a.slug}`);
    assert.equal(page.headers.link, '<http://relais.test/webmention>; rel="webmention"');
    assert.equal(relInHtml(page.body, 'webmention', target), 'http://relais.test/webmention');

    pages.set('/reply', {
      body: `<html><body><article class="h-entry"><h1 class="p-name">On tides</h1>
        <a class="p-author h-card" href="https://jo.example/">Jo Martin</a>
        <time class="dt-published" datetime="2026-11-30T10:00:00Z">30 Nov</time>
        <p class="e-content">As <a href="${target}">Relais wrote</a>, the tide…</p></article></body></html>`,
    });
    pages.set('/nolink', { body: '<html><body><p>Nothing to see.</p></body></html>' });

    const post = (source: string, t = target) => h.app.inject({ method: 'POST', url: '/webmention', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ source, target: t }).toString() });
    const ok = await post(`${origin}/reply`);
    assert.equal(ok.statusCode, 202, ok.body);
    assert.equal((await post(`${origin}/nolink`)).statusCode, 202);
    // Refused at once: not one of our pages, or not a URL.
    assert.equal((await post(`${origin}/reply`, 'https://elsewhere.example/a')).statusCode, 400);
    assert.equal((await post('javascript:alert(1)')).statusCode, 400);
    assert.equal((await h.app.inject({ method: 'POST', url: '/webmention', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'source=' + 'x'.repeat(5000) })).statusCode, 413);

    await runFollowJobsOnce(h.ctx, h.ctx.fetcher!);
    const list = (await h.call('GET', `/api/articles/${a.id}/webmentions`)).json().webmentions as Array<Record<string, any>>;
    const verified = list.find((m) => m.source === `${origin}/reply`)!;
    const refused = list.find((m) => m.source === `${origin}/nolink`)!;
    assert.equal(verified.verification, 'verified');
    assert.deepEqual(verified.author, { name: 'Jo Martin', url: 'https://jo.example/' });
    assert.equal(verified.published, '2026-11-30T10:00:00Z');
    assert.equal(verified.title, 'On tides');
    assert.equal(refused.verification, 'refused');
    assert.equal(refused.refusal, 'the source does not link to the target');

    const mod = await h.call('PUT', `/api/webmentions/${verified.id}`, { moderation: 'approved' });
    assert.equal(mod.json().moderation, 'approved');
    assert.equal((await h.call('PUT', `/api/webmentions/${refused.id}`, { moderation: 'maybe' })).statusCode, 400);
    assert.equal((await h.call('GET', '/api/webmentions?moderation=approved')).json().webmentions.length, 1);
  } finally {
    await h.close();
    server.close();
  }
});

test('publishing sends webmentions to the linked pages, original included', async () => {
  const pages = new Map<string, Page>();
  const posts: Array<{ path: string; body: string }> = [];
  const server = await serve(pages, posts);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pages.set('/original', { headers: { link: '</wm-header>; rel="webmention"' }, body: '<p>original</p>' });
  pages.set('/cited', { body: '<html><head></head><body><a rel="webmention" href="/wm-a">wm</a></body></html>' });
  pages.set('/silent', { body: '<p>no endpoint</p>' });
  const h = await openApiHarness({ fetchAllow: [new URL(origin).host] });
  try {
    const created = await h.call('POST', '/api/articles', {
      language: 'en',
      title: 'Translated tides',
      bodyHtml: `<p>See <a href="${origin}/cited">this</a> and <a href="${origin}/silent">that</a> and <a href="http://relais.test/en/other">ours</a>.</p>`,
      provenance: { original: { url: `${origin}/original`, title: 'Original' } },
    });
    assert.equal(created.statusCode, 201, created.body);
    const a = created.json();
    await runFollowJobsOnce(h.ctx, h.ctx.fetcher!);
    assert.equal(posts.length, 0, 'a draft mentions nobody');
    assert.equal((await h.call('POST', `/api/articles/${a.id}/publish`, {})).statusCode, 200);
    await runFollowJobsOnce(h.ctx, h.ctx.fetcher!);
    const source = `http://relais.test/en/${a.slug}`;
    assert.deepEqual(
      posts.map((p) => [p.path, Object.fromEntries(new URLSearchParams(p.body))]).sort(),
      [
        ['/wm-a', { source, target: `${origin}/cited` }],
        ['/wm-header', { source, target: `${origin}/original` }],
      ],
    );
    const sent = await h.ctx.store.db.selectFrom('webmentions_sent').select(['target', 'status']).orderBy('target').execute();
    assert.deepEqual(sent.map((s) => s.status), ['http 202', 'http 202', 'no endpoint']);
  } finally {
    await h.close();
    server.close();
  }
});
