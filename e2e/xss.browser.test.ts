// Behavioural XSS check (../shared/corpora/xss/README.md): every payload is sent as an article body
// through the API, rendered on the public article page, and loaded in Chromium with instrumentation.
// No script may run. The harness's own controls, rendered with sanitising switched off, must all fire,
// so this test can fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { openApiHarness, type ApiHarness } from '../src/api/test-app.ts';
import { disableSanitizerForHarness } from '../src/publish/sanitize.ts';
import { launchBrowser, SKIP_XSS_BROWSER } from './browser.ts';

const XSS = new URL('../../shared/corpora/xss/', import.meta.url);
const SKIP = SKIP_XSS_BROWSER || (!existsSync(new URL('harness-controls.json', XSS)) && 'needs ../shared/corpora/xss');
const ARTICLE_HOST = 'http://article.test/';

interface Case {
  id: string;
  payload: string;
  trigger?: string;
}

function load(file: string): Case[] {
  return JSON.parse(readFileSync(new URL(file, XSS), 'utf8')) as Case[];
}

let h: ApiHarness;
let browser: Browser;

before(async () => {
  if (SKIP) return;
  h = await openApiHarness();
  browser = await launchBrowser(['--proxy-server=127.0.0.1:9']);
});
after(async () => {
  disableSanitizerForHarness(false);
  await browser?.close();
  await h?.close();
});

let serial = 0;
/** Publishes the payload through the API and returns the public page's HTML as readers get it. */
async function publishedPage(c: Case): Promise<string> {
  const res = await h.call('POST', '/api/articles', { language: 'en', title: `Case ${c.id}`, slug: `case-${c.id.toLowerCase()}-${++serial}`, bodyHtml: c.payload, status: 'published' });
  assert.equal(res.statusCode, 201, `${c.id}: ${res.body}`);
  const article = res.json() as { language: string; slug: string };
  const page = await h.app.inject({ method: 'GET', url: `/${article.language}/${article.slug}` });
  assert.equal(page.statusCode, 200, `${c.id}: article page ${page.statusCode}`);
  return page.body;
}

const INSTRUMENT = `(() => {
  const report = (how) => { try { window.__relaisReport(how); } catch {} };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) { try { window[name] = () => report(name); } catch {} }
  try { document.write = () => report('document.write'); document.writeln = () => report('document.writeln'); } catch {}
  try { Object.defineProperty(window, '__xss', { set() { report('__xss'); }, get() { return undefined; }, configurable: false }); } catch {}
  // A script error means script ran. Failed resource loads (images, the aborted stylesheet) also dispatch
  // 'error' on window in the capture phase, but as plain Events, not ErrorEvents.
  window.addEventListener('error', (e) => { if (e instanceof ErrorEvent) report('error:' + e.message); }, true);
})();`;

/** Loads the page in a fresh context with nothing else reachable; returns what executed. */
async function run(html: string, c: Case): Promise<string[]> {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const reports: string[] = [];
  await context.exposeBinding('__relaisReport', (_src, how: string) => void reports.push(how));
  await context.addInitScript(INSTRUMENT);
  // Measure the sanitiser, not the CSP: the page is served without one, and nothing else is reachable.
  await context.route('**/*', (route) =>
    route.request().url() === ARTICLE_HOST
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.abort('blockedbyclient'),
  );
  const page: Page = await context.newPage();
  // Popups (target=_blank, window.open) are closed at once: only the page under test matters.
  context.on('page', (p) => {
    if (p !== page) p.close().catch(() => {});
  });
  page.on('dialog', (d) => {
    reports.push('dialog:' + d.type());
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => reports.push('pageerror:' + e.message));
  try {
    await page.goto(ARTICLE_HOST, { waitUntil: 'load', timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(300);
    await page
      .evaluate(
        async ({ trigger }) => {
          const events = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'pointerover', 'animationstart', 'focus', 'focusin'];
          // The payload's elements, wherever the parser put them; the site's own chrome (menus, share bar,
          // footer) is left alone so clicks there do not navigate away from the page under test.
          const chrome = '.site-header, .site-footer, .share-bar, .credits, .about, .tags, .skip-link, .article-header';
          const targets = Array.from(document.querySelectorAll('*')).filter((el) => !el.closest(chrome));
          for (const el of targets) {
            for (const type of events) el.dispatchEvent(new Event(type, { bubbles: true }));
            try { (el as HTMLElement).focus?.(); } catch {}
            try { (el as HTMLElement).click?.(); } catch {}
          }
          if (trigger) try { new Function(trigger)(); } catch {}
        },
        { trigger: c.trigger ?? '' },
      )
      .catch(() => {});
    await page.waitForTimeout(300);
  } finally {
    await context.close().catch(() => {});
  }
  // The test's own trigger snippet may call functions that do not exist on this page: that is not the payload.
  return reports.filter((r) => !/^pageerror:/.test(r) || !c.trigger);
}

async function runAll(cases: Case[], html: (c: Case) => Promise<string>): Promise<Map<string, string[]>> {
  const executed = new Map<string, string[]>();
  const queue = [...cases];
  const workers = Array.from({ length: 6 }, async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const reports = await run(await html(c), c);
      if (reports.length) executed.set(c.id, reports);
    }
  });
  await Promise.all(workers);
  return executed;
}

test('harness self-test: every control payload runs when sanitising is off', { skip: SKIP, timeout: 120_000 }, async () => {
  const controls = load('harness-controls.json');
  disableSanitizerForHarness(true);
  try {
    const pages = new Map<string, string>();
    for (const c of controls) pages.set(c.id, await publishedPage(c));
    const executed = await runAll(controls, async (c) => pages.get(c.id)!);
    const silent = controls.filter((c) => !executed.has(c.id)).map((c) => c.id);
    assert.deepEqual(silent, [], 'these controls did not fire: the harness would not see an XSS');
  } finally {
    disableSanitizerForHarness(false);
  }
});

test('no payload of the XSS corpus runs script on the published article page', { skip: SKIP, timeout: 1_200_000 }, async () => {
  const cases = [...load('harness-controls.json'), ...load('dompurify-cases.json'), ...load('h5sc-vectors.json')];
  assert.ok(cases.length >= 390, `expected the whole corpus, got ${cases.length}`);
  const pages = new Map<string, string>();
  for (const c of cases) pages.set(c.id, await publishedPage(c));
  const executed = await runAll(cases, async (c) => pages.get(c.id)!);
  assert.deepEqual(Object.fromEntries(executed), {}, 'script ran for these payloads');
});
