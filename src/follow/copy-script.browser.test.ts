// The copy-attribution script in a real Chromium: a long selection copied with Control+C gets the
// "En savoir plus sur …#token" line, the server records the copy, and opening that link counts a visit.
// Runs against the real app (follow routes) plus a minimal article page that keeps src/web's contract.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext } from 'playwright-core';
import type { AppContext } from '../context.ts';
import type { Article } from '../domain/types.ts';
import { buildApp } from '../app.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { getCopyStats } from '../store/counters.ts';
import { COPY_SCRIPT_PATH } from './script.ts';

const CHROMIUM = '/usr/bin/chromium';
const skip = !existsSync(CHROMIUM) && `needs Debian's chromium at ${CHROMIUM}`;

const PASSAGE =
  'Les rivières montent depuis trois jours dans toute la vallée, et les habitants des berges ont commencé à quitter leurs maisons.';

let ctx: AppContext;
let app: FastifyInstance;
let browser: Browser;
let context: BrowserContext;
let origin: string;
let article: Article;
const answered = new EventEmitter();

function articlePage(a: Article, canonical: string, lang: string): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(a.title)}</title>
<script src="${COPY_SCRIPT_PATH}" defer></script></head><body>
<header><nav><a href="/">Accueil</a></nav></header>
<article class="article" data-article-id="${a.id}" data-canonical-url="${esc(canonical)}" data-lang="${lang}" data-copy-min="${ctx.site.copyMinChars}">
<h1>${esc(a.title)}</h1>
<p id="passage">${esc(PASSAGE)}</p>
<p id="short">Court.</p>
<nav class="share-bar">
<a class="share share-x" href="/share/${a.id}/x" rel="nofollow noopener" target="_blank" data-network="x">X <span class="share-count" data-network="x">0</span></a>
</nav>
</article></body></html>`;
}

before(async () => {
  if (skip) return;
  ctx = await openTestContext();
  article = await createArticle(ctx, { language: 'fr', title: 'Les rivières montent', bodyHtml: `<p>${PASSAGE}</p>`, status: 'published' }, SYSTEM);
  app = await buildApp(ctx);
  // A stand-in for src/web's article page, under a path nobody else serves.
  app.get('/__follow-test/article', async (req, reply) => {
    const lang = (req.query as { lang?: string }).lang === 'de' ? 'de' : 'fr';
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'self'; script-src 'self'")
      .send(articlePage(article, `${ctx.site.baseUrl}/__follow-test/article`, lang));
  });
  app.addHook('onResponse', async (req, reply) => {
    answered.emit(req.url, reply.statusCode);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  ctx.site.baseUrl = origin;

  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  // Nothing leaves the machine.
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await app?.close();
  await ctx?.store.close();
});

async function copySelection(page: import('playwright-core').Page, selector: string, tokenFirst = false): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
  // The script asks the server for a signed token when a selection starts in the article.
  const issued = tokenFirst ? once(answered, '/copy/token') : null;
  // The server answering is not the page holding the token: wait for the response to reach the page too.
  const reached = tokenFirst ? page.waitForResponse((r) => r.url().endsWith('/copy/token')) : null;
  await page.evaluate((sel) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(sel)!);
    const s = document.getSelection()!;
    s.removeAllRanges();
    s.addRange(range);
  }, selector);
  if (issued) assert.deepEqual(await issued, [200]);
  if (reached) {
    await (await reached).finished();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  }
  await page.keyboard.press('Control+C');
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a long copy gets the attribution line and is recorded; its link counts a visit', { skip, timeout: 60_000 }, async () => {
  const page = await context.newPage();
  await page.goto(`${origin}/__follow-test/article`, { waitUntil: 'load' });

  const short = await copySelection(page, '#short', true);
  assert.equal(short, 'Court.', 'a short copy is left alone');

  const copyRecorded = once(answered, '/copy');
  const copied = await copySelection(page, '#passage');
  const m = /^([\s\S]*)\n\nEn savoir plus sur (\S+)#([0-9A-Za-z]{16}\.([0-9a-z]+)\.[A-Za-z0-9_-]{16})$/.exec(copied);
  assert.ok(m, `unexpected clipboard text: ${JSON.stringify(copied)}`);
  assert.equal(m[1], PASSAGE);
  assert.equal(m[2], `${origin}/__follow-test/article`);
  assert.equal(parseInt(m[4], 36), article.id);
  const token = m[3];

  const html = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return item.types.includes('text/html') ? (await item.getType('text/html')).text() : '';
  });
  assert.ok(html.includes(`href="${origin}/__follow-test/article#${token}"`), `clipboard HTML has the link: ${html}`);

  assert.deepEqual(await copyRecorded, [204]);
  assert.deepEqual(await getCopyStats(ctx.store.db, article.id), { copies: 1, visitsFromCopies: 0 });

  const visitor = await context.newPage();
  const visitRecorded = once(answered, '/copy/visit');
  await visitor.goto(`${origin}/__follow-test/article#${token}`, { waitUntil: 'load' });
  assert.deepEqual(await visitRecorded, [204]);
  assert.deepEqual(await getCopyStats(ctx.store.db, article.id), { copies: 1, visitsFromCopies: 1 });
  await visitor.waitForFunction(() => location.hash === '');
  assert.equal(await visitor.evaluate((t) => sessionStorage.getItem(`relais-copy-visit:${t}`), token), '1');
  await page.close();
  await visitor.close();
});

test('other languages get the English line', { skip, timeout: 60_000 }, async () => {
  const page = await context.newPage();
  await page.goto(`${origin}/__follow-test/article?lang=de`, { waitUntil: 'load' });
  const copyRecorded = once(answered, '/copy');
  const copied = await copySelection(page, '#passage', true);
  assert.match(copied, /\n\nRead more at http:\/\/127\.0\.0\.1:\d+\/__follow-test\/article#[0-9A-Za-z]{16}\.[0-9a-z]+\.[A-Za-z0-9_-]{16}$/);
  await copyRecorded;
  assert.equal((await getCopyStats(ctx.store.db, article.id)).copies, 2);
  await page.close();
});
