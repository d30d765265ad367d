// A cached article page as a real client gets it: over a socket, answered before Fastify (article-fast-path.ts)
// with the bytes and headers the Fastify route sent, the view counted the same way; misses, 304s, query strings
// and trailing slashes still go through Fastify, and an edit shows on the next request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openApiHarness } from '../api/test-app.ts';
import { createArticle, editArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { flushPageViews } from '../follow/page-views.ts';

const VARYING = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
const browser = (n: number) => `Mozilla/5.0 (X11; Linux x86_64; rv:${n}.0) Gecko/20100101 Firefox/${n}.0`;

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function get(port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', fail).end();
  });
}

const stable = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h).filter(([k]) => !VARYING.has(k)).sort());

test('a cached article over a socket: answered before Fastify, same answer, same counting, fresh after an edit', async (t) => {
  // The clock stands still: on a loaded machine a second could pass between two requests, and the version and
  // counts would then be re-read through Fastify (as they should), which would blur what is counted here.
  t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
  const h = await openApiHarness();
  let seenByFastify = 0;
  h.app.addHook('onRequest', (req, _reply, done) => {
    if (req.url.startsWith('/en/')) seenByFastify++;
    done();
  });
  try {
    const a = await createArticle(h.ctx, { language: 'en', title: 'Answered early', bodyHtml: '<p>The first text.</p>', status: 'published' }, SYSTEM);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (h.app.server.address() as AddressInfo).port;
    const url = `/en/${a.slug}`;
    const hit = (n: number, extra: Record<string, string> = {}, path = url, method = 'GET') => get(port, path, { 'user-agent': browser(n), ...extra }, method);

    const built = await hit(1);
    assert.equal(built.status, 200);
    assert.equal(seenByFastify, 1, 'the miss is built by the Fastify route');
    const early = await hit(2);
    assert.equal(early.body, built.body);
    assert.deepEqual(stable(early.headers), stable(built.headers), 'the same headers as the Fastify route');
    assert.equal(early.headers['content-length'], String(Buffer.byteLength(built.body)));
    assert.equal(early.headers.link, '<http://relais.test/webmention>; rel="webmention"');
    assert.match(String(early.headers['content-security-policy']), /^default-src 'self'/);
    assert.match(String(early.headers['cache-control']), /^public, max-age=60/);
    const head = await hit(3, {}, url, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    assert.deepEqual(stable(head.headers), stable(built.headers));
    assert.equal(seenByFastify, 1, 'the GET and the HEAD were answered before Fastify');

    // Declined: Fastify answers as it always did.
    const current = await hit(4, { 'if-none-match': String(built.headers.etag) });
    assert.equal(current.status, 304);
    assert.equal((await hit(2, {}, `${url}?utm_source=x`)).body, built.body);
    assert.equal((await hit(2, {}, `${url}/`)).body, built.body);
    assert.equal((await hit(2, {}, '/en/no-such-article')).status, 404);
    assert.equal(seenByFastify, 5);

    // Readers 1, 2 and 4 count (the 304 too, as on the Fastify route); the HEAD does not; 2 counts once.
    await flushPageViews(h.ctx);
    const rows = await h.ctx.store.db.selectFrom('daily_counts').select(['metric', 'count']).where('article_id', '=', a.id).execute();
    assert.deepEqual(rows.map((r) => [r.metric, Number(r.count)]), [['view', 3]]);

    await editArticle(h.ctx, a.id, { language: 'en', title: 'Answered early', bodyHtml: '<p>The second text.</p>' }, SYSTEM);
    const edited = await hit(5);
    assert.match(edited.body, /The second text\./);
    assert.notEqual(edited.headers.etag, built.headers.etag);
    assert.equal(seenByFastify, 6, 'the write made the next request rebuild through Fastify');
    assert.equal((await hit(6)).body, edited.body);
    assert.equal(seenByFastify, 6);
  } finally {
    await h.close();
  }
});
