// Home, language homes, sections, tags, authors, pagination, the 404 page and the jump menu's /go.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { BASE, closeSiteApp, openSiteApp, type Fixture, type SiteApp } from './test-fixtures.ts';

let f: Fixture;
let app: FastifyInstance;
let page: SiteApp['page'];

before(async () => ({ f, app, page } = await openSiteApp()));
after(() => closeSiteApp({ f, app }));

const titles = (doc: Document) => [...doc.querySelectorAll('.card h2 a, .card h3 a')].map((a) => a.textContent);

test('the home page lists visible articles newest first, in the site language', async () => {
  const { res, doc } = await page('/');
  assert.equal(res.statusCode, 200);
  assert.equal(doc.documentElement.getAttribute('lang'), 'fr');
  assert.equal(doc.querySelector('h1')?.textContent, 'Dernières publications');
  const t = titles(doc);
  assert.equal(t[0], 'Article programmé échu');
  assert.ok(t.includes(f.articles.fr.title) && t.includes(f.articles.en.title));
  assert.ok(!t.includes('Brouillon secret') && !t.includes('Article programmé futur'));
  const enCard = [...doc.querySelectorAll('.card')].find((c) => c.textContent?.includes(f.articles.en.title))!;
  assert.equal(enCard.getAttribute('lang'), 'en');
  assert.match(enCard.innerHTML, /<time datetime="2017-11-14T18:00:00.000Z">14 November 2017<\/time>/);
  assert.match(enCard.textContent ?? '', /By Samer Hussein/);
  assert.equal(doc.querySelector('a.rss-link')?.getAttribute('href'), '/feed.xml');
  assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), `${BASE}/`);
  assert.equal(doc.querySelectorAll('link[rel="alternate"][type]').length, 3);
  assert.ok(doc.querySelector('a.skip-link') && doc.querySelector('form.jump'));
});

