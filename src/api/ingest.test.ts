import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness, type ApiHarness } from './test-app.ts';
import { FULL_TEXT_HTML, startFeedServer, storyPage, type FeedServer } from '../ingest/import/test-feed-server.ts';

let h: ApiHarness;
let srv: FeedServer;

before(async () => {
  srv = await startFeedServer([
    { guid: 'a', title: 'Story number 11', link: '/story/11', description: 'Teaser.', pubDate: 'Sun, 14 Sep 2025 06:00:00 GMT' },
    { guid: 'b', title: 'Story number 12', link: '/story/12', description: 'Teaser twelve.' },
    { guid: 'c', title: 'Only a teaser', link: '/gone/c', description: 'Read the rest on our site.' },
    { guid: 'd', title: 'The ferry runs again', link: '/gone/d', content: FULL_TEXT_HTML },
  ]);
  h = await openApiHarness({ fetchAllow: [srv.host] });
});
after(async () => {
  await h.close();
  await srv.close();
});

/** Row counts of every table an import or a subscription writes. */
async function counts() {
  const db = h.ctx.store.db;
  const out: Record<string, number> = {};
  for (const t of ['articles', 'outlets', 'people', 'originals', 'provenance', 'feeds', 'import_candidates'] as const)
    out[t] = Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const states = await db.selectFrom('import_candidates').select(['id', 'state']).orderBy('id').execute();
  return { ...out, states: states.map((s) => `${s.id}:${s.state}`).join(',') };
}

test('the import, feed and candidate routes need the token', async () => {
  for (const [method, url] of [
    ['POST', '/api/imports'],
    ['GET', '/api/feeds'],
    ['POST', '/api/feeds'],
    ['GET', '/api/feeds.opml'],
    ['POST', '/api/feeds/opml'],
    ['POST', '/api/feeds/1/pause'],
    ['POST', '/api/feeds/1/resume'],
    ['POST', '/api/feeds/1/check'],
    ['DELETE', '/api/feeds/1'],
    ['GET', '/api/candidates'],
    ['POST', '/api/candidates/1/import'],
    ['POST', '/api/candidates/1/dismiss'],
  ]) {
    const r = await h.call(method, url, undefined, { authorization: '' });
    assert.equal(r.statusCode, 401, `${method} ${url}`);
    assert.match(r.json().error, /sign in, or send an API token/);
  }
  const listed = (await h.call('GET', '/api')).json().routes as string[];
  for (const route of ['POST /api/imports', 'GET /api/feeds.opml', 'POST /api/candidates/:id/import']) assert.ok(listed.includes(route), route);
});

test('POST /api/imports: 201 created, 409 already imported with its id, 200 updated', async () => {
  const url = `${srv.base}/story/1`;
  const created = await h.call('POST', '/api/imports', { url });
  assert.equal(created.statusCode, 201, created.body);
  const a = created.json();
  assert.equal(a.kind, 'created');
  assert.equal(a.article.title, 'Story number 1');
  assert.equal(a.article.status, 'draft');
  assert.equal(created.headers.location, `/api/articles/${a.articleId}`);
  const before = await counts();
  const again = await h.call('POST', '/api/imports', { url });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().articleId, a.articleId);
  assert.match(again.json().error, /already imported as article #\d+ .*"update": true/);
  assert.deepEqual(await counts(), before);
  const updated = await h.call('POST', '/api/imports', { url, update: true });
  assert.equal(updated.statusCode, 200);
  assert.equal(updated.json().kind, 'updated');
  assert.equal(updated.json().articleId, a.articleId);
});

test('POST /api/imports with saved HTML or pasted text', async () => {
  const html = await h.call('POST', '/api/imports', { html: storyPage(2), url: 'https://valley-courier.example/2025/09/story-2' });
  assert.equal(html.statusCode, 201, html.body);
  assert.equal(html.json().article.provenance.original.url, 'https://valley-courier.example/2025/09/story-2');
  const text = 'A harbour festival\n\n3 May 2025\n\nBy Ann Lee\n\nThe harbour festival drew large crowds this weekend, with boats, music and food stalls along the quay.';
  const pasted = await h.call('POST', '/api/imports', { text });
  assert.equal(pasted.statusCode, 201, pasted.body);
  assert.equal(pasted.json().article.title, 'A harbour festival');
});

