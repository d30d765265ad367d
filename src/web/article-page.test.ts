// The article page, element by element, as the reference capture shows them (run on SQLite and PostgreSQL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { SHARE_NETWORKS } from '../domain/types.ts';
import { recordShareClick } from '../store/counters.ts';
import { FORT_RUSS_URL, NOW, BASE, closeSiteApp, openSiteApp, type Fixture, type SiteApp } from './test-fixtures.ts';
import { CONTENT_SECURITY_POLICY } from './security.ts';

let f: Fixture;
let app: FastifyInstance;
let page: SiteApp['page'];

before(async () => ({ f, app, page } = await openSiteApp()));
after(() => closeSiteApp({ f, app }));

const frUrl = '/fr/ministere-defense-russe-details-cooperation';

test('the French translation shows title, site name, localised date and featured image', async () => {
  const { res, doc, body } = await page(frUrl);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
  assert.equal(doc.documentElement.getAttribute('lang'), 'fr');
  const title = 'Le Ministère de la Défense russe livre les détails de la coopération US-Etat Islamique';
  assert.equal(doc.querySelector('title')?.textContent, `${title} – Relais Demo`);
  assert.equal(doc.querySelectorAll('h1').length, 1);
  assert.equal(doc.querySelector('h1')?.textContent, title);
  assert.match(body, /<time datetime="2017-11-15T09:30:00.000Z">15 novembre 2017<\/time>/);
  assert.equal(doc.querySelector('.site-name a')?.textContent, 'Relais Demo');
  const img = doc.querySelector('figure.featured img')!;
  assert.equal(img.getAttribute('alt'), 'Des avions au sol');
  assert.equal(img.getAttribute('width'), '1600');
  assert.equal(img.getAttribute('height'), '900');
  assert.equal(
    img.getAttribute('srcset'),
    '/img/320/2017/featured.png 320w, /img/640/2017/featured.png 640w, /img/960/2017/featured.png 960w, /img/1280/2017/featured.png 1280w',
  );
  assert.equal(doc.querySelector('figure.featured figcaption')?.textContent, 'Image : Ministère de la Défense');
  assert.ok(doc.querySelector('meta[name="description"]')?.getAttribute('content')?.startsWith('Le ministère de la Défense russe a fourni'));
});

test('byline names the original writer and links to the author page', async () => {
  const { doc } = await page(frUrl);
  const byline = doc.querySelector('.byline')!;
  assert.equal(byline.textContent, 'Par Samer Hussein');
  assert.equal(byline.querySelector('a')?.getAttribute('href'), '/author/samer-hussein/');
});

test('credits: original, translator, via, chain — in French', async () => {
  const { doc } = await page(frUrl);
  const credits = doc.querySelector('section.credits')!;
  const original = credits.querySelector('.credit-original')!;
  assert.equal(original.textContent, `Traduction : ${BASE}/en/russian-mod-details-us-isis-cooperation`);
  assert.equal(original.querySelector('a')?.getAttribute('href'), `${BASE}/en/russian-mod-details-us-isis-cooperation`);
  assert.equal(credits.querySelector('.credit-translator')?.textContent, 'Traduction : Avic – Relais Demo');
  assert.equal(credits.querySelector('.credit-translator a')?.getAttribute('href'), '/author/avic/');
  assert.equal(credits.querySelector('.credit-via')?.textContent, 'via Intermédiaire');
  assert.equal(credits.querySelector('.credit-via a')?.getAttribute('href'), 'https://intermediaire.example/post/1');
  const chain = [...credits.querySelectorAll('.chain li')].map((li) => li.textContent);
  assert.deepEqual(chain, [
    'Republication : Russian MoD details US-ISIS cooperation (Relais Demo, 14 novembre 2017)',
    'Original : Russian MoD details US-ISIS cooperation (Fort Russ, 14 novembre 2017)',
  ]);
  assert.equal(credits.querySelector('.chain li:last-child a')?.getAttribute('href'), FORT_RUSS_URL);
});

test('a translation straight from an outside original credits its URL as the capture does', async () => {
  const { doc } = await page('/fr/traduction-directe');
  assert.equal(doc.querySelector('.credit-original')?.textContent, `Traduction : ${FORT_RUSS_URL}`);
  assert.equal(doc.querySelector('.credit-translator')?.textContent, 'Traduction : Avic – Relais Demo');
  assert.equal(doc.querySelector('.byline')?.textContent, 'Par Samer Hussein');
  assert.equal(doc.querySelector('.chain'), null);
});

