// Accessibility of the public pages, checked by axe-core (Deque's rules engine) in Chromium against the real
// server: no serious or critical violation on the home page, a language home, a section, an author and
// an article page, on a wide and a narrow screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, loopbackOnly, SKIP_BROWSER } from './browser.ts';
import { articleLinks, startServer, type RunningServer } from './server.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: RunningServer;
let browser: Browser;

before(async () => {
  if (SKIP_BROWSER) return;
  server = await startServer({ RELAIS_POLL: '0' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

async function violations(context: BrowserContext, path: string, html?: string): Promise<Violation[]> {
  const page = await context.newPage();
  try {
    if (html) await page.setContent(html);
    else await page.goto(server.base + path);
    await page.addScriptTag({ content: AXE });
    const result = (await page.evaluate(() =>
      (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      }),
    )) as { violations: Violation[] };
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  } finally {
    await page.close();
  }
}

for (const viewport of [
  { name: 'wide', width: 1280, height: 900 },
  { name: 'narrow', width: 375, height: 800 },
]) {
  test(`public pages have no serious or critical axe violation (${viewport.name} screen)`, { skip: SKIP_BROWSER, timeout: 120_000 }, async () => {
    // axe is injected as a script: the pages' CSP (script-src 'self') would refuse it.
    const context = await browser.newContext({ viewport, bypassCSP: true });
    await loopbackOnly(context);
    try {
      const [article] = await articleLinks(server.base, '/fr/');
      const home = await (await fetch(server.base + '/')).text();
      const section = /href="(\/section\/[a-z0-9-]+\/)"/.exec(home)?.[1];
      const author = /href="(\/author\/[a-z0-9-]+\/)"/.exec(home)?.[1];
      assert.ok(article && section && author, 'pages to check were found');
      // The check can fail: a page with an unlabelled image and button has critical violations.
      const control = await violations(context, '', '<!doctype html><html lang="en"><title>x</title><main><img src="/x.png"><button></button></main></html>');
      assert.ok(control.some((v) => v.id === 'image-alt') && control.some((v) => v.id === 'button-name'), 'axe reports a known-bad page');
      const found: Record<string, string[]> = {};
      const word = article.split('/').pop()!.split('-').find((w) => w.length > 3);
      const searches = [`/search?q=${word}&lang=fr`, '/search?q=zzzzqx&lang=en', `/search?q=${'x'.repeat(300)}`];
      for (const path of ['/', '/en/', section, author, article, ...searches]) {
        const v = await violations(context, path);
        if (v.length) found[path] = v.map((x) => `${x.impact} ${x.id}: ${x.help} (${x.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      }
      assert.deepEqual(found, {});
    } finally {
      await context.close();
    }
  });
}
