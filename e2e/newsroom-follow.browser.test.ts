// Where an article goes, in Chromium against the real `relais serve --demo`: a loopback site republishes
// an article with the kit (a reader's visit loads the pixel) and sends a webmention; the server's own jobs
// check the page and verify the mention; the article's dashboard shows both, the site dashboard the top
// republisher, the moderation screen approves the mention, and the public page lists it ("Mentioned by").
// axe-clean in English and French, within the CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, SKIP_BROWSER } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { apiCall, axeProblems, cspViolations, newsroomContext, onScreen, screenshot, signInOwner } from './newsroom-support.ts';

const BODY = ['The harbour lights were switched back on after forty years of darkness.', 'Fishermen say the old lamps guide them home better than any screen.', 'The council paid for the repairs with a grant from the coast fund.']
  .map((p) => `<p>${p} ${p}</p>`)
  .join('');

let server: RunningServer;
let site: Server;
let siteBase = '';
let republished = '';
let browser: Browser;
let owner: BrowserContext;
let page: Page;
let article: { id: number; slug: string };

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

async function until<T>(what: string, read: () => Promise<T | undefined | null | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

before(async () => {
  if (SKIP_BROWSER) return;
  site = createServer((req, res) => (req.url === '/news/harbour' ? res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(republished) : res.writeHead(404).end()));
  await new Promise<void>((ok) => site.listen(0, '127.0.0.1', ok));
  siteBase = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  server = await startServer({ RELAIS_FETCH_ALLOW: new URL(siteBase).host });
  browser = await launchBrowser();
  owner = await newsroomContext(browser, 'en-GB');
  await signInOwner(server, owner);
  page = await owner.newPage();
  article = await apiCall(server, owner, 'POST', '/articles', { language: 'en', title: 'Harbour lights', bodyHtml: BODY, status: 'published' });
  await apiCall(server, owner, 'PUT', `/articles/${article.id}/licence`, { licence: 'CC-BY-4.0' });
});
after(async () => {
  await browser?.close();
  await server?.stop();
  site?.close();
});

async function clean(screen: string) {
  await page.waitForLoadState('networkidle');
  assert.deepEqual(await axeProblems(page), [], screen);
  assert.deepEqual(await cspViolations(page), [], `${screen}: CSP violations`);
}

test('a republisher and a webmention on the dashboards, approved, then on the public page', { skip: SKIP_BROWSER, timeout: 240_000 }, async () => {
  const target = `${server.base}/en/${article.slug}`;
  const kit = await (await fetch(`${target}/republish`)).text();
  const pasted = unescape(/<textarea id="kit-body"[^>]*>([\s\S]*?)<\/textarea>/.exec(kit)![1]);
  republished = `<!doctype html><html lang="en"><head><title>Coast news: Harbour lights</title><link rel="canonical" href="${target}"></head><body>
    <article class="h-entry"><p>By <a class="p-author h-card" href="https://jo.example/">Jo Martin</a>, <time class="dt-published" datetime="2026-11-30T10:00:00Z">30 November</time></p>
    <div class="e-content">${pasted}</div></article></body></html>`;

  // A reader visits the republishing page: its pixel is counted, with the page's address as Referer.
  const reader = await newsroomContext(browser, 'en-GB');
  const readerPage = await reader.newPage();
  const pixel = readerPage.waitForResponse((r) => r.url().startsWith(`${server.base}/px/`));
  await readerPage.goto(`${siteBase}/news/harbour`);
  assert.equal((await pixel).status(), 200);
  await reader.close();

  const sent = await fetch(`${server.base}/webmention`, { method: 'POST', body: new URLSearchParams({ source: `${siteBase}/news/harbour`, target }) });
  assert.equal(sent.status, 202);
  // The server's own worker checks the page and verifies the mention through the safe fetcher.
  await until('the republisher check', async () => (await apiCall(server, owner, 'GET', `/articles/${article.id}/republishers`)).republishers.find((r: any) => r.checks));
  const [mention] = await until('the verified webmention', async () => {
    const l = (await apiCall(server, owner, 'GET', `/articles/${article.id}/webmentions`)).webmentions;
    return l.length && l[0].verification === 'verified' && l;
  });
  assert.equal(mention.author.name, 'Jo Martin');

  await page.goto(`${server.base}/newsroom/articles/${article.id}/stats`);
  await onScreen(page, 'Article statistics');
  const reps = page.getByRole('region', { name: 'Republished by' });
  const row = reps.getByRole('table', { name: 'Republishing pages of this article' }).getByRole('row').filter({ hasText: 'Coast news: Harbour lights' });
  await row.waitFor();
  assert.match(await row.innerText(), /Credits present: yes[\s\S]*Link back: yes[\s\S]*Canonical as advised: yes[\s\S]*Text unchanged \(\d+% similar\): yes/);
  assert.match(await row.getByRole('cell').nth(1).innerText(), /^1$/);
  const chart = reps.getByRole('figure', { name: 'Views per day on republishing pages' });
  await chart.getByRole('button', { name: 'Table' }).click();
  assert.match(await chart.getByRole('table').innerText(), /Total\s+1/);
  await chart.getByRole('button', { name: 'Chart' }).click();
  const mentions = page.getByRole('region', { name: 'Webmentions' });
  const mrow = mentions.getByRole('row').filter({ hasText: 'Coast news: Harbour lights' });
  assert.match(await mrow.innerText(), /Jo Martin\tNov 30, 2026[\s\S]*pending · verified/);
  await clean('article statistics (en)');
  await screenshot(page, 'article-follow');

  await page.goto(`${server.base}/newsroom/`);
  await onScreen(page, 'Dashboard');
  const top = page.getByRole('table', { name: 'Top republishers' }).getByRole('row').filter({ hasText: new URL(siteBase).host });
  await top.waitFor();
  assert.match(await top.innerText(), /\s1\s+1$/);

  await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Webmentions' }).click();
  await onScreen(page, 'Webmentions');
  const wrow = page.getByRole('row').filter({ hasText: 'Coast news: Harbour lights' });
  await wrow.getByRole('button', { name: 'Approve: Coast news: Harbour lights' }).click();
  await wrow.getByText('approved · verified').waitFor();
  await page.getByRole('status').filter({ hasText: 'Webmention from Coast news: Harbour lights: approved.' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Mark as spam', 'focus stays in the row');
  await clean('webmentions (en)');
  await screenshot(page, 'webmentions');
  await page.getByRole('combobox', { name: 'Moderation' }).selectOption('spam');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.getByText('No webmention.').waitFor();

  // The public page lists it: escaped, nofollow ugc, and the page still signed as served.
  await page.goto(target);
  const list = page.getByRole('region', { name: 'Mentioned by' });
  const link = list.getByRole('link', { name: 'Coast news: Harbour lights' });
  assert.equal(await link.getAttribute('href'), `${siteBase}/news/harbour`);
  assert.equal(await link.getAttribute('rel'), 'nofollow ugc');
  assert.match(await list.innerText(), /by Jo Martin, 30 November 2026/);
  assert.match(await page.content(), /<script type="application\/c2pa">/);
  await clean('public article page');
  await screenshot(page, 'mentioned-by');
});

test('the same screens in French: axe-clean', { skip: SKIP_BROWSER, timeout: 120_000 }, async () => {
  await page.goto(`${server.base}/newsroom/`);
  await onScreen(page, 'Dashboard');
  await page.getByLabel('Interface language').selectOption('fr');
  await onScreen(page, 'Tableau de bord');
  await page.getByRole('table', { name: 'Sites qui republient le plus' }).waitFor();
  await clean('tableau de bord (fr)');
  await page.goto(`${server.base}/newsroom/articles/${article.id}/stats`);
  await onScreen(page, 'Statistiques de l’article');
  const row = page.getByRole('region', { name: 'Republié par' }).getByRole('table', { name: 'Pages qui republient cet article' }).getByRole('row').filter({ hasText: 'Coast news' });
  assert.match(await row.innerText(), /Crédits présents : oui/);
  await page.getByRole('region', { name: 'Webmentions' }).getByText('approuvée · vérifiée').waitFor();
  await clean('statistiques (fr)');
  await screenshot(page, 'article-follow-fr');
  await page.goto(`${server.base}/newsroom/webmentions`);
  await onScreen(page, 'Webmentions');
  await page.getByRole('button', { name: 'Remettre en attente : Coast news: Harbour lights' }).waitFor();
  await clean('webmentions (fr)');
  await screenshot(page, 'webmentions-fr');
  await page.getByLabel('Langue de l’interface').selectOption('en');
  await onScreen(page, 'Webmentions');
});