test('credits in English: translated from an outlet, translated by, licence', async () => {
  const t = await page('/en/translated-from-french');
  assert.equal(t.doc.documentElement.getAttribute('lang'), 'en');
  assert.equal(t.doc.querySelector('.credit-original')?.textContent, 'Translated from Le Quotidien (https://quotidien.example/article-1)');
  assert.equal(t.doc.querySelector('.credit-original a')?.getAttribute('href'), 'https://quotidien.example/article-1');
  assert.equal(t.doc.querySelector('.credit-translator')?.textContent, 'Translated by Avic – Relais Demo');
  assert.equal(t.doc.querySelector('.byline')?.textContent, 'By Marie Curie');
  assert.match(t.body, /<time datetime="2017-11-16T09:00:00.000Z">16 November 2017<\/time>/);
  const en = await page('/en/russian-mod-details-us-isis-cooperation');
  assert.equal(en.doc.querySelector('.credit-original')?.textContent, 'First published by Fort Russ');
  assert.equal(en.doc.querySelector('.credit-original a')?.getAttribute('href'), FORT_RUSS_URL);
  assert.equal(en.doc.querySelector('.credit-licence')?.textContent, 'Licence: CC BY 4.0');
});

test('About boxes for authors with a bio, with their photo', async () => {
  const { doc } = await page(frUrl);
  const about = doc.querySelector('aside.about')!;
  assert.equal(about.querySelector('h2')?.textContent, 'À propos de Samer Hussein');
  assert.match(about.textContent ?? '', /Journaliste indépendant\./);
  assert.equal(about.querySelector('img')?.getAttribute('alt'), 'Portrait de Samer Hussein');
  assert.equal(about.querySelector('img')?.getAttribute('src'), '/img/320/people/samer.png');
  const rep = await page('/fr/republication-blog');
  assert.equal(rep.doc.querySelector('aside.about h2')?.textContent, 'À propos de Ginette Hess Skandrani');
  const noBio = await page('/en/republished-noindex');
  assert.equal(noBio.doc.querySelector('aside.about'), null);
});

test('share bar: a counting link per network, counts and total read fresh on every request', async () => {
  const id = f.articles.fr.id;
  const first = await page(frUrl);
  assert.equal(first.doc.querySelector('.share-bar h2')?.textContent, `Partager la publication « ${f.articles.fr.title} »`);
  for (const n of SHARE_NETWORKS) {
    const label = { facebook: 'Facebook', x: 'X', bluesky: 'Bluesky', mastodon: 'Mastodon', linkedin: 'LinkedIn', whatsapp: 'WhatsApp', telegram: 'Telegram', email: 'Courriel' }[n];
    assert.ok(
      first.body.includes(
        `<a class="share share-${n}" href="/share/${id}/${n}" rel="nofollow noopener" target="_blank" data-network="${n}">${label} <span class="share-count" data-network="${n}">0</span></a>`,
      ),
      n,
    );
  }
  assert.ok(first.body.includes('Total : 0'));
  const etag = String(first.res.headers.etag);
  assert.equal((await app.inject({ url: frUrl, headers: { 'if-none-match': etag } })).statusCode, 304);

  for (let i = 0; i < 3; i++) await recordShareClick(f.ctx.store.db, { articleId: id, network: 'facebook', reader: `r${i}`, now: NOW, windowSeconds: 60 });
  await recordShareClick(f.ctx.store.db, { articleId: id, network: 'email', reader: 'r0', now: NOW, windowSeconds: 60 });
  const second = await page(frUrl);
  assert.equal(second.doc.querySelector('.share-facebook .share-count')?.textContent, '3');
  assert.equal(second.doc.querySelector('.share-email .share-count')?.textContent, '1');
  assert.equal(second.doc.querySelector('.share-total')?.textContent, 'Total : 4');
  assert.notEqual(second.res.headers.etag, etag);
  assert.equal((await app.inject({ url: frUrl, headers: { 'if-none-match': etag } })).statusCode, 200);
  assert.match(String(second.res.headers['cache-control']), /^public, max-age=60, /);
  const en = await page('/en/russian-mod-details-us-isis-cooperation');
  assert.equal(en.doc.querySelector('.share-bar h2')?.textContent, 'Share this article');
  assert.ok(en.body.includes('Total: 0'));
  assert.ok(en.body.includes('>Email <span class="share-count" data-network="email">0</span>'));
});

