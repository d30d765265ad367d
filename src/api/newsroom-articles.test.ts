import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness, type ApiHarness } from './test-app.ts';

let now = new Date('2026-03-01T12:00:00.000Z');
let h: ApiHarness;
before(async () => {
  h = await openApiHarness({ now: () => now });
});
after(async () => h.close());

const post = (url: string, body: unknown = {}) => h.call('POST', url, body);
const article = async (body: Record<string, unknown>) => {
  const r = await post('/api/articles', { language: 'en', bodyHtml: '<p>x</p>', ...body });
  assert.equal(r.statusCode, 201, r.body);
  return r.json();
};

test('the list filters by status, language, section, author, translator and dates, sorts, pages, and matches q', async () => {
  const section = (await post('/api/sections', { name: 'Rivers', slug: 'rivers' })).json();
  const writer = (await post('/api/people', { name: 'Wanda Writer' })).json();
  const translator = (await post('/api/people', { name: 'Theo Translator' })).json();
  now = new Date('2026-01-05T10:00:00.000Z');
  const a = await article({ title: 'Alpha flood', status: 'published', sectionIds: [section.id], authorIds: [writer.id] });
  now = new Date('2026-02-05T10:00:00.000Z');
  const b = await article({ title: 'Beta drought', language: 'fr', status: 'published', translatorIds: [translator.id], bodyHtml: '<p>Dry riverbeds</p>' });
  now = new Date('2026-03-01T12:00:00.000Z');
  const c = await article({ title: 'Gamma review', status: 'review', authorIds: [writer.id] });
  const ids = async (qs: string) => {
    const r = await h.call('GET', `/api/articles?${qs}`);
    assert.equal(r.statusCode, 200, r.body);
    return r.json().items.map((x: { id: number }) => x.id);
  };
  assert.deepEqual(await ids('status=review'), [c.id]);
  assert.deepEqual(await ids('language=fr'), [b.id]);
  assert.deepEqual(await ids('section=rivers'), [a.id]);
  assert.deepEqual(await ids(`section=${section.id}`), [a.id]);
  assert.deepEqual(await ids(`author=${writer.id}&sort=title`), [a.id, c.id]);
  assert.deepEqual(await ids(`translator=${translator.id}`), [b.id]);
  assert.deepEqual(await ids('from=2026-02-01&to=2026-02-28'), [b.id]);
  assert.deepEqual(await ids('from=2026-02-01&date=updated&sort=updated&order=asc'), [b.id, c.id]);
  assert.deepEqual(await ids('sort=title&order=desc&pageSize=2&page=1'), [c.id, b.id]);
  const page2 = (await h.call('GET', '/api/articles?sort=title&order=desc&pageSize=2&page=2')).json();
  assert.deepEqual([page2.items.map((x: { id: number }) => x.id), page2.total], [[a.id], 3]);
  assert.deepEqual(await ids('q=riverbeds'), [b.id]);
  assert.deepEqual(await ids('q=FLOOD%20alpha'), [a.id]);
  assert.deepEqual(await ids('q=nothing-like-it'), []);
  // Through the full-text index: accents and case do not matter (a LIKE match would miss this).
  const bishop = await article({ title: 'L’évêque de Lyon', language: 'fr' });
  assert.deepEqual(await ids('q=EVEQUE'), [bishop.id]);
  assert.deepEqual(await ids('q=eveque&status=draft&sort=title'), [bishop.id]);
  assert.deepEqual(await ids('q=eveque&status=published'), []);
  assert.deepEqual(await ids('q=%22dry%20riverbeds%22&language=fr'), [b.id]);
  assert.deepEqual(await ids('q=riverbed&language=en'), []);
  assert.equal((await h.call('GET', '/api/articles?sort=random')).statusCode, 400);
  assert.equal((await h.call('GET', '/api/articles?from=yesterday')).statusCode, 400);
});

