import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness, type ApiHarness } from './test-app.ts';
import { recordCopy, recordCopyVisit, recordShareClick } from '../store/counters.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
let h: ApiHarness;
before(async () => {
  h = await openApiHarness({ now: () => NOW });
});
after(async () => h.close());

test('every API route refuses a request without a valid token, with a clear JSON error', async () => {
  for (const [method, url] of [
    ['GET', '/api/articles'],
    ['POST', '/api/articles'],
    ['GET', '/api/people/1'],
    ['PUT', '/api/sections/1'],
    ['DELETE', '/api/articles/1'],
    ['GET', '/api'],
  ]) {
    const missing = await h.call(method, url, undefined, { authorization: '' });
    assert.equal(missing.statusCode, 401, `${method} ${url}`);
    assert.match(missing.json().error, /sign in, or send an API token/);
    assert.match(String(missing.headers['www-authenticate']), /^Bearer/);
    const wrong = await h.call(method, url, undefined, { authorization: 'Bearer rl_not-a-real-token' });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error, 'the API token is not valid');
    const basic = await h.call(method, url, undefined, { authorization: 'Basic dXNlcjpwYXNz' });
    assert.equal(basic.statusCode, 401);
  }
  // The same request with the token goes through (lower-case scheme accepted too).
  const ok = await h.call('GET', '/api/articles', undefined, { authorization: `bearer ${h.token}` });
  assert.equal(ok.statusCode, 200);
});

test('creates, reads, updates, lists and deletes an article', async () => {
  const section = (await h.call('POST', '/api/sections', { name: 'Town life', slug: 'town', names: { fr: 'Vie locale', en: 'Town life' } })).json();
  const author = (await h.call('POST', '/api/people', { name: 'Jo Writer', bio: 'Writes.' })).json();
  const created = await h.call('POST', '/api/articles', {
    language: 'en',
    title: 'Bridge repainted',
    summary: 'Blue again.',
    bodyHtml: '<p>The bridge is blue again.</p>',
    sections: ['town'],
    tags: ['Bridges', 'Paint'],
    authorIds: [author.id],
  });
  assert.equal(created.statusCode, 201);
  const a = created.json();
  assert.equal(created.headers.location, `/api/articles/${a.id}`);
  assert.equal(a.slug, 'bridge-repainted');
  assert.equal(a.status, 'draft');
  assert.deepEqual(a.sectionIds, [section.id]);
  assert.deepEqual(a.authorIds, [author.id]);

  const got = (await h.call('GET', `/api/articles/${a.id}`)).json();
  assert.equal(got.title, 'Bridge repainted');
  assert.deepEqual(got.tags, ['Bridges', 'Paint']);

  const put = await h.call('PUT', `/api/articles/${a.id}`, {
    language: 'en',
    title: 'Bridge repainted in blue',
    bodyHtml: '<p>Blue.</p>',
    sectionIds: [section.id],
    tags: ['Bridges'],
    authorIds: [author.id],
  });
  assert.equal(put.statusCode, 200);
  assert.equal(put.json().title, 'Bridge repainted in blue');
  assert.equal(put.json().slug, 'bridge-repainted', 'the slug stays when not given');
  assert.deepEqual((await h.call('GET', `/api/articles/${a.id}`)).json().tags, ['Bridges']);

  await h.call('POST', '/api/articles', { language: 'fr', title: 'Le pont', bodyHtml: '<p>Bleu.</p>', status: 'published' });
  const enDrafts = (await h.call('GET', '/api/articles?status=draft&language=en')).json();
  assert.deepEqual(enDrafts.items.map((x: { id: number }) => x.id), [a.id]);
  const fr = (await h.call('GET', '/api/articles?language=fr')).json();
  assert.equal(fr.total, 1);
  assert.equal(fr.items[0].status, 'published');
  const bySection = (await h.call('GET', '/api/articles?section=town')).json();
  assert.equal(bySection.total, 1);
  const byTag = (await h.call('GET', '/api/articles?tag=bridges')).json();
  assert.equal(byTag.total, 1);

  assert.equal((await h.call('DELETE', `/api/articles/${a.id}`)).statusCode, 204);
  assert.equal((await h.call('GET', `/api/articles/${a.id}`)).statusCode, 404);
  assert.equal((await h.call('DELETE', `/api/articles/${a.id}`)).statusCode, 404);
});

test('pages through the list', async () => {
  for (let i = 0; i < 5; i++) await h.call('POST', '/api/articles', { language: 'de', title: `Seite ${i}`, bodyHtml: '<p>x</p>' });
  const p1 = (await h.call('GET', '/api/articles?language=de&pageSize=2&page=1')).json();
  const p3 = (await h.call('GET', '/api/articles?language=de&pageSize=2&page=3')).json();
  assert.equal(p1.total, 5);
  assert.equal(p1.items.length, 2);
  assert.equal(p3.items.length, 1);
  assert.equal(p3.page, 3);
  const bad = await h.call('GET', '/api/articles?page=0');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().field, 'page');
  assert.equal((await h.call('GET', '/api/articles?pageSize=1000')).json().field, 'pageSize');
});

