// The real server (`relais serve --demo`) and a real browser: a translated article shows every element of a
// republished page, a share click is counted, copied text carries the attribution line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, loopbackOnly, SKIP_BROWSER } from './browser.ts';
import { findArticle, startServer, type RunningServer } from './server.ts';

const RESULTS = fileURLToPath(new URL('../test-results/', import.meta.url));
const FRENCH_DATE = /^\d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}$/;
const ENGLISH_DATE = /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

before(async () => {
  if (SKIP_BROWSER) return;
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
  await loopbackOnly(context);
});
after(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

async function visible(page: Page, selector: string, what: string) {
  const loc = page.locator(selector).first();
  assert.ok(await loc.isVisible(), `${what} (${selector}) is not visible`);
  return loc;
}

async function counts(page: Page) {
  const facebook = Number(await page.locator('.share-count[data-network="facebook"]').first().textContent());
  const total = Number(((await page.locator('.share-total').first().textContent()) ?? '').replace(/\D+/g, ''));
  return { facebook, total };
}

test('a French translation shows every element of a republished article', { skip: SKIP_BROWSER, timeout: 120_000 }, async () => {
  const path = await findArticle(server.base, '/fr/', (html) => html.includes('credit-translator') && html.includes('class="about"') && html.includes('class="featured"'));
  const page = await context.newPage();
  await page.goto(server.base + path);

  await visible(page, '.site-name', 'site name');
  const title = await (await visible(page, 'article h1', 'title')).textContent();
  assert.ok(title && title.length > 10);
  const date = (await (await visible(page, 'article header time', 'date')).textContent())?.trim() ?? '';
  assert.match(date, FRENCH_DATE);
  const img = await visible(page, 'figure.featured img', 'featured image');
  assert.ok(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), 'featured image loaded');
  assert.match((await img.getAttribute('srcset')) ?? '', /\/img\/320\/.* 320w/);
  assert.match((await (await visible(page, '.byline', 'byline')).textContent()) ?? '', /^Par \S+/);
  assert.ok(((await (await visible(page, '.article-body', 'body')).textContent()) ?? '').length > 200);
  assert.match((await (await visible(page, '.credit-original', 'original credit')).textContent()) ?? '', /^Traduction : https?:\/\//);
  assert.match((await (await visible(page, '.credit-translator', 'translator credit')).textContent()) ?? '', /^Traduction : .+ – Relais Demo$/);
  assert.match((await (await visible(page, '.about h2', 'About box')).textContent()) ?? '', /^À propos de /);
  assert.equal(await page.locator('.share-bar a.share').count(), 8);
  assert.match((await (await visible(page, '.share-total', 'share total')).textContent()) ?? '', /^Total : \d+$/);
  await visible(page, '.rss-link', 'RSS link');
  await visible(page, 'link[rel="alternate"][type="application/rss+xml"]', 'feed autodiscovery').catch(async () => {
    assert.ok((await page.locator('link[rel="alternate"][type="application/rss+xml"]').count()) > 0, 'feed autodiscovery');
  });
  const jsonld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  assert.equal(jsonld['@type'], 'NewsArticle');
  assert.equal(jsonld.inLanguage, 'fr');
  assert.ok(jsonld.translator && jsonld.translationOfWork && jsonld.isBasedOn, 'translator, translationOfWork, isBasedOn in JSON-LD');

  // The skip link is the first thing the keyboard reaches.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');

  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: RESULTS + 'article-fr.png', fullPage: true });

  // Small screens get the "Aller à…" jump menu, which works without JavaScript.
  await page.setViewportSize({ width: 375, height: 800 });
  await visible(page, 'form.jump select', 'jump menu');
  await page.screenshot({ path: RESULTS + 'article-fr-mobile.png' });
  await page.close();
});

test('a share click goes through the first-party counter and the count grows', { skip: SKIP_BROWSER, timeout: 60_000 }, async () => {
  const path = await findArticle(server.base, '/fr/', (html) => html.includes('share-bar'));
  const page = await context.newPage();
  await page.goto(server.base + path);
  const before = await counts(page);
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('a.share-facebook').click()]);
  // The counter answers with a redirect to the network, which this closed browser may not reach.
  await popup.waitForLoadState('domcontentloaded').catch(() => {});
  await popup.close();
  await page.reload();
  const afterClick = await counts(page);
  assert.equal(afterClick.facebook, before.facebook + 1);
  assert.equal(afterClick.total, before.total + 1);
  await page.close();
});

test('copying a passage appends "En savoir plus sur <URL>#token", and the link brings a counted visit', { skip: SKIP_BROWSER, timeout: 60_000 }, async () => {
  const path = await findArticle(server.base, '/fr/', (html) => html.includes('article-body'));
  const page = await context.newPage();
  await page.goto(server.base + path);
  const canonical = await page.locator('article.article').getAttribute('data-canonical-url');
  // The script asks the server for a signed token when a selection starts; the copy must come after it arrived.
  const tokenReached = page.waitForResponse((r) => r.url().endsWith('/copy/token'));
  await page.evaluate(() => {
    const p = document.querySelector('.article-body p')!;
    const range = document.createRange();
    range.selectNodeContents(p);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  assert.equal((await tokenReached).status(), 200);
  await (await tokenReached).finished();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  await page.keyboard.press('Control+C');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const m = /\n\nEn savoir plus sur (\S+)#([A-Za-z0-9]{16}\.[0-9a-z]+\.[A-Za-z0-9_-]{16})\s*$/.exec(copied);
  assert.ok(m, `attribution line missing in: ${copied.slice(-200)}`);
  assert.equal(m[1], canonical);
  const articleId = await page.locator('article.article').getAttribute('data-article-id');
  const token = (await server.cli(['token', 'create', 'e2e'])).trim();
  const stats = async () =>
    (await (await fetch(`${server.base}/api/articles/${articleId}/stats`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      copies: { copies: number; visitsFromCopies: number };
    };
  // The copy is reported with a beacon: wait for it to land before following the link.
  for (let i = 0; i < 50 && (await stats()).copies.copies < 1; i++) await page.waitForTimeout(100);
  assert.equal((await stats()).copies.copies, 1);
  const visitor = await context.newPage();
  await visitor.goto(`${m[1]}#${m[2]}`);
  for (let i = 0; i < 50 && (await stats()).copies.visitsFromCopies < 1; i++) await visitor.waitForTimeout(100);
  assert.equal((await stats()).copies.visitsFromCopies, 1);
  await visitor.close();
  await page.close();
});

test('an English article is dated and credited in English', { skip: SKIP_BROWSER, timeout: 60_000 }, async () => {
  const path = await findArticle(server.base, '/en/', (html) => html.includes('class="byline"'));
  const page = await context.newPage();
  await page.goto(server.base + path);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(((await page.locator('article header time').first().textContent()) ?? '').trim(), ENGLISH_DATE);
  assert.match((await page.locator('.byline').textContent()) ?? '', /^By \S+/);
  await page.screenshot({ path: RESULTS + 'article-en.png', fullPage: true });
  await page.close();
});
