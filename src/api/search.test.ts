import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness, type ApiHarness } from './test-app.ts';

let h: ApiHarness;
before(async () => {
  h = await openApiHarness();
});
after(async () => h.close());

test('GET /api/search finds drafts and published articles, with snippets', async () => {
  const draft = (await h.call('POST', '/api/articles', { language: 'fr', title: 'Les évêques en synode', bodyHtml: '<p>Réunion à Rome des évêques.</p>' })).json();
  const pub = (await h.call('POST', '/api/articles', { language: 'fr', title: 'Un évêque nommé', bodyHtml: '<p>Texte.</p>', status: 'published' })).json();
  const r = await h.call('GET', '/api/search?q=eveque');
  assert.equal(r.statusCode, 200);
  const body = r.json();
  assert.equal(body.total, 2);
  assert.equal(body.page, 1);
  assert.equal(body.pageSize, 20);
  assert.deepEqual(body.items.map((i: { id: number }) => i.id).sort(), [draft.id, pub.id].sort());
  const d = body.items.find((i: { id: number }) => i.id === draft.id);
  assert.equal(d.status, 'draft');
  assert.equal(d.snippet, 'Réunion à Rome des <mark>évêques</mark>.');
  assert.equal(d.titleHtml, 'Les <mark>évêques</mark> en synode');
  assert.equal(typeof d.score, 'number');
  assert.match(d.url, /\/fr\/les-eveques-en-synode$/);
  const published = (await h.call('GET', '/api/search?q=eveque&status=published')).json();
  assert.deepEqual(published.items.map((i: { id: number }) => i.id), [pub.id]);
  const en = (await h.call('GET', '/api/search?q=eveque&language=en')).json();
  assert.equal(en.total, 0);
  const page2 = (await h.call('GET', '/api/search?q=eveque&page=2&pageSize=1')).json();
  assert.equal(page2.items.length, 1);
});

test('GET /api/search: bad queries are 400 with a message on q, hostile ones are words', async () => {
  for (const q of ['', '%20%20', '***', '%22', 'x'.repeat(201)]) {
    const r = await h.call('GET', `/api/search?q=${q}`);
    assert.equal(r.statusCode, 400, q);
    assert.ok(r.json().error, q);
  }
  assert.equal((await h.call('GET', '/api/search')).statusCode, 400);
  assert.equal((await h.call('GET', '/api/search?q=x&pageSize=101')).statusCode, 400);
  for (const q of ['NEAR(a', 'a*', '"x', 'title:x', '(x OR', "'; DROP TABLE articles; --"]) {
    const r = await h.call('GET', `/api/search?q=${encodeURIComponent(q)}`);
    assert.equal(r.statusCode, 200, q);
  }
});

test('GET /api/search needs a token', async () => {
  const r = await h.app.inject({ method: 'GET', url: '/api/search?q=eveque' });
  assert.equal(r.statusCode, 401);
});
