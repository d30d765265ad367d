// The XSS corpus (../shared/corpora/xss) pasted into the article editor and put into the title and summary
// fields: no script runs in the newsroom, nor on the published page. The page is loaded without its CSP
// there, so that what is measured is the sanitiser; a control proves the instrumentation hears script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, loopbackOnly, SKIP_XSS_BROWSER } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { apiCall, instrument, newsroomContext, signInOwner } from './newsroom-support.ts';
import { pasteHtml } from './newsroom-articles-support.ts';

const XSS = new URL('../../shared/corpora/xss/', import.meta.url);
const SKIP = SKIP_XSS_BROWSER || (!existsSync(new URL('harness-controls.json', XSS)) && 'needs ../shared/corpora/xss');
const load = (f: string) => JSON.parse(readFileSync(new URL(f, XSS), 'utf8')) as { id: string; payload: string }[];
const BATCH = 40;

let server: RunningServer;
let browser: Browser;
let owner: BrowserContext;
let reports: string[];

before(async () => {
  if (SKIP) return;
  server = await startServer();
  browser = await launchBrowser();
  owner = await newsroomContext(browser);
  reports = await instrument(owner);
  await signInOwner(server, owner);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Loads a public page with nothing else reachable and no CSP, pokes every element of the body; returns what ran. */
async function publicPageRuns(path: string): Promise<string[]> {
  const ctx = await browser.newContext({ bypassCSP: true });
  await loopbackOnly(ctx);
  const ran = await instrument(ctx);
  const p: Page = await ctx.newPage();
  ctx.on('page', (other) => other !== p && void other.close().catch(() => {}));
  p.on('pageerror', (e) => ran.push('pageerror:' + e.message));
  await p.goto(server.base + path, { waitUntil: 'load' });
  await p.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('.article-body *, article *'))) {
      for (const type of ['mouseover', 'mouseenter', 'mousedown', 'mouseup', 'focus', 'animationstart']) el.dispatchEvent(new Event(type, { bubbles: true }));
      try { (el as HTMLElement).focus?.(); } catch {}
    }
  });
  await p.waitForTimeout(300);
  await ctx.close();
  return ran;
}

test('the XSS corpus pasted into the editor and typed into title and summary runs no script, in the newsroom or on the public page', { skip: SKIP, timeout: 1_500_000 }, async () => {
  const cases = [...load('harness-controls.json'), ...load('dompurify-cases.json'), ...load('h5sc-vectors.json')];
  assert.ok(cases.length >= 390, `the whole corpus: ${cases.length}`);
  const page = await owner.newPage();
  await page.goto(`${server.base}/newsroom/articles`);
  await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor({ timeout: 90_000 }); // the first request builds the bundle
  await page.evaluate(() => window.alert('control'));
  assert.deepEqual(reports.splice(0), ['alert'], 'the instrumentation hears script running');

  const published: string[] = [];
  let viaSanitiser = 0;
  for (let i = 0; i < cases.length; i += BATCH) {
    const batch = cases.slice(i, i + BATCH);
    await page.goto(`${server.base}/newsroom/articles/new`);
    await page.getByLabel('Title', { exact: true }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill(`XSS ${i} ${batch[0].payload}`.slice(0, 500));
    await page.getByLabel('Summary', { exact: true }).fill(batch.map((c) => c.payload).join(' ').slice(0, 2000));
    for (const c of batch) if (await pasteHtml(page, c.payload)) viaSanitiser++;
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/\/newsroom\/articles\/\d+$/);
    const id = Number(page.url().split('/').pop());
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByRole('status').filter({ hasText: 'Published.' }).first().waitFor();
    const a = await apiCall(server, owner, 'GET', `/articles/${id}`);
    assert.equal(a.status, 'published');
    published.push(`/${a.language}/${a.slug}`);
    assert.deepEqual(reports, [], `script ran in the newsroom for payloads ${batch.map((c) => c.id).join(', ')}`);
  }
  assert.ok(viaSanitiser >= cases.length * 0.9, `${viaSanitiser} of ${cases.length} pastes went through POST /api/sanitize`);
  // The list shows every one of those titles as text.
  await page.goto(`${server.base}/newsroom/articles?q=XSS`);
  await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(reports, [], 'script ran on the list');
  for (const path of published) assert.deepEqual(await publicPageRuns(path), [], `script ran on ${path}`);
});