test('publishes now, or schedules for later', async () => {
  const a = (await h.call('POST', '/api/articles', { language: 'en', title: 'Fair opens', bodyHtml: '<p>x</p>' })).json();
  const now = await h.call('POST', `/api/articles/${a.id}/publish`);
  assert.equal(now.statusCode, 200);
  assert.equal(now.json().status, 'published');
  assert.equal(now.json().publishedAt, NOW.toISOString());

  const b = (await h.call('POST', '/api/articles', { language: 'en', title: 'Fair closes', bodyHtml: '<p>x</p>' })).json();
  const later = await h.call('POST', `/api/articles/${b.id}/publish`, { at: '2026-04-01T08:00:00+02:00' });
  assert.equal(later.json().status, 'scheduled');
  assert.equal(later.json().publishedAt, '2026-04-01T06:00:00.000Z');
  assert.equal((await h.call('GET', `/api/articles/${b.id}`)).json().status, 'scheduled');

  const badTime = await h.call('POST', `/api/articles/${b.id}/publish`, { at: 'next tuesday' });
  assert.equal(badTime.statusCode, 400);
  assert.equal(badTime.json().field, 'publishedAt');
  assert.equal((await h.call('POST', '/api/articles/99999/publish')).statusCode, 404);
});

test('answers bad input with 400 and the failing field', async () => {
  const cases: Array<[unknown, string]> = [
    [{ language: 'en', bodyHtml: '<p>x</p>' }, 'title'],
    [{ language: 'en', title: 'x' }, 'bodyHtml'],
    [{ language: 'english', title: 'x', bodyHtml: 'x' }, 'language'],
    [{ language: 'en', title: '   ', bodyHtml: 'x' }, 'title'],
    [{ language: 'en', title: 'x', bodyHtml: 'x', status: 'live' }, 'status'],
    [{ language: 'en', title: 'x', bodyHtml: 'x', status: 'scheduled' }, 'publishedAt'],
    [{ language: 'en', title: 'x', bodyHtml: 'x', tags: [{}] }, 'tags[0]'],
    [{ language: 'en', title: 'x', bodyHtml: 'x', authorIds: [424242] }, 'authorIds'],
    [{ language: 'en', title: 'x', bodyHtml: 'x', sections: ['nowhere'] }, 'sections'],
    [{ language: 'en', title: 'x', bodyHtml: 'x', slug: 'Not A Slug' }, 'slug'],
    [{ language: 'en', title: 'x', bodyHtml: 'x', provenance: { original: { url: 'ftp://x.example/a' } } }, 'provenance.original.url'],
    [{ language: 'en', title: 'x', bodyHtml: 'x', provenance: { via: {} } }, 'provenance.via.url'],
    [{ language: 'en', title: 'x', bodyHtml: 'x', provenance: { translationOfId: 777777 } }, 'provenance.translationOfId'],
    [{ language: 'en', title: 'x', bodyHtml: 'x', image: { alt: 'no file' } }, 'image.file'],
  ];
  for (const [body, field] of cases) {
    const r = await h.call('POST', '/api/articles', body);
    assert.equal(r.statusCode, 400, JSON.stringify(body));
    assert.equal(r.json().field, field, JSON.stringify(r.json()));
    assert.equal(typeof r.json().error, 'string');
  }
  const notJson = await h.call('POST', '/api/articles', '{"language":', {});
  assert.equal(notJson.statusCode, 400);
  const badId = await h.call('GET', '/api/articles/abc');
  assert.equal(badId.statusCode, 400);
  assert.equal(badId.json().field, 'id');
});

test('answers 404, 409, 413 and 415', async () => {
  assert.equal((await h.call('GET', '/api/articles/424242')).statusCode, 404);
  assert.equal((await h.call('PUT', '/api/articles/424242', { language: 'en', title: 'x', bodyHtml: 'x' })).statusCode, 404);
  assert.equal((await h.call('GET', '/api/articles/424242/stats')).statusCode, 404);
  for (const auth of [`Bearer ${h.token}`, '']) {
    const unknown = await h.call('GET', '/api/widgets', undefined, { authorization: auth });
    assert.equal(unknown.statusCode, 404, 'unknown API routes are 404 in JSON, with or without a token');
    assert.match(unknown.json().error, /no API route/);
  }

  const first = await h.call('POST', '/api/articles', { language: 'en', title: 'Same', slug: 'same-slug', bodyHtml: 'x' });
  assert.equal(first.statusCode, 201);
  const clash = await h.call('POST', '/api/articles', { language: 'en', title: 'Same again', slug: 'same-slug', bodyHtml: 'x' });
  assert.equal(clash.statusCode, 409);
  assert.equal(clash.json().field, 'slug');
  const otherLang = await h.call('POST', '/api/articles', { language: 'fr', title: 'Pareil', slug: 'same-slug', bodyHtml: 'x' });
  assert.equal(otherLang.statusCode, 201, 'slugs are unique per language');

  const huge = await h.call('POST', '/api/articles', { language: 'en', title: 'Huge', bodyHtml: 'x'.repeat(5 * 1024 * 1024) });
  assert.equal(huge.statusCode, 413);
  assert.match(huge.json().error, /too large/);

  const text = await h.call('POST', '/api/articles', 'title=x', { 'content-type': 'text/plain' });
  assert.equal(text.statusCode, 415);
  assert.match(text.json().error, /JSON/);
  const form = await h.call('PUT', `/api/articles/${first.json().id}`, 'title=x', { 'content-type': 'application/x-www-form-urlencoded' });
  assert.equal(form.statusCode, 415);
  const untyped = await h.app.inject({ method: 'POST', url: '/api/people', headers: { authorization: `Bearer ${h.token}` }, payload: Buffer.from('{"name":"x"}') });
  assert.equal(untyped.statusCode, 415);
});