test('language homes list their language, speak it, and offer its feeds', async () => {
  const { doc } = await page('/en/');
  assert.equal(doc.documentElement.getAttribute('lang'), 'en');
  assert.equal(doc.querySelector('h1')?.textContent, 'Latest articles');
  const t = titles(doc);
  assert.ok(t.includes(f.articles.en.title) && !t.includes(f.articles.fr.title));
  assert.equal(doc.querySelector('a.rss-link')?.textContent, 'RSS Feed');
  assert.equal(doc.querySelector('a.rss-link')?.getAttribute('href'), '/en/feed.xml');
  assert.ok(doc.querySelector(`link[type="application/atom+xml"][href="${BASE}/en/feed.atom"]`));
  assert.equal(doc.querySelector('.site-nav a[aria-current="page"]')?.textContent, 'English');
  assert.equal((await app.inject({ url: '/de/' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/fr' })).statusCode, 200);
});

test('section pages list the section with its localised name and feeds', async () => {
  const { res, doc } = await page('/section/world/');
  assert.equal(res.statusCode, 200);
  assert.equal(doc.querySelector('h1')?.textContent, 'Monde');
  const t = titles(doc);
  assert.ok(t.includes(f.articles.fr.title) && t.includes('Article programmé échu'));
  assert.ok(!t.includes('Une traduction directe') && !t.includes('Brouillon secret'));
  assert.equal(doc.querySelector('a.rss-link')?.getAttribute('href'), '/section/world/feed.xml');
  assert.ok(doc.querySelector(`link[type="application/feed+json"][href="${BASE}/section/world/feed.json"]`));
  assert.equal(doc.querySelector('.site-nav a[aria-current="page"]')?.textContent, 'Monde');
  assert.equal((await app.inject({ url: '/section/nowhere/' })).statusCode, 404);
});

test('tag pages list tagged articles; an unknown tag is a 404', async () => {
  const { res, doc } = await page('/tag/syrie/');
  assert.equal(res.statusCode, 200);
  assert.equal(doc.querySelector('h1')?.textContent, 'Mot-clé : Syrie');
  assert.deepEqual(titles(doc).sort(), [f.articles.fr.title, 'Une traduction directe'].sort());
  assert.equal((await app.inject({ url: '/tag/nothing-here/' })).statusCode, 404);
});

test('author pages: bio, photo, feed, articles written and translated', async () => {
  const samer = await page('/author/samer-hussein/');
  assert.equal(samer.doc.querySelector('h1')?.textContent, 'Samer Hussein');
  assert.match(samer.doc.querySelector('main')?.textContent ?? '', /Journaliste indépendant\./);
  assert.equal(samer.doc.querySelector('.person-photo')?.getAttribute('alt'), 'Portrait de Samer Hussein');
  assert.equal(samer.doc.querySelector('a.feed-link')?.getAttribute('href'), '/author/samer-hussein/feed.xml');
  assert.ok(samer.doc.querySelector(`link[type="application/rss+xml"][href="${BASE}/author/samer-hussein/feed.xml"]`));
  assert.equal(samer.doc.querySelector('#written')?.textContent, 'Articles');
  assert.deepEqual(titles(samer.doc).sort(), [f.articles.en.title, f.articles.fr.title].sort());
  const avic = await page('/author/avic/');
  assert.equal(avic.doc.querySelector('#translated')?.textContent, 'Traductions');
  assert.equal(avic.doc.querySelector('#written'), null);
  assert.deepEqual(titles(avic.doc).sort(), [f.articles.fr.title, 'Translated from French', 'Une traduction directe'].sort());
  assert.equal((await app.inject({ url: '/author/nobody/' })).statusCode, 404);
});

test('pagination: ?page=N with prev/next links; out-of-range and malformed pages are 404', async () => {
  for (let i = 0; i < 25; i++)
    await createArticle(f.ctx, {
      language: 'en', title: `Filler ${i}`, bodyHtml: '<p>x</p>', status: 'published', publishedAt: `2016-01-${String(i + 1).padStart(2, '0')}T00:00:00Z`,
    }, SYSTEM);
  const one = await page('/');
  assert.equal(one.doc.querySelectorAll('.card').length, 20);
  assert.equal(one.doc.querySelector('.pagination a[rel="next"]')?.getAttribute('href'), '/?page=2');
  assert.equal(one.doc.querySelector('link[rel="next"]')?.getAttribute('href'), `${BASE}/?page=2`);
  assert.equal(one.doc.querySelector('.pagination a[rel="prev"]'), null);
  const two = await page('/?page=2');
  assert.equal(two.res.statusCode, 200);
  assert.equal(two.doc.querySelector('.pagination a[rel="prev"]')?.getAttribute('href'), '/');
  assert.equal(two.doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), `${BASE}/?page=2`);
  assert.equal(two.doc.querySelector('h1')?.textContent, 'Dernières publications – Page 2');
  const last = titles(two.doc);
  assert.equal(last[last.length - 1], 'Filler 0');
  assert.equal((await app.inject({ url: '/?page=9' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/?page=abc' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/?page=0' })).statusCode, 404);
  const en2 = await page('/en/?page=2');
  assert.equal(en2.res.statusCode, 200);
  assert.equal(en2.doc.querySelector('.pagination a[rel="prev"]')?.getAttribute('href'), '/en/');
});

test('the 404 page speaks the language of the path', async () => {
  const fr = await page('/nowhere');
  assert.equal(fr.res.statusCode, 404);
  assert.equal(fr.doc.documentElement.getAttribute('lang'), 'fr');
  assert.equal(fr.doc.querySelector('h1')?.textContent, 'Page introuvable');
  const en = await page('/en/nowhere/at/all');
  assert.equal(en.res.statusCode, 404);
  assert.equal(en.doc.documentElement.getAttribute('lang'), 'en');
  assert.equal(en.doc.querySelector('h1')?.textContent, 'Page not found');
  assert.equal(en.doc.querySelector('meta[name="robots"]')?.getAttribute('content'), 'noindex');
  const api = await app.inject({ url: '/api/nothing-here-for-sure' });
  assert.equal(api.statusCode, 404);
});

test('/go redirects the jump menu to a path of this site only', async () => {
  const go = async (to: string) => {
    const res = await app.inject({ url: `/go?to=${encodeURIComponent(to)}` });
    return [res.statusCode, res.headers.location];
  };
  assert.deepEqual(await go('/section/world/'), [303, '/section/world/']);
  assert.deepEqual(await go(`${BASE}/fr/`), [303, '/fr/']);
  assert.deepEqual(await go('https://evil.example/'), [303, '/']);
  assert.deepEqual(await go('//evil.example/'), [303, '/']);
  assert.deepEqual(await go('/\\evil.example/'), [303, '/']);
  assert.deepEqual(await go('javascript:alert(1)'), [303, '/']);
  assert.deepEqual(await go('/x\r\nSet-Cookie: a=b'), [303, '/']);
  assert.deepEqual([(await app.inject({ url: '/go' })).statusCode], [303]);
});

test('pages answer 304 to a matching If-None-Match', async () => {
  const first = await app.inject({ url: '/section/world/' });
  const etag = String(first.headers.etag);
  assert.ok(etag.startsWith('"'));
  assert.equal((await app.inject({ url: '/section/world/', headers: { 'if-none-match': etag } })).statusCode, 304);
});

test('the stylesheet is served with a long cache and an ETag', async () => {
  const { doc } = await page('/');
  const href = doc.querySelector('link[rel="stylesheet"]')!.getAttribute('href')!;
  assert.match(href, /^\/assets\/site\.css\?v=/);
  const css = await app.inject({ url: href });
  assert.equal(css.statusCode, 200);
  assert.match(String(css.headers['content-type']), /^text\/css/);
  assert.match(String(css.headers['cache-control']), /max-age=31536000/);
  assert.match(css.body, /prefers-color-scheme: dark/);
  assert.match(css.body, /:focus-visible/);
  assert.equal((await app.inject({ url: href, headers: { 'if-none-match': String(css.headers.etag) } })).statusCode, 304);
  const logo = await app.inject({ url: '/assets/logo.png' });
  assert.equal(logo.statusCode, 200);
  assert.equal(logo.headers['content-type'], 'image/png');
});
