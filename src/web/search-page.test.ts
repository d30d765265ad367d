// The reader search page (/search) and the header's search form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { closeSiteApp, openSiteApp, type Fixture, type SiteApp } from './test-fixtures.ts';

let f: Fixture;
let app: FastifyInstance;
let page: SiteApp['page'];

before(async () => ({ f, app, page } = await openSiteApp()));
after(() => closeSiteApp({ f, app }));

const resultTitles = (doc: Document) => [...doc.querySelectorAll('.search-results h2 a')].map((a) => a.textContent);

test('an accent-less search finds the article, marks the words, and says how many', async () => {
  const { res, doc } = await page('/search?q=ministere+defense&lang=fr');
  assert.equal(res.statusCode, 200);
  assert.equal(doc.documentElement.getAttribute('lang'), 'fr');
  assert.deepEqual(resultTitles(doc), [f.articles.fr.title]);
  assert.equal(doc.querySelector('.search-results h2 a')?.getAttribute('href'), `/fr/${f.articles.fr.slug}`);
  assert.deepEqual([...doc.querySelectorAll('.search-results h2 mark')].map((m) => m.textContent), ['Ministère', 'Défense']);
  assert.equal(doc.querySelector('.search-count')?.textContent, '1 résultat');
  assert.equal(doc.querySelector('h1')?.textContent, 'Recherche : ministere defense');
  assert.equal(doc.querySelector('meta[name="robots"]')?.getAttribute('content'), 'noindex');
  assert.equal((doc.querySelector('#search-q') as HTMLInputElement | null)?.getAttribute('value'), 'ministere defense');
});

test('readers find only what is visible now: no drafts, no scheduled articles before their time', async () => {
  const { doc } = await page('/search?q=article+programme&lang=fr');
  assert.deepEqual(resultTitles(doc), ['Article programmé échu']);
  const draft = await page('/search?q=brouillon+secret');
  assert.deepEqual(resultTitles(draft.doc), []);
  assert.equal(draft.doc.querySelector('.search-none')?.textContent, 'Aucun article ne correspond à « brouillon secret ».');
});

test('the page speaks the language asked for; titles and snippets are escaped', async () => {
  const { doc, body } = await page('/search?q=quoted+bold&lang=en');
  assert.equal(doc.documentElement.getAttribute('lang'), 'en');
  assert.equal(doc.querySelector('label[for="search-q"]')?.textContent, 'Words to find');
  assert.deepEqual(resultTitles(doc), [f.articles.hostile.title]);
  assert.ok(!body.includes('<script>alert(1)</script>'));
  assert.match(body, /&lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt; &quot;<mark>quoted<\/mark>&quot; &amp; &lt;b&gt;<mark>bold<\/mark>&lt;\/b&gt;/);
});

test('empty, oversized and hostile queries get a clear page, never a server error', async () => {
  const blank = await page('/search');
  assert.equal(blank.res.statusCode, 200);
  assert.ok(blank.doc.querySelector('form.search-form label[for="search-q"]'));
  assert.equal(blank.doc.querySelector('.search-problem'), null);
  const empty = await page('/search?q=+&lang=fr');
  assert.equal(empty.res.statusCode, 200);
  assert.equal(empty.doc.querySelector('.search-problem')?.textContent, 'Tapez un ou plusieurs mots à chercher.');
  const long = await page(`/search?q=${'a'.repeat(500)}&lang=en`);
  assert.equal(long.res.statusCode, 400);
  assert.equal(long.doc.querySelector('.search-problem')?.textContent, 'This search is too long: 200 characters at most.');
  const punct = await page('/search?q=***&lang=en');
  assert.equal(punct.res.statusCode, 400);
  for (const q of ['NEAR(a', '"unbalanced', 'title:x*', '^(', "'; DROP TABLE articles; --", '%00', '%FF']) {
    const r = await page(`/search?q=${q.startsWith('%') ? q : encodeURIComponent(q)}`);
    assert.ok(r.res.statusCode < 500, `${q}: ${r.res.statusCode}`);
  }
  const twice = await page('/search?q=defense&q=other&lang=fr&lang=en');
  assert.equal(twice.res.statusCode, 200);
  assert.equal((await page('/search?q=x&page=0')).res.statusCode, 404);
});

test('results are paginated with links that keep the query and the language', async () => {
  const { createArticle } = await import('../publish/articles.ts');
  const { SYSTEM } = await import('../publish/test-actors.ts');
  for (let i = 0; i < 23; i++)
    await createArticle(f.ctx, { language: 'fr', title: `Vendanges tardives ${i}`, bodyHtml: '<p>x</p>', status: 'published' }, SYSTEM);
  const first = await page('/search?q=vendange&lang=fr');
  assert.equal(resultTitles(first.doc).length, 20);
  assert.equal(first.doc.querySelector('.search-count')?.textContent, '23 résultats');
  const next = first.doc.querySelector('.pagination a[rel="next"]')?.getAttribute('href');
  assert.equal(next, '/search?q=vendange&lang=fr&page=2');
  const second = await page(next!);
  assert.equal(resultTitles(second.doc).length, 3);
  assert.equal(second.doc.querySelector('.search-results')?.getAttribute('start'), '21');
  assert.equal(second.doc.querySelector('.pagination a[rel="prev"]')?.getAttribute('href'), '/search?q=vendange&lang=fr');
});

test('every page header has a labelled search form that leads to /search in the page language', async () => {
  const { doc } = await page(`/en/${f.articles.en.slug}`);
  const form = doc.querySelector('header form.site-search');
  assert.equal(form?.getAttribute('action'), '/search');
  assert.equal(form?.getAttribute('role'), 'search');
  assert.equal(doc.querySelector('label[for="site-search-q"]')?.textContent, 'Search the site');
  assert.equal(form?.querySelector('input[name="lang"]')?.getAttribute('value'), 'en');
  assert.equal(form?.querySelector('button')?.textContent, 'Search');
});
