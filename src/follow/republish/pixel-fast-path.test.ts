// The pixel as a real client gets it: over a socket, answered before Fastify (pixel-fast-path.ts), with the
// same bytes and headers as the Fastify route and the same counting (once a day per reader, no bots, no HEAD,
// no prefetch, no forged token); whatever the fast path declines still reaches Fastify.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openApiHarness } from '../../api/test-app.ts';
import { PIXEL_GIF } from './pixel-hit.ts';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const WHERE = 'https://republisher.example/news/river';
const VARYING = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

function get(port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail).end();
  });
}

const stable = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h).filter(([k]) => !VARYING.has(k)).sort());

test('the pixel over a socket: answered before Fastify, same answer, same counting', async () => {
  const h = await openApiHarness();
  let seenByFastify = 0;
  h.app.addHook('onRequest', (req, _reply, done) => {
    if (req.url.startsWith('/px/')) seenByFastify++;
    done();
  });
  try {
    const a = (await h.call('POST', '/api/articles', { language: 'en', title: 'River rises', bodyHtml: '<p>The river rose.</p>', status: 'published' })).json();
    assert.equal((await h.call('PUT', `/api/articles/${a.id}/licence`, { licence: 'CC-BY-4.0' })).statusCode, 200);
    const kit = (await h.app.inject(`/en/${a.slug}/republish`)).body;
    const pixel = kit.match(/http:\/\/relais\.test(\/px\/[0-9a-z]+\.[0-9A-Za-z]+\.[A-Za-z0-9_-]+\.gif)/)![1];
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (h.app.server.address() as AddressInfo).port;
    const hit = (ua: string, extra: Record<string, string> = {}, path = pixel, method = 'GET') => get(port, path, { 'user-agent': ua, referer: WHERE, ...extra }, method);

    const first = await hit(CHROME);
    assert.equal(first.status, 200);
    assert.deepEqual(first.body, PIXEL_GIF);
    const viaFastify = await h.app.inject({ url: pixel, headers: { 'user-agent': 'curl/8.5.0' } });
    assert.deepEqual(stable(first.headers), stable(viaFastify.headers), 'the same headers as the Fastify route');
    assert.equal(first.headers['cache-control'], 'no-store');
    assert.equal(first.headers['x-content-type-options'], 'nosniff');
    assert.equal(first.headers['set-cookie'], undefined);

    await hit(CHROME); // the same reader the same day
    await hit(CHROME, {}, `${pixel}?cb=1`); // a cache-buster changes nothing
    await hit('facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)');
    await hit('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)');
    await hit(FIREFOX, { 'sec-purpose': 'prefetch' });
    const head = await hit(FIREFOX, {}, pixel, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String(PIXEL_GIF.length));
    assert.equal(head.body.length, 0);
    const forged = pixel.replace(/\.([A-Za-z0-9_-]{22})\.gif$/, (_m, sig: string) => `.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}.gif`);
    assert.deepEqual((await hit(FIREFOX, {}, forged)).body, PIXEL_GIF);
    assert.deepEqual((await hit(FIREFOX, {}, '/px/nonsense.gif')).body, PIXEL_GIF);
    assert.equal(seenByFastify, 1, 'only the inject() went through Fastify');

    // Declined: Fastify answers as it always did.
    assert.equal((await hit(FIREFOX, {}, pixel.replace(/\.gif$/, '%2Egif'))).status, 200);
    assert.equal((await hit(FIREFOX, {}, pixel, 'POST')).status, 404);
    assert.equal((await hit(FIREFOX, {}, '/px/a/b.gif')).status, 404);
    assert.equal(seenByFastify, 4);

    const reps = (await h.call('GET', `/api/articles/${a.id}/republishers`)).json().republishers;
    assert.deepEqual(reps.map((r: { pageUrl: string; views: number }) => [r.pageUrl, r.views]), [[WHERE, 2]], 'Chrome once, and the %2E hit Fastify counted for Firefox');
  } finally {
    await h.close();
  }
});