test('POST /api/imports failures name the source and the reason, and change nothing', async () => {
  const before = await counts();
  const cases: Array<[unknown, number, RegExp, string | null]> = [
    [{}, 400, /"url", "html" or "text" is required/, 'url'],
    [{ url: 'https://a.example/', text: 'x' }, 400, /give one source/, 'url'],
    [{ html: '<p>x</p>', text: 'x' }, 400, /give one source/, 'text'],
    [{ url: 'story/1' }, 400, /Import of story\/1 failed: the URL is refused/, 'url'],
    [{ html: '<p>x</p>', url: 'not a url' }, 400, /absolute http/, 'url'],
    [{ url: `${srv.base}/missing` }, 502, /Import of http:\/\/127\.0\.0\.1:\d+\/missing failed: .*404/, null],
    [{ url: 'http://10.0.0.1/secret' }, 400, /Import of http:\/\/10\.0\.0\.1\/secret failed: the URL is refused/, 'url'],
    [{ url: 'file:///etc/passwd' }, 400, /file:\/\/\/etc\/passwd/, 'url'],
    [{ html: '<html><body></body></html>' }, 422, /no article text/, null],
    [{ text: '\n\n  \n' }, 422, /pasted text/, null],
  ];
  for (const [body, status, message, field] of cases) {
    const r = await h.call('POST', '/api/imports', body);
    assert.equal(r.statusCode, status, `${JSON.stringify(body)}: ${r.body}`);
    assert.match(r.json().error, message);
    assert.equal(r.json().field, field, JSON.stringify(body));
  }
  assert.equal((await h.call('POST', '/api/imports', 'url=x', { 'content-type': 'application/x-www-form-urlencoded' })).statusCode, 415);
  assert.deepEqual(await counts(), before);
});

test('feeds: subscribe by home page (autodiscovery), list, pause, resume, check, OPML out, remove', async () => {
  const before = await counts();
  for (const [body, status, message] of [
    [{ url: `${srv.base}/missing` }, 422, /no feed found|could not fetch/],
    [{ url: 'http://10.0.0.1/feed' }, 400, /refused/],
    [{}, 400, /url is required/],
  ] as const) {
    const r = await h.call('POST', '/api/feeds', body);
    assert.equal(r.statusCode, status, r.body);
    assert.match(r.json().error, message);
    assert.equal(r.json().field, 'url');
  }
  assert.deepEqual(await counts(), before, 'a refused subscription writes nothing');

  const sub = await h.call('POST', '/api/feeds', { url: `${srv.base}/home`, folder: 'Local' });
  assert.equal(sub.statusCode, 201, sub.body);
  const { feed, via, candidates } = sub.json();
  assert.equal(via, 'autodiscovery');
  assert.equal(feed.url, srv.feedUrl);
  assert.equal(feed.title, 'Loopback Courier');
  assert.equal(feed.folder, 'Local');
  assert.equal(candidates, 4);
  assert.equal(sub.headers.location, `/api/feeds/${feed.id}`);
  const again = await h.call('POST', '/api/feeds', { url: srv.feedUrl });
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().created, false);

  const list = (await h.call('GET', '/api/feeds')).json();
  assert.deepEqual(list.items.map((f: { id: number }) => f.id), [feed.id]);
  assert.deepEqual(list.counts, { active: 1, paused: 0 });
  const paused = await h.call('POST', `/api/feeds/${feed.id}/pause`, { reason: 'holiday' });
  assert.equal(paused.json().status, 'paused');
  assert.equal(paused.json().pauseReason, 'holiday');
  assert.equal((await h.call('GET', '/api/feeds?status=paused')).json().items.length, 1);
  assert.equal((await h.call('POST', `/api/feeds/${feed.id}/resume`)).json().status, 'active');
  const check = await h.call('POST', `/api/feeds/${feed.id}/check`);
  assert.equal(check.statusCode, 202);
  assert.equal(check.json().id, feed.id);
  assert.equal((await h.call('GET', '/api/feeds?status=asleep')).statusCode, 400);
  for (const [method, url] of [['POST', '/api/feeds/999999/pause'], ['POST', '/api/feeds/999999/resume'], ['POST', '/api/feeds/999999/check'], ['DELETE', '/api/feeds/999999']])
    assert.equal((await h.call(method, url)).statusCode, 404, `${method} ${url}`);
  assert.equal((await h.call('POST', '/api/feeds/abc/pause')).json().field, 'id');

  const opml = await h.call('GET', '/api/feeds.opml');
  assert.equal(opml.statusCode, 200);
  assert.match(String(opml.headers['content-type']), /^application\/xml/);
  assert.match(opml.body, /^<\?xml/);
  assert.ok(opml.body.includes(`xmlUrl="${srv.feedUrl}"`), opml.body);
  assert.match(opml.body, /<outline text="Local"/);
});

