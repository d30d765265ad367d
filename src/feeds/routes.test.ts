import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { buildApp } from '../app.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createArticle, editArticle, publishArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { deleteArticle } from '../store/articles.ts';
import { RELAIS_NS } from './model.ts';
import { createFeedService } from './service.ts';
import { HOSTILE_CLEAN, TestClock, child, children, hasPython, parseXml, seedNewsroom, type Newsroom } from './test-support.ts';

const noPython = !hasPython && 'needs /usr/bin/python3 (expat) to parse the XML';
const ATOM = 'http://www.w3.org/2005/Atom';
const A = (n: string) => `{${ATOM}}${n}`;
const R = (n: string) => `{${RELAIS_NS}}${n}`;
const DC_CREATOR = '{http://purl.org/dc/elements/1.1/}creator';

const clock = new TestClock('2026-01-10T12:00:00Z');
let ctx: AppContext;
let app: FastifyInstance;
let news: Newsroom;

before(async () => {
  ctx = await openTestContext({ now: clock.now });
  news = await seedNewsroom(ctx, clock);
  app = await buildApp(ctx);
});
after(async () => {
  await app.close();
  await ctx.store.close();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const rssTitles = (body: string) => children(child(parseXml(body), 'channel'), 'item').map((i) => child(i, 'title').text);
const SCOPES = ['', 'en/', 'fr/', 'section/world/', 'author/ada-writer/', 'author/tom-translator/'];
const FORMATS: Array<[string, string]> = [
  ['feed.xml', 'application/rss+xml; charset=utf-8'],
  ['feed.atom', 'application/atom+xml; charset=utf-8'],
  ['feed.json', 'application/feed+json; charset=utf-8'],
];

test('every scope answers in every format with its content type and validators', async () => {
  for (const scope of SCOPES)
    for (const [file, type] of FORMATS) {
      const res = await get(`/${scope}${file}`);
      assert.equal(res.statusCode, 200, `/${scope}${file}`);
      assert.equal(res.headers['content-type'], type);
      assert.match(String(res.headers.etag), /^"[A-Za-z0-9_-]{20,}"$/);
      assert.match(String(res.headers['last-modified']), /GMT$/);
      assert.match(String(res.headers['cache-control']), /max-age=\d+/);
      const head = await app.inject({ method: 'HEAD', url: `/${scope}${file}` });
      assert.equal(head.statusCode, 200);
      assert.equal(head.headers.etag, res.headers.etag);
      assert.equal(head.body, '');
    }
});

test('unknown language, section or author is a 404; a configured language without articles is an empty feed', async () => {
  for (const url of ['/xx/feed.xml', '/section/nope/feed.atom', '/author/nobody/feed.json', '/not-a-lang!/feed.xml', '/section/feed.xml'])
    assert.equal((await get(url)).statusCode, 404, url);
  const de = await openTestContext({ now: clock.now });
  try {
    de.site.languages = ['fr', 'en', 'de'];
    const deApp = await buildApp(de);
    const res = await deApp.inject('/de/feed.json');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().items, []);
    assert.equal(res.headers['last-modified'], undefined, 'an empty feed has no Last-Modified');
    await deApp.close();
  } finally {
    await de.store.close();
  }
});

test('ETag and Last-Modified both give a 304, and a stale validator gets the feed', async () => {
  const first = await get('/feed.xml');
  const etag = String(first.headers.etag);
  const lastModified = String(first.headers['last-modified']);
  const byEtag = await get('/feed.xml', { 'if-none-match': etag });
  assert.equal(byEtag.statusCode, 304);
  assert.equal(byEtag.body, '');
  assert.equal(byEtag.headers.etag, etag);
  assert.equal((await get('/feed.xml', { 'if-none-match': `"other", W/${etag}` })).statusCode, 304);
  assert.equal((await get('/feed.xml', { 'if-modified-since': lastModified })).statusCode, 304);
  const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
  assert.equal((await get('/feed.xml', { 'if-modified-since': older })).statusCode, 200);
  // If-None-Match decides alone when present.
  assert.equal((await get('/feed.xml', { 'if-none-match': '"other"', 'if-modified-since': lastModified })).statusCode, 200);
  // Last-Modified is the newest entry date of that feed.
  assert.equal(lastModified, new Date(clock.now().getTime() - 1000).toUTCString());
});

test('scopes list the right articles: language, section, and a person as author or translator', { skip: noPython }, async () => {
  assert.deepEqual(rssTitles((await get('/feed.xml')).body), [HOSTILE_CLEAN, 'Les rivières montent', 'Rivers rise']);
  assert.deepEqual(rssTitles((await get('/fr/feed.xml')).body), ['Les rivières montent']);
  assert.deepEqual(rssTitles((await get('/en/feed.xml')).body), [HOSTILE_CLEAN, 'Rivers rise']);
  assert.deepEqual(rssTitles((await get('/section/world/feed.xml')).body), ['Les rivières montent', 'Rivers rise']);
  assert.deepEqual(rssTitles((await get('/author/ada-writer/feed.xml')).body), ['Les rivières montent', 'Rivers rise']);
  assert.deepEqual(rssTitles((await get('/author/tom-translator/feed.xml')).body), ['Les rivières montent']);
});

test('RSS carries full content with the image first, categories, writers and provenance', { skip: noPython }, async () => {
  const channel = child(parseXml((await get('/feed.xml')).body), 'channel');
  const [, fr, en] = children(channel, 'item');
  const content = child(en, '{http://purl.org/rss/1.0/modules/content/}encoded').text;
  assert.ok(content.startsWith('<figure><img src="http://relais.test/media/2026/river.jpg" alt="A river in flood" width="1200" height="800">'));
  assert.match(content, /<figcaption>Photo: Jo Lens<\/figcaption>/);
  assert.match(content, /href="http:\/\/relais\.test\/en\/other-story"/);
  assert.match(content, /src="http:\/\/relais\.test\/media\/2026\/chart\.png"/);
  assert.equal(child(en, 'description').text, 'Water levels reach a record.');
  assert.deepEqual(children(en, 'category').map((c) => c.text), ['World', 'Climate', 'Water']);
  assert.deepEqual(children(fr, 'category').map((c) => c.text), ['Monde', 'Climat']);
  assert.deepEqual(children(fr, DC_CREATOR).map((c) => c.text), ['Ada Writer']);
  assert.equal(child(fr, R('kind')).text, 'translation');
  assert.deepEqual(children(fr, R('translator')).map((t) => [t.text, t.attrib.href]), [['Tom Translator', 'http://relais.test/author/tom-translator/']]);
  const original = child(fr, R('original'));
  assert.equal(original.attrib.href, 'https://post.example/2026/rivers-rise');
  assert.equal(child(original, R('outlet')).text, 'Example Post');
  assert.equal(child(original, R('published')).text, '2026-01-09T08:00:00Z');
  assert.equal(child(fr, R('source')).attrib.href, 'http://relais.test/en/rivers-rise');
  assert.deepEqual([child(fr, R('via')).attrib.href, child(fr, R('via')).text], ['https://aggregator.example/item/42', 'Aggregator']);
  assert.equal(child(en, R('kind')).text, 'republication');
  assert.equal(child(en, R('licence')).text, 'CC-BY-4.0');
});

test('Atom and JSON Feed carry the same credits and provenance', { skip: noPython }, async () => {
  const feed = parseXml((await get('/fr/feed.atom')).body);
  const entry = child(feed, A('entry'));
  assert.deepEqual(children(entry, A('author')).map((a) => child(a, A('name')).text), ['Ada Writer']);
  assert.deepEqual(children(entry, A('contributor')).map((a) => child(a, A('name')).text), ['Tom Translator']);
  const links = Object.fromEntries(children(entry, A('link')).map((l) => [`${l.attrib.rel} ${l.attrib.href}`, true]));
  assert.ok(links['via https://post.example/2026/rivers-rise']);
  assert.ok(links['related https://aggregator.example/item/42']);
  assert.ok(links['related http://relais.test/en/rivers-rise']);
  const item = (await get('/fr/feed.json')).json().items[0];
  assert.equal(item.external_url, 'https://post.example/2026/rivers-rise');
  assert.deepEqual(item.authors, [{ name: 'Ada Writer', url: 'http://relais.test/author/ada-writer/' }]);
  assert.deepEqual(item._relais.translators, [{ name: 'Tom Translator', url: 'http://relais.test/author/tom-translator/' }]);
  assert.equal(item._relais.original.outlet.name, 'Example Post');
  assert.deepEqual(item._relais.via, { url: 'https://aggregator.example/item/42', name: 'Aggregator' });
});

test('the hostile article is served well-formed in every format', { skip: noPython }, async () => {
  for (const scope of ['', 'en/']) {
    const rss = parseXml((await get(`/${scope}feed.xml`)).body);
    assert.equal(children(child(rss, 'channel'), 'item')[0].children.find((c) => c.tag === 'title')?.text, HOSTILE_CLEAN);
    const atom = parseXml((await get(`/${scope}feed.atom`)).body);
    assert.equal(child(child(atom, A('entry')), A('title')).text, HOSTILE_CLEAN);
    const json = (await get(`/${scope}feed.json`)).json();
    assert.equal(json.items[0].title, HOSTILE_CLEAN);
    assert.match(json.items[0].content_html, /😀.*مرحبا بالعالم/);
  }
});

test('repeated requests are served from the cache; drafts and future articles stay out', async () => {
  const service = createFeedService(ctx);
  const a = await service.get('site', '', 'rss');
  const b = await service.get('site', '', 'rss');
  assert.equal(a, b, 'the same rendered feed object, not a rebuild');
  const [c, d] = await Promise.all([service.get('section', 'world', 'json'), service.get('section', 'world', 'json')]);
  assert.equal(c, d, 'concurrent misses share one build');
  await createArticle(ctx, { language: 'en', title: 'Draft only', bodyHtml: '<p>d</p>' }, SYSTEM);
  const body = (await get('/feed.json')).body;
  assert.doesNotMatch(body, /Draft only/);
});

test('edits, deletions and scheduled articles falling due change the feed and its ETag', async () => {
  const before = await get('/en/feed.json');
  clock.tick();
  await editArticle(ctx, news.english.id, { language: 'en', title: 'Rivers rise again', bodyHtml: '<p>More water.</p>' }, SYSTEM);
  const edited = await get('/en/feed.json');
  assert.notEqual(edited.headers.etag, before.headers.etag);
  assert.ok(edited.json().items.some((i: { title: string }) => i.title === 'Rivers rise again'));
  assert.equal((await get('/en/feed.json', { 'if-none-match': String(before.headers.etag) })).statusCode, 200);

  clock.tick();
  const scheduled = await createArticle(ctx, { language: 'en', title: 'Embargoed', bodyHtml: '<p>Later.</p>' }, SYSTEM);
  await publishArticle(ctx, scheduled.id, SYSTEM, new Date(clock.now().getTime() + 3600_000).toISOString());
  const notYet = await get('/en/feed.json');
  assert.ok(!notYet.json().items.some((i: { title: string }) => i.title === 'Embargoed'));
  clock.tick(3600_000 + 1000); // no write: only the clock moves
  const due = await get('/en/feed.json', { 'if-none-match': String(notYet.headers.etag), 'if-modified-since': String(notYet.headers['last-modified']) });
  assert.equal(due.statusCode, 200);
  assert.equal(due.json().items[0].title, 'Embargoed');
  // The Last-Modified moves to when the article appeared, so If-Modified-Since alone also sees it.
  assert.equal((await get('/en/feed.json', { 'if-modified-since': String(notYet.headers['last-modified']) })).statusCode, 200);

  await deleteArticle(ctx.store.db, scheduled.id);
  const deleted = await get('/en/feed.json');
  assert.ok(!deleted.json().items.some((i: { title: string }) => i.title === 'Embargoed'));
});

test('a feed carries the newest 30 visible articles', async () => {
  const many = await openTestContext({ now: clock.now });
  try {
    for (let i = 0; i < 35; i++) {
      clock.tick();
      await createArticle(many, { language: 'en', slug: `n-${i}`, title: `Number ${i}`, bodyHtml: `<p>${i}</p>`, status: 'published' }, SYSTEM);
    }
    const manyApp = await buildApp(many);
    const items = (await manyApp.inject('/feed.json')).json().items as Array<{ title: string }>;
    assert.equal(items.length, 30);
    assert.equal(items[0].title, 'Number 34');
    assert.equal(items[29].title, 'Number 5');
    await manyApp.close();
  } finally {
    await many.store.close();
  }
});
