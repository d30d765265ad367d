// /sitemap.xml, /robots.txt, and the sitemap's canonical rule agreeing with the article page's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { urls } from '../domain/urls.ts';
import { resolveCredits } from '../provenance/credits.ts';
import { findArticleById } from '../store/articles.ts';
import { BASE, closeSiteApp, openSiteApp, type Fixture } from './test-fixtures.ts';
import { indexesItself, isSameLanguageRepublication, isTranslation } from '../provenance/canonical.ts';

let f: Fixture;
let app: FastifyInstance;

before(async () => ({ f, app } = await openSiteApp()));
after(() => closeSiteApp({ f, app }));

function urlBlocks(xml: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const block of xml.match(/<url>.*?<\/url>/g) ?? []) m.set(block.match(/<loc>(.*?)<\/loc>/)![1], block);
  return m;
}

test('the sitemap lists indexable visible articles with lastmod and hreflang alternates, sections and authors', async () => {
  const res = await app.inject({ url: '/sitemap.xml' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^application\/xml/);
  assert.match(res.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9" xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml">/);
  const blocks = urlBlocks(res.body);
  const a = f.articles;
  for (const art of [a.en, a.fr, a.frOutside, a.enTranslation, a.due, a.hostile]) assert.ok(blocks.has(urls.article(f.ctx.site, art)), art.slug);
  for (const art of [a.draft, a.future, a.repOriginal, a.repNoindex]) assert.ok(!blocks.has(urls.article(f.ctx.site, art)), art.slug);
  const fr = blocks.get(`${BASE}/fr/ministere-defense-russe-details-cooperation`)!;
  assert.match(fr, /<lastmod>\d{4}-\d\d-\d\dT[\d:.]+Z<\/lastmod>/);
  assert.ok(fr.includes(`<xhtml:link rel="alternate" hreflang="en" href="${BASE}/en/russian-mod-details-us-isis-cooperation"/>`));
  assert.ok(fr.includes(`<xhtml:link rel="alternate" hreflang="fr" href="${BASE}/fr/ministere-defense-russe-details-cooperation"/>`));
  const en = blocks.get(`${BASE}/en/russian-mod-details-us-isis-cooperation`)!;
  assert.ok(en.includes(`hreflang="fr" href="${BASE}/fr/ministere-defense-russe-details-cooperation"`));
  assert.doesNotMatch(blocks.get(`${BASE}/en/hostile`)!, /xhtml:link/);
  for (const loc of [`${BASE}/`, `${BASE}/fr/`, `${BASE}/en/`, `${BASE}/section/world/`, `${BASE}/section/culture/`, `${BASE}/author/samer-hussein/`, `${BASE}/author/avic/`])
    assert.ok(blocks.has(loc), loc);
  assert.ok(!res.body.includes('<script'));
});

test('robots.txt points at the sitemap and keeps crawlers off share and API URLs', async () => {
  const res = await app.inject({ url: '/robots.txt' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/plain/);
  assert.match(res.body, /^User-agent: \*$/m);
  assert.match(res.body, /^Disallow: \/share\/$/m);
  assert.match(res.body, /^Disallow: \/api\/$/m);
  assert.match(res.body, new RegExp(`^Sitemap: ${BASE}/sitemap.xml$`, 'm'));
});

test('canonical rules: translations are their own canonical; republications follow their policy', async () => {
  const site = f.ctx.site;
  const a = f.articles;
  assert.equal(isTranslation(a.fr), true);
  assert.equal(isTranslation(a.frOutside), true);
  assert.equal(isSameLanguageRepublication(a.en), true);
  assert.equal(isSameLanguageRepublication(a.repOriginal), true);
  assert.equal(indexesItself(site, a.fr), true);
  assert.equal(indexesItself(site, a.repOriginal), false);
  assert.equal(indexesItself(site, a.repNoindex), false);
  assert.equal(indexesItself(site, { ...a.hostile, canonicalUrl: 'https://elsewhere.example/x' }), false);
  assert.equal(indexesItself(site, { ...a.hostile, canonicalUrl: urls.article(site, a.hostile) }), true);
  // Policy 'original' with no URL to point at keeps the page canonical to itself.
  assert.equal(
    indexesItself(site, { ...a.repNoindex, canonicalPolicy: 'original', provenance: { ...a.repNoindex.provenance, original: { ...a.repNoindex.provenance.original!, url: null } } }),
    true,
  );
  // The sitemap's quick rule and the page's full resolution agree on every article.
  for (const art of Object.values(a)) {
    const stored = (await findArticleById(f.ctx.store.db, art.id))!;
    const c = await resolveCredits(f.ctx.store.db, site, stored);
    const pageIndexesItself = c.canonicalUrl === urls.article(site, stored) && !c.noindex;
    assert.equal(indexesItself(site, stored), pageIndexesItself, stored.slug);
  }
});