test('POST /api/feeds/opml takes an OPML document and reports each line', async () => {
  const doc = `<?xml version="1.0"?>
<opml version="2.0"><head><title>Mine</title></head><body>
<outline text="Known" type="rss" xmlUrl="${srv.feedUrl}"/>
<outline text="New one" type="rss" xmlUrl="https://new.example/feed.xml" htmlUrl="https://new.example/"/>
<outline text="Bad" type="rss" xmlUrl="javascript:alert(1)"/>
</body></opml>`;
  const r = await h.call('POST', '/api/feeds/opml', doc, { 'content-type': 'text/x-opml' });
  assert.equal(r.statusCode, 200, r.body);
  const report = r.json();
  assert.deepEqual([report.added, report.existing, report.invalid], [1, 1, 1]);
  assert.deepEqual(report.lines.map((l: { line: number; status: string }) => [l.line, l.status]), [[3, 'exists'], [4, 'added'], [5, 'invalid']]);
  assert.match(report.lines[2].reason, /refused/);
  const asXml = await h.call('POST', '/api/feeds/opml', doc, { 'content-type': 'application/xml' });
  assert.equal(asXml.json().existing, 2);

  const before = await counts();
  const notOpml = await h.call('POST', '/api/feeds/opml', '<rss version="2.0"></rss>', { 'content-type': 'application/xml' });
  assert.equal(notOpml.statusCode, 422);
  assert.match(notOpml.json().error, /OPML import failed: not an OPML document/);
  const asJson = await h.call('POST', '/api/feeds/opml', { opml: doc });
  assert.equal(asJson.statusCode, 415);
  assert.match(asJson.json().error, /OPML document/);
  const xmlElsewhere = await h.call('POST', '/api/feeds', doc, { 'content-type': 'application/xml' });
  assert.equal(xmlElsewhere.statusCode, 415, 'other routes still take JSON only');
  assert.deepEqual(await counts(), before);
  const newFeed = report.lines[1].feedId;
  assert.equal((await h.call('DELETE', `/api/feeds/${newFeed}`)).statusCode, 204);
  assert.equal((await h.call('DELETE', `/api/feeds/${newFeed}`)).statusCode, 404);
});

test('candidates: list by state and feed, import (page, then feed entry), dismiss', async () => {
  const feedId = (await h.call('GET', '/api/feeds')).json().items[0].id;
  const all = (await h.call('GET', `/api/candidates?state=new&feed=${feedId}`)).json();
  assert.equal(all.items.length, 4);
  assert.deepEqual(all.counts, { new: 4, imported: 0, dismissed: 0 });
  assert.equal((await h.call('GET', '/api/candidates?state=maybe')).json().field, 'state');
  const by = (guid: string) => all.items.find((c: { guid: string }) => c.guid === guid).id as number;

  const imported = await h.call('POST', `/api/candidates/${by('a')}/import`);
  assert.equal(imported.statusCode, 201, imported.body);
  assert.equal(imported.json().from, 'page');
  assert.equal(imported.json().article.provenance.original.url, `${srv.base}/story/11`);
  assert.equal(imported.json().candidate.state, 'imported');
  const before = await counts();
  const again = await h.call('POST', `/api/candidates/${by('a')}/import`);
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().articleId, imported.json().articleId);
  assert.deepEqual(await counts(), before);

  const fromFeed = await h.call('POST', `/api/candidates/${by('d')}/import`, {});
  assert.equal(fromFeed.statusCode, 201, fromFeed.body);
  assert.equal(fromFeed.json().from, 'feed-entry');
  assert.match(fromFeed.json().note, /feed entry's own content/);

  const before2 = await counts();
  const failed = await h.call('POST', `/api/candidates/${by('c')}/import`);
  assert.equal(failed.statusCode, 502);
  assert.match(failed.json().error, /Import of candidate #\d+ .* failed: .*404.*only carries a summary/);
  assert.equal((await h.call('POST', '/api/candidates/999999/import')).statusCode, 404);
  assert.deepEqual(await counts(), before2, 'a failed import changes nothing, the candidate stays new');

  const dismissed = await h.call('POST', `/api/candidates/${by('c')}/dismiss`);
  assert.equal(dismissed.statusCode, 200);
  assert.equal(dismissed.json().state, 'dismissed');
  const refused = await h.call('POST', `/api/candidates/${by('a')}/dismiss`);
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().field, 'state');
  assert.equal((await h.call('POST', '/api/candidates/999999/dismiss')).statusCode, 404);
  const counted = (await h.call('GET', '/api/candidates')).json().counts;
  assert.deepEqual(counted, { new: 1, imported: 2, dismissed: 1 });
  assert.equal((await h.call('GET', '/api/candidates?state=imported')).json().items.length, 2);
});