test('PUT with the version loaded; a stale one is 409 with current, yours, the difference and the kept revision', async () => {
  const a = await article({ title: 'Versioned', bodyHtml: '<p>One two three.</p>' });
  assert.equal(a.version, 1);
  assert.equal(a.createdBy, null);
  assert.deepEqual(a.corrections, []);
  const ok = await h.call('PUT', `/api/articles/${a.id}`, { language: 'en', title: 'Versioned', bodyHtml: '<p>One two four.</p>', version: 1 });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().version, 2);
  const stale = await h.call('PUT', `/api/articles/${a.id}`, { language: 'en', title: 'Versioned!', bodyHtml: '<p>One five three.</p>', version: 1 });
  assert.equal(stale.statusCode, 409);
  const { error, conflict } = stale.json();
  assert.match(error, /changed by someone else/);
  assert.equal(conflict.current.version, 2);
  assert.equal(conflict.yours.title, 'Versioned!');
  assert.deepEqual(conflict.diff.fields, [{ field: 'title', before: 'Versioned', after: 'Versioned!' }]);
  assert.ok(conflict.diff.body.some((c: { op: string; text: string }) => c.op === 'insert' && c.text.includes('five')));
  const kept = (await h.call('GET', `/api/articles/${a.id}/revisions/${conflict.revisionId}`)).json();
  assert.equal(kept.kind, 'conflict');
  assert.equal(kept.snapshot.bodyHtml, '<p>One five three.</p>');
  // Restoring it names the version it restores over.
  assert.equal((await post(`/api/articles/${a.id}/revisions/${conflict.revisionId}/restore`, { version: 1 })).statusCode, 409);
  const restored = await post(`/api/articles/${a.id}/revisions/${conflict.revisionId}/restore`, { version: 2 });
  assert.equal(restored.statusCode, 200, restored.body);
  assert.equal(restored.json().title, 'Versioned!');
});

test('autosave answers {version, savedAt}; revisions list, one snapshot, and the diff between two', async () => {
  const a = await article({ title: 'Autosaved', bodyHtml: '<p>Draft.</p>' });
  const r = await post(`/api/articles/${a.id}/autosave`, { language: 'en', title: 'Autosaved', bodyHtml: '<p>Draft, more.</p>', version: 1 });
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(Object.keys(r.json()).sort(), ['live', 'revisionId', 'savedAt', 'version']);
  assert.equal(r.json().version, 2);
  assert.equal(r.json().savedAt, now.toISOString());
  assert.equal((await post(`/api/articles/${a.id}/autosave`, { language: 'en', title: 'x', bodyHtml: '<p>x</p>', version: 1 })).statusCode, 409);
  const revs = (await h.call('GET', `/api/articles/${a.id}/revisions`)).json();
  assert.deepEqual(revs.map((x: { kind: string }) => x.kind), ['conflict', 'autosave', 'save']);
  assert.deepEqual(Object.keys(revs[1]).sort(), ['actor', 'articleId', 'createdAt', 'id', 'kind', 'userId', 'userName', 'version']);
  assert.equal(revs[1].actor, 'token:test');
  const snap = (await h.call('GET', `/api/articles/${a.id}/revisions/${revs[2].id}`)).json();
  assert.equal(snap.snapshot.bodyHtml, '<p>Draft.</p>');
  const diff = (await h.call('GET', `/api/articles/${a.id}/diff?from=${revs[2].id}&to=${revs[1].id}`)).json();
  assert.deepEqual(diff, { fields: [], body: [{ op: 'equal', text: 'Draft' }, { op: 'insert', text: ', more' }, { op: 'equal', text: '.' }] });
  assert.equal((await h.call('GET', `/api/articles/${a.id}/revisions/999999`)).statusCode, 404);
  assert.equal((await h.call('GET', `/api/articles/999999/revisions`)).statusCode, 404);
});