test('sanitises a hostile body', async () => {
  const r = await h.call('POST', '/api/articles', {
    language: 'en',
    title: 'Hostile',
    bodyHtml:
      '<p style="position:fixed" onclick="steal()">Hello <img src="x.png" onerror="steal()"><a href="javascript:steal()">link</a></p>' +
      '<script>steal()</script><iframe src="https://evil.example/frame"></iframe>' +
      '<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe><svg onload="steal()"></svg>',
  });
  assert.equal(r.statusCode, 201);
  const stored = (await h.call('GET', `/api/articles/${r.json().id}`)).json().bodyHtml as string;
  assert.doesNotMatch(stored, /<script|steal|onclick|onerror|onload|javascript:|style=|evil\.example|<svg/i);
  assert.match(stored, /Hello/);
  assert.match(stored, /youtube-nocookie\.com\/embed\/abc/, 'allowlisted embeds stay');
  const put = await h.call('PUT', `/api/articles/${r.json().id}`, { language: 'en', title: 'Hostile', bodyHtml: '<p>ok<script>steal()</script></p>' });
  assert.equal(put.json().bodyHtml, '<p>ok</p>');
});

test('keeps provenance credits through the API', async () => {
  const outlet = (await h.call('POST', '/api/outlets', { name: 'Hillside Gazette', homeUrl: 'https://gazette.example/', language: 'en' })).json();
  const translator = (await h.call('POST', '/api/people', { name: 'Tran Slator' })).json();
  const original = (await h.call('POST', '/api/articles', { language: 'en', title: 'Orchard report', bodyHtml: '<p>Apples.</p>', status: 'published' })).json();
  const r = await h.call('POST', '/api/articles', {
    language: 'fr',
    title: 'Rapport du verger',
    bodyHtml: '<p>Pommes.</p>',
    translatorIds: [translator.id],
    provenance: {
      translationOfId: original.id,
      original: { url: 'https://gazette.example/orchard', outletId: outlet.id, authorNames: ['Pat Grower'], language: 'en', publishedAt: '2026-01-02T10:00:00Z', title: 'Orchard report' },
      via: { url: 'https://digest.example/orchard', name: 'Digest' },
      licence: 'CC-BY-4.0',
    },
  });
  assert.equal(r.statusCode, 201);
  const back = (await h.call('GET', `/api/articles/${r.json().id}`)).json();
  assert.equal(back.provenance.translationOfId, original.id);
  assert.equal(back.provenance.original.outletId, outlet.id);
  assert.deepEqual(back.provenance.original.authorNames, ['Pat Grower']);
  assert.equal(back.provenance.original.publishedAt, '2026-01-02T10:00:00.000Z');
  assert.deepEqual(back.provenance.via, { url: 'https://digest.example/orchard', name: 'Digest' });
  assert.equal(back.provenance.licence, 'CC-BY-4.0');
  assert.deepEqual(back.translatorIds, [translator.id]);
});

test('reports shares and copies of an article', async () => {
  const a = (await h.call('POST', '/api/articles', { language: 'en', title: 'Counted', bodyHtml: '<p>x</p>', status: 'published' })).json();
  const db = h.ctx.store.db;
  await recordShareClick(db, { articleId: a.id, network: 'mastodon', reader: 'r1', now: NOW, windowSeconds: 60 });
  await recordShareClick(db, { articleId: a.id, network: 'mastodon', reader: 'r2', now: NOW, windowSeconds: 60 });
  await recordShareClick(db, { articleId: a.id, network: 'email', reader: 'r1', now: NOW, windowSeconds: 60 });
  await recordCopy(db, { token: 'tok-1', articleId: a.id, chars: 120, now: NOW });
  await recordCopyVisit(db, 'tok-1');
  const r = await h.call('GET', `/api/articles/${a.id}/stats`);
  assert.equal(r.statusCode, 200);
  const stats = r.json();
  assert.equal(stats.articleId, a.id);
  assert.equal(stats.shares.total, 3);
  assert.equal(stats.shares.byNetwork.mastodon, 2);
  assert.equal(stats.shares.byNetwork.email, 1);
  assert.equal(stats.copies.copies, 1);
  assert.equal(stats.copies.visitsFromCopies, 1);
});