test('copy-attribution hook: data attributes on the article and the only executable script', async () => {
  const { doc, body } = await page(frUrl);
  const art = doc.querySelector('article.article')!;
  assert.equal(art.getAttribute('data-article-id'), String(f.articles.fr.id));
  assert.equal(art.getAttribute('data-canonical-url'), `${BASE}${frUrl}`);
  assert.equal(art.getAttribute('data-lang'), 'fr');
  assert.equal(art.getAttribute('data-copy-min'), '80');
  assert.ok(body.includes('<script src="/assets/relais-copy.js" defer></script>'));
  const scripts = [...doc.querySelectorAll('script')];
  assert.deepEqual(scripts.filter((s) => s.getAttribute('type') !== 'application/ld+json').map((s) => s.getAttribute('src')), ['/assets/relais-copy.js']);
  assert.doesNotMatch(body, /\sstyle=|<style|\son[a-z]+=/i);
});

test('head: canonical, hreflang, feeds for the site and the language, OpenGraph', async () => {
  const { doc } = await page(frUrl);
  const attr = (sel: string, a = 'content') => doc.querySelector(sel)?.getAttribute(a);
  assert.equal(attr('link[rel="canonical"]', 'href'), `${BASE}${frUrl}`);
  assert.equal(doc.querySelector('meta[name="robots"]'), null);
  const hreflang = [...doc.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]);
  assert.deepEqual(hreflang, [
    ['en', `${BASE}/en/russian-mod-details-us-isis-cooperation`],
    ['fr', `${BASE}${frUrl}`],
  ]);
  const feeds = [...doc.querySelectorAll('link[rel="alternate"][type]')].map((l) => `${l.getAttribute('type')} ${l.getAttribute('href')}`);
  assert.deepEqual(feeds, [
    `application/rss+xml ${BASE}/feed.xml`,
    `application/atom+xml ${BASE}/feed.atom`,
    `application/feed+json ${BASE}/feed.json`,
    `application/rss+xml ${BASE}/fr/feed.xml`,
    `application/atom+xml ${BASE}/fr/feed.atom`,
    `application/feed+json ${BASE}/fr/feed.json`,
  ]);
  assert.equal(attr('meta[property="og:title"]'), f.articles.fr.title);
  assert.equal(attr('meta[property="og:type"]'), 'article');
  assert.equal(attr('meta[property="og:url"]'), `${BASE}${frUrl}`);
  assert.equal(attr('meta[property="og:image"]'), `${BASE}/img/1280/2017/featured.png`);
  assert.equal(attr('meta[property="og:locale"]'), 'fr_FR');
  assert.equal(attr('meta[property="og:site_name"]'), 'Relais Demo');
  assert.equal(attr('meta[property="article:published_time"]'), '2017-11-15T09:30:00.000Z');
});

test('JSON-LD NewsArticle carries the provenance', async () => {
  const { doc } = await page(frUrl);
  const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
  assert.equal(ld['@type'], 'NewsArticle');
  assert.equal(ld.headline, f.articles.fr.title);
  assert.equal(ld.inLanguage, 'fr');
  assert.equal(ld.datePublished, '2017-11-15T09:30:00.000Z');
  assert.ok(ld.dateModified);
  assert.deepEqual(ld.author.map((p: any) => [p['@type'], p.name, p.url]), [['Person', 'Samer Hussein', `${BASE}/author/samer-hussein/`]]);
  assert.deepEqual(ld.translator.map((p: any) => p.name), ['Avic']);
  assert.equal(ld.translationOfWork['@type'], 'CreativeWork');
  assert.equal(ld.translationOfWork.url, `${BASE}/en/russian-mod-details-us-isis-cooperation`);
  assert.equal(ld.translationOfWork.inLanguage, 'en');
  assert.equal(ld.isBasedOn, FORT_RUSS_URL);
  assert.equal(ld.publisher['@type'], 'Organization');
  assert.equal(ld.publisher.logo.url, `${BASE}/assets/logo.png`);
  assert.equal(ld.image[0].url, `${BASE}/img/1280/2017/featured.png`);
  assert.equal(ld.mainEntityOfPage['@id'], `${BASE}${frUrl}`);
  const direct = await page('/fr/traduction-directe');
  const ld2 = JSON.parse(direct.doc.querySelector('script[type="application/ld+json"]')!.textContent!);
  assert.equal(ld2.translationOfWork.url, FORT_RUSS_URL);
  assert.deepEqual(ld2.translationOfWork.publisher, { '@type': 'Organization', name: 'Fort Russ', url: 'http://www.fort-russ.com/' });
  assert.deepEqual(ld2.author, [{ '@type': 'Person', name: 'Samer Hussein' }]);
});

