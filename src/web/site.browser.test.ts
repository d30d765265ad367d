// The public site in Debian's Chromium: keyboard and no-JavaScript navigation, responsive menu, images,
// dark mode, and no Content-Security-Policy violation on an article page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { buildApp } from '../app.ts';
import { launchBrowser, loopbackOnly, SKIP_BROWSER } from '../../e2e/browser.ts';
import { buildFixture, type Fixture } from './test-fixtures.ts';

const skip = SKIP_BROWSER;
let f: Fixture;
let app: FastifyInstance;
let browser: Browser;
let origin: string;
const ARTICLE = '/fr/ministere-defense-russe-details-cooperation';

before(async () => {
  if (skip) return;
  f = await buildFixture();
  app = await buildApp(f.ctx);
  await app.listen({ host: '127.0.0.1', port: 0 });
  origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await app?.close();
  await f?.ctx.store.close();
});

async function newPage(opts: { javaScriptEnabled?: boolean; width?: number; colorScheme?: 'light' | 'dark' } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: { width: opts.width ?? 1024, height: 800 },
    colorScheme: opts.colorScheme ?? 'light',
  });
  await loopbackOnly(context);
  return { context, page: await context.newPage() };
}

test('without JavaScript, on a phone, the jump menu goes to the chosen section', { skip, timeout: 60_000 }, async () => {
  const { context, page } = await newPage({ javaScriptEnabled: false, width: 375 });
  await page.goto(`${origin}/`);
  assert.equal(await page.isVisible('form.jump'), true);
  assert.equal(await page.isVisible('nav.site-nav'), false);
  assert.equal(await page.isVisible('a.rss-link'), true);
  await page.selectOption('#jump-to', '/section/world/');
  await Promise.all([page.waitForURL(`${origin}/section/world/`), page.click('form.jump button')]);
  assert.equal(await page.textContent('h1'), 'Monde');
  await context.close();
});

test('on a wide screen the section menu shows instead of the jump menu', { skip, timeout: 60_000 }, async () => {
  const { context, page } = await newPage({ width: 1280 });
  await page.goto(`${origin}/`);
  assert.equal(await page.isVisible('nav.site-nav'), true);
  assert.equal(await page.isVisible('form.jump'), false);
  await context.close();
});

test('the skip link is the first stop, becomes visible with a focus ring, and moves focus to main', { skip, timeout: 60_000 }, async () => {
  const { context, page } = await newPage();
  await page.goto(`${origin}${ARTICLE}`);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return { cls: el.className, top: r.top, outline: style.outlineStyle, width: style.outlineWidth };
  });
  assert.equal(focused.cls, 'skip-link');
  assert.ok(focused.top >= 0, 'visible when focused');
  assert.notEqual(focused.outline, 'none');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await context.close();
});

test('the article page loads its image variants and breaks no CSP rule', { skip, timeout: 60_000 }, async () => {
  const { context, page } = await newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && new URL(r.url()).origin === origin) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${origin}${ARTICLE}`, { waitUntil: 'load' });
  const img = await page.evaluate(() => {
    const i = document.querySelector('figure.featured img') as HTMLImageElement;
    return { complete: i.complete, natural: i.naturalWidth, current: i.currentSrc };
  });
  assert.ok(img.complete && img.natural > 0, JSON.stringify(img));
  assert.match(img.current, /\/img\/(320|640|960|1280)\/2017\/featured\.png$/);
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src || s.type));
  assert.deepEqual(scripts.sort(), ['application/ld+json', `${origin}/assets/relais-copy.js`].sort());
  assert.deepEqual(violations, []);
  assert.deepEqual(failed, []);
  await context.close();
});

test('dark mode follows the reader’s system setting', { skip, timeout: 60_000 }, async () => {
  const { context, page } = await newPage({ colorScheme: 'dark' });
  await page.goto(`${origin}/`);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g)!.map(Number);
  assert.ok(r + g + b < 150, `dark background, got ${bg}`);
  await context.close();
});
