// "Mentioned by" on the public page: only verified and approved webmentions, escaped, links nofollow ugc,
// no javascript: link; approving one rebuilds the cached page and re-signs it (it still verifies, and the
// manifest URL serves the new store), a CDN in front is asked to drop the page; withdrawing it takes it off again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openApiHarness } from '../../api/test-app.ts';
import { embeddedStore } from '../../c2pa/html.ts';
import { policyOf } from '../../cdn/index.ts';
import { testCredentials } from '../../c2pa/test-support.ts';
import { verifyAsset } from '../../c2pa/verify.ts';
import { runFollowJobsOnce } from '../worker.ts';

test('approved webmentions show on the signed article page, and only those', async () => {
  const pages = new Map<string, string>();
  const server = createServer((req, res) => res.writeHead(pages.has(req.url!) ? 200 : 404, { 'content-type': 'text/html' }).end(pages.get(req.url!) ?? ''));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const h = await openApiHarness({ fetchAllow: [new URL(origin).host] });
  const cred = await testCredentials(h.ctx.site.name);
  h.ctx.credentials = cred.credentials;
  const purged: string[] = [];
  h.ctx.cdn = { policy: policyOf(h.ctx.cdn), purge: (keys) => void purged.push(...keys) };
  try {
    const a = (await h.call('POST', '/api/articles', { language: 'fr', title: 'Marées', bodyHtml: '<p>Texte.</p>', status: 'published' })).json();
    const target = `http://relais.test/fr/${a.slug}`;
    const entry = (name: string, author: string) =>
      `<article class="h-entry"><h1 class="p-name">${name}</h1>${author}<time class="dt-published" datetime="2026-11-30T10:00:00Z">30</time><a href="${target}">Relais</a></article>`;
    pages.set('/a', entry('Sur les &lt;b&gt;marées&lt;/b&gt; &amp; "vagues"', '<a class="p-author h-card" href="https://jo.example/">Jo Martin</a>'));
    pages.set('/b', entry('Un autre billet', '<a class="p-author h-card" href="javascript:alert(1)">Mallory</a>'));
    pages.set('/c', entry('Pourriel', ''));
    const post = (source: string) => h.app.inject({ method: 'POST', url: '/webmention', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ source, target }).toString() });
    for (const p of ['/a', '/b', '/c']) assert.equal((await post(origin + p)).statusCode, 202);
    await runFollowJobsOnce(h.ctx, h.ctx.fetcher!);
    const list = (await h.call('GET', `/api/articles/${a.id}/webmentions`)).json().webmentions as Array<{ id: number; source: string; verification: string }>;
    const id = (p: string) => list.find((m) => m.source === origin + p)!.id;
    assert.ok(list.every((m) => m.verification === 'verified'));

    const page = () => h.app.inject(`/fr/${a.slug}`);
    const before = await page();
    assert.doesNotMatch(before.body, /Mentionné par/);
    const intact = async (bytes: Buffer) => (await verifyAsset({ bytes, mimeType: 'text/html', trustAnchors: cred.credentials.anchors })).status;
    assert.equal(await intact(before.rawPayload), 'intact');

    purged.length = 0;
    for (const [p, moderation] of [['/a', 'approved'], ['/b', 'approved'], ['/c', 'spam']] as const)
      assert.equal((await h.call('PUT', `/api/webmentions/${id(p)}`, { moderation })).statusCode, 200);
    assert.deepEqual(purged, [`article-${a.id}`, `article-${a.id}`, `article-${a.id}`], 'a CDN in front drops the page');
    const after = await page();
    assert.notEqual(after.headers.etag, before.headers.etag);
    const block = /<section class="mentions"[\s\S]*?<\/section>/.exec(after.body)?.[0] ?? '';
    assert.match(block, /<h2 id="mentions-heading">Mentionné par<\/h2>/);
    assert.match(block, new RegExp(`<a href="${origin}/a" rel="nofollow ugc">Sur les &lt;b&gt;marées&lt;/b&gt; &amp; &quot;vagues&quot;</a>`));
    assert.match(block, /par <a href="https:\/\/jo.example\/" rel="nofollow ugc">Jo Martin<\/a>, <time datetime="2026-11-30T10:00:00Z">/);
    assert.match(block, /par Mallory/);
    assert.doesNotMatch(block, /javascript:|Pourriel/);
    assert.equal(await intact(after.rawPayload), 'intact', 'the page was signed again with its list');
    const store = await h.app.inject(`/c2pa/articles/${a.id}.c2pa`);
    assert.deepEqual(new Uint8Array(store.rawPayload), embeddedStore(after.rawPayload)!.store);

    for (const p of ['/a', '/b']) await h.call('PUT', `/api/webmentions/${id(p)}`, { moderation: 'pending' });
    const withdrawn = await page();
    assert.doesNotMatch(withdrawn.body, /Mentionné par/);
    assert.equal(withdrawn.rawPayload.length, before.rawPayload.length);
    assert.equal(await intact(withdrawn.rawPayload), 'intact');
  } finally {
    await h.close();
    server.close();
  }
});