test('same-language republications follow their canonical policy', async () => {
  const original = await page('/fr/republication-blog');
  assert.equal(original.doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), `${BASE}${frUrl}`);
  assert.equal(original.doc.querySelector('meta[name="robots"]'), null);
  assert.equal(original.doc.querySelectorAll('link[hreflang]').length, 0);
  assert.equal(original.doc.querySelector('.credit-original')?.textContent, 'Publié d’abord par Relais Demo');
  const noindex = await page('/en/republished-noindex');
  assert.equal(noindex.doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), `${BASE}/en/republished-noindex`);
  assert.equal(noindex.doc.querySelector('meta[name="robots"]')?.getAttribute('content'), 'noindex');
  assert.equal(noindex.doc.querySelector('.credit-original')?.textContent, 'First published by other.example');
});

test('navigation: skip link, section menu, no-JavaScript jump menu, visible RSS link, landmarks', async () => {
  const { doc } = await page(frUrl);
  const skip = doc.querySelector('body > a.skip-link')!;
  assert.equal(skip.getAttribute('href'), '#main');
  assert.equal(skip.textContent, 'Aller au contenu');
  assert.equal(doc.querySelector('main')?.id, 'main');
  assert.ok(doc.querySelector('header.site-header') && doc.querySelector('footer') && doc.querySelector('nav[aria-label="Menu principal"]'));
  assert.deepEqual([...doc.querySelectorAll('.site-nav a')].map((a) => a.textContent), ['Accueil', 'Monde', 'Culture', 'Français', 'English']);
  const form = doc.querySelector('form.jump')!;
  assert.equal(form.getAttribute('method'), 'get');
  assert.equal(form.getAttribute('action'), '/go');
  assert.equal(form.querySelector('label')?.textContent, 'Aller à…');
  assert.equal(form.querySelector('select')?.getAttribute('name'), 'to');
  assert.deepEqual([...form.querySelectorAll('option')].map((o) => o.getAttribute('value')), ['/', '/section/world/', '/section/culture/', '/fr/', '/en/']);
  assert.ok(form.querySelector('button[type="submit"]'));
  const rss = doc.querySelector('a.rss-link')!;
  assert.equal(rss.textContent, 'Flux RSS');
  assert.equal(rss.getAttribute('href'), '/fr/feed.xml');
  const en = await page('/en/translated-from-french');
  assert.equal(en.doc.querySelector('a.rss-link')?.textContent, 'RSS Feed');
  assert.equal(en.doc.querySelector('form.jump label')?.textContent, 'Go to…');
  // Headings never skip a level.
  const levels = [...doc.querySelectorAll('h1, h2, h3, h4')].map((h) => Number(h.tagName[1]));
  for (let i = 1; i < levels.length; i++) assert.ok(levels[i] <= levels[i - 1] + 1, `heading order ${levels}`);
});

test('security headers on every page, found or not', async () => {
  for (const url of [frUrl, '/', '/nope/nothing/here', '/fr/brouillon']) {
    const res = await app.inject({ url });
    assert.equal(res.headers['content-security-policy'], CONTENT_SECURITY_POLICY, url);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin', url);
  }
  assert.match(CONTENT_SECURITY_POLICY, /frame-src www\.youtube-nocookie\.com .*player\.vimeo\.com/);
  assert.match(CONTENT_SECURITY_POLICY, /^default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; frame-src /);
  assert.match(CONTENT_SECURITY_POLICY, /; object-src 'none'; base-uri 'none'; form-action 'self'$/);
});

test('only visible articles are shown: drafts and future schedules 404, due schedules show', async () => {
  const draft = await page('/fr/brouillon');
  assert.equal(draft.res.statusCode, 404);
  assert.doesNotMatch(draft.body, /Brouillon secret/);
  assert.equal(draft.doc.querySelector('h1')?.textContent, 'Page introuvable');
  assert.equal((await app.inject({ url: '/fr/plus-tard' })).statusCode, 404);
  const due = await page('/fr/programme-echu');
  assert.equal(due.res.statusCode, 200);
  assert.equal(due.doc.querySelector('h1')?.textContent, 'Article programmé échu');
  assert.equal((await app.inject({ url: '/fr/no-such-article' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/en/ministere-defense-russe-details-cooperation' })).statusCode, 404);
});

test('hostile titles, summaries and tags are escaped everywhere', async () => {
  for (const url of ['/en/hostile', '/', '/en/']) {
    const { body } = await page(url);
    assert.doesNotMatch(body, /<script>alert|<img src=x|<b>bold|<i>tag/, url);
  }
  const { doc } = await page('/en/hostile');
  assert.equal(doc.querySelector('h1')?.textContent, f.articles.hostile.title);
  const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
  assert.equal(ld.headline, f.articles.hostile.title);
});
