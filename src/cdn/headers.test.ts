// Cache headers and surrogate keys of every kind of public response, and what stays private (SQLite and PostgreSQL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { closeSiteApp, openSiteApp, type Fixture } from '../web/test-fixtures.ts';

let f: Fixture;
let app: FastifyInstance;
before(async () => ({ f, app } = await openSiteApp()));
after(() => closeSiteApp({ f, app }));

const PUBLIC = 'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400';
const keysOf = async (url: string) => {
  const res = await app.inject({ url });
  assert.equal(res.statusCode, 200, url);
  const keys = String(res.headers['surrogate-key']).split(' ');
  assert.deepEqual(String(res.headers['cache-tag']).split(','), keys, `${url}: Cache-Tag lists the same keys`);
  return { res, keys };
};

test('each public page kind and feed is publicly cacheable, with keys, and still answers 304', async () => {
  const { fr } = f.articles;
  const urls = ['/', '/?page=1', '/fr/', `/fr/${fr.slug}`, '/section/world/', '/tag/syrie/', `/author/${f.people.samer.slug}/`,
    '/feed.xml', '/fr/feed.atom', '/section/world/feed.json', `/author/${f.people.samer.slug}/feed.xml`];
  for (const url of urls) {
    const { res, keys } = await keysOf(url);
    assert.equal(res.headers['cache-control'], PUBLIC, url);
    assert.ok(keys.includes('site'), url);
    const again = await app.inject({ url, headers: { 'if-none-match': String(res.headers.etag) } });
    assert.equal(again.statusCode, 304, url);
    assert.equal(again.headers['cache-control'], PUBLIC, `${url}: a 304 says the same`);
    assert.equal(again.headers['surrogate-key'], res.headers['surrogate-key'], url);
  }
});

test('an article page lists itself, the articles it links by provenance, its section and the people it credits', async () => {
  const { en, fr, repOriginal } = f.articles;
  const { keys } = await keysOf(`/fr/${fr.slug}`);
  const { world } = f.sections;
  const { samer, avic } = f.people;
  assert.deepEqual(new Set(keys), new Set(['site', `article-${fr.id}`, `article-${en.id}`, `article-${repOriginal.id}`, `section-${world.id}`, `author-${samer.id}`, `author-${avic.id}`]));
});

test('a section page lists its section, each article shown and their authors, nothing hidden', async () => {
  const { en, fr, due, draft, future, frOutside } = f.articles;
  const { keys } = await keysOf('/section/world/');
  assert.deepEqual(new Set(keys), new Set(['site', `section-${f.sections.world.id}`, `article-${due.id}`, `article-${fr.id}`, `article-${en.id}`, `author-${f.people.samer.id}`]));
  for (const hidden of [draft, future, frOutside]) assert.ok(!keys.includes(`article-${hidden.id}`));
  const home = await keysOf('/');
  assert.ok(home.keys.includes('home') && home.keys.includes(`article-${frOutside.id}`));
  assert.ok((await keysOf('/fr/')).keys.includes('lang-fr'));
  assert.ok((await keysOf('/tag/syrie/')).keys.includes('tag-syrie'));
  assert.ok((await keysOf(`/author/${f.people.avic.slug}/`)).keys.includes(`author-${f.people.avic.id}`));
  assert.deepEqual((await keysOf('/section/world/feed.xml')).keys, ['site', 'feed', `section-${f.sections.world.id}`, `feed-section-${f.sections.world.id}`]);
  assert.deepEqual((await keysOf('/feed.json')).keys, ['site', 'feed', 'home', 'feed-home']);
});

test('newsroom, API, search, share and error responses are not publicly cacheable and carry no keys', async () => {
  const { fr } = f.articles;
  const cases: Array<[string, RegExp]> = [
    ['/api/articles', /no-store/],
    ['/api/nothing-here', /no-store/],
    ['/newsroom/', /no-store/],
    [`/newsroom/preview/${fr.id}`, /no-store/],
    [`/share/${fr.id}/facebook`, /no-store/],
    [`/share/${fr.id}/counts.json`, /no-store/],
    ['/search?q=syrie', /no-cache/],
    ['/fr/no-such-article', /no-store/],
    ['/section/no-such-section/', /no-store/],
  ];
  for (const [url, expected] of cases) {
    const res = await app.inject({ url });
    const cc = String(res.headers['cache-control'] ?? '');
    assert.match(cc, expected, `${url} (${res.statusCode})`);
    assert.doesNotMatch(cc, /public/, url);
    assert.equal(res.headers['surrogate-key'], undefined, url);
    assert.equal(res.headers['cache-tag'], undefined, url);
  }
});