test('publish, unpublish, submit, corrections and bulk over HTTP', async () => {
  const a = await article({ title: 'Workflow' });
  assert.equal((await post(`/api/articles/${a.id}/submit`)).json().status, 'review');
  assert.equal((await post(`/api/articles/${a.id}/corrections`, { text: 'Too early.' })).statusCode, 409);
  assert.equal((await post(`/api/articles/${a.id}/publish`)).json().status, 'published');
  const c = await post(`/api/articles/${a.id}/corrections`, { text: 'The title was wrong.' });
  assert.equal(c.statusCode, 201);
  assert.deepEqual(Object.keys(c.json()).sort(), ['at', 'id', 'text']);
  assert.deepEqual((await h.call('GET', `/api/articles/${a.id}`)).json().corrections, [c.json()]);
  assert.equal((await post(`/api/articles/${a.id}/corrections`, {})).statusCode, 400);
  assert.equal((await post(`/api/articles/${a.id}/unpublish`)).json().status, 'draft');
  assert.equal((await post(`/api/articles/${a.id}/unpublish`)).statusCode, 409);
  const b = await article({ title: 'Bulk two' });
  const bulk = await post('/api/articles/bulk', { ids: [a.id, b.id, 999999], action: 'publish' });
  assert.equal(bulk.statusCode, 200);
  assert.deepEqual(bulk.json().done, [a.id, b.id]);
  assert.deepEqual(bulk.json().refused.map((x: { id: number; status: number }) => [x.id, x.status]), [[999999, 404]]);
  const moved = await post('/api/articles/bulk', { ids: [a.id], action: 'move', sectionIds: [] });
  assert.deepEqual(moved.json(), { done: [a.id], refused: [] });
  assert.equal((await post('/api/articles/bulk', { ids: [a.id], action: 'shred' })).statusCode, 400);
  assert.equal((await post('/api/articles/bulk', { ids: [], action: 'delete' })).statusCode, 400);
});

test('slugs are checked and suggested, tags completed, pasted HTML sanitised, the imported original served', async () => {
  const taken = await article({ title: 'Same Title' });
  const slug = (qs: string) => h.call('GET', `/api/slugs?${qs}`).then((r) => r.json());
  assert.deepEqual(await slug('language=en&slug=Same%20Title'), { slug: 'same-title', available: false, suggestion: 'same-title-2' });
  assert.deepEqual(await slug(`language=en&slug=same-title&except=${taken.id}`), { slug: 'same-title', available: true, suggestion: 'same-title' });
  assert.deepEqual(await slug('language=fr&slug=same-title'), { slug: 'same-title', available: true, suggestion: 'same-title' });
  assert.equal((await h.call('GET', '/api/slugs?language=english&slug=x')).statusCode, 400);

  await article({ title: 'Tagged 1', tags: ['Élections', 'Rivers'] });
  await article({ title: 'Tagged 2', tags: ['Élections'] });
  const tags = (await h.call('GET', '/api/tags?q=elec')).json();
  assert.deepEqual(tags, [{ slug: 'elections', name: 'Élections', count: 2 }]);
  assert.ok((await h.call('GET', '/api/tags')).json().length >= 2);

  const clean = await post('/api/sanitize', { html: '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">l</a></p>' });
  assert.equal(clean.statusCode, 200);
  assert.doesNotMatch(clean.json().html, /script|onclick|javascript/);
  assert.match(clean.json().html, /^<p>Hi/);

  const imported = await post('/api/imports', {
    html: '<html lang="en"><head><title>Kept original</title></head><body><article><h1>Kept original</h1><p>' + 'Words of the original story. '.repeat(20) + '</p></article></body></html>',
    url: 'https://outlet.example/kept',
  });
  assert.equal(imported.statusCode, 201, imported.body);
  const original = (await h.call('GET', `/api/articles/${imported.json().articleId}/original`)).json();
  assert.equal(original.url, 'https://outlet.example/kept');
  assert.match(original.html, /Words of the original story/);
  assert.match(original.text, /Words of the original story/);
  assert.equal(typeof original.fetchedAt, 'string');
  assert.equal((await h.call('GET', `/api/articles/${taken.id}/original`)).statusCode, 404);
  const revs = (await h.call('GET', `/api/articles/${imported.json().articleId}/revisions`)).json();
  assert.deepEqual(revs.map((r: { kind: string }) => r.kind), ['import']);
});
