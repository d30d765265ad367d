// The newsroom's import, feeds, inbox, people, sections and outlets screens in Chromium against the real
// `relais serve --demo`, driven by role and label. A loopback site (article pages with byline, date and
// OpenGraph tags, an RSS feed) is the only outside world; the server may fetch it (RELAIS_FETCH_ALLOW).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startFeedServer, type FeedServer } from '../src/ingest/import/test-feed-server.ts';
import { launchBrowser, SKIP_BROWSER } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { apiCall, axeProblems, cspViolations, instrument, newsroomContext, screenshot, signInOwner } from './newsroom-support.ts';
import { openScreen } from './newsroom-ingest-support.ts';

let server: RunningServer;
let site: FeedServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let reports: string[];

before(async () => {
  if (SKIP_BROWSER) return;
  site = await startFeedServer([
    { guid: 'g-31', title: 'Story number 31', link: '/story/31', author: 'Mara Lind', pubDate: 'Mon, 15 Sep 2025 08:00:00 GMT' },
    { guid: 'g-32', title: 'Story number 32', link: '/story/32', pubDate: 'Tue, 16 Sep 2025 08:00:00 GMT' },
    { guid: 'g-33', title: 'Story number 33', link: '/story/33', pubDate: 'Wed, 17 Sep 2025 08:00:00 GMT' },
    { guid: 'g-34', title: 'Story number 34', link: '/story/34', pubDate: 'Thu, 18 Sep 2025 08:00:00 GMT' },
  ]);
  // The poller runs, so "check now" is answered by it as in production.
  server = await startServer({ RELAIS_FETCH_ALLOW: site.host });
  browser = await launchBrowser();
  // The newsroom's own CSP stays on (axe runs through the DevTools protocol); violations are recorded.
  context = await newsroomContext(browser, 'en-GB');
  reports = await instrument(context);
  await signInOwner(server, context);
  page = await context.newPage();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await site?.close();
});

async function noSeriousViolations(screen: string) {
  assert.deepEqual(await axeProblems(page), [], screen);
  assert.deepEqual(await cspViolations(page), [], `${screen}: CSP violations`);
}

test('import by URL from a loopback page: the draft beside its sandboxed original, corrected, saved, published with its credits', { skip: SKIP_BROWSER, timeout: 120_000 }, async () => {
  await openScreen(page, server, '/import');
  await page.getByLabel('Page address (URL)').fill(`${site.base}/story/7`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: /Extracted article/ }).waitFor();

  assert.equal(await page.getByLabel('Title').inputValue(), 'Story number 7');
  assert.equal(await page.getByLabel('Original authors').inputValue(), 'Mara Lind');
  assert.equal(await page.getByLabel('Language (code, e.g. fr)').inputValue(), 'en');
  assert.match(await page.getByLabel('Outlet').locator('option:checked').innerText(), /Valley Courier/);
  assert.equal(await page.getByLabel('Original publication date (UTC)').inputValue(), '2025-09-14T04:30');
  assert.match(await page.locator('.body-preview').innerText(), /story 7 sleeper train/);

  // The stored original, in a frame that can run nothing and reach nothing (its page has a <script>).
  const frame = page.getByTitle(/Original as imported/);
  assert.equal(await frame.getAttribute('sandbox'), '');
  await page.frameLocator('iframe.original-frame').getByText(/story 7 sleeper train/).waitFor();
  await screenshot(page, 'import');
  await noSeriousViolations('import with a result');

  await page.getByLabel('Summary').fill('Corrected summary of story seven.');
  await page.getByLabel('Original authors').fill('Mara Lind, Jo Brand');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await page.getByRole('status').filter({ hasText: 'Draft saved.' }).waitFor();

  const id = Number((await page.getByRole('heading', { name: /Extracted article/ }).innerText()).match(/#(\d+)/)![1]);
  const saved = await apiCall(server, context, 'GET', `/articles/${id}`);
  assert.equal(saved.summary, 'Corrected summary of story seven.');
  assert.equal(saved.status, 'draft');
  assert.deepEqual(saved.provenance.original.authorNames, ['Mara Lind', 'Jo Brand']);
  assert.equal(saved.authorIds.length, 2);

  // The same page again: the screen offers the existing draft instead of a second one.
  await page.getByLabel('Page address (URL)').fill(`${site.base}/story/7`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Already imported' }).waitFor();
  await page.getByRole('button', { name: 'Update the existing draft from this source' }).waitFor();

  // A page that fails: the import's own message.
  await page.getByLabel('Page address (URL)').fill(`${site.base}/broken`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: /500|failed/i }).waitFor();

  // Open in editor goes to the article's editor screen, whose "Translate this article" opens "Translate into…".
  await page.getByLabel('Page address (URL)').fill(`${site.base}/story/8`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('button', { name: 'Translate this article' }).waitFor();
  await page.getByRole('button', { name: 'Open in editor' }).click();
  await page.waitForURL(/\/newsroom\/articles\/\d+$/);
  const story8 = Number(page.url().split('/').pop());
  await page.getByRole('link', { name: 'Translate this article' }).click();
  await page.waitForURL(new RegExp(`/newsroom/articles/${story8}/translate$`));
  await page.getByLabel('Target language', { exact: true }).waitFor();

  // Publish through the editor screen's button, then read the credits on the public page.
  await page.goto(`${server.base}/newsroom/articles/${id}`);
  await page.getByRole('button', { name: 'Publish now' }).click();
  await page.getByRole('status').filter({ hasText: 'Published.' }).first().waitFor();
  const published = await apiCall(server, context, 'GET', `/articles/${id}`);
  assert.equal(published.status, 'published');
  const html = await (await fetch(`${server.base}/${published.language}/${published.slug}`)).text();
  assert.match(html, /Mara Lind/);
  assert.match(html, /Jo Brand/);
  assert.match(html, /Valley Courier/);
  assert.ok(html.includes(`href="${site.base}/story/7"`), 'the credits link the original');
  assert.deepEqual(reports, [], 'no script ran in the newsroom or in the original');
});

test('the candidate inbox from a loopback feed: subscribe, check now, import one as draft, dismiss another, in bulk too', { skip: SKIP_BROWSER, timeout: 120_000 }, async (t) => {
  await openScreen(page, server, '/feeds');
  await page.getByLabel('Feed or site address').fill(site.feedUrl);
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /Subscribed to Loopback Courier/ }).waitFor();
  await page.getByRole('button', { name: 'Check now: Loopback Courier' }).click();
  await page.getByRole('status').filter({ hasText: /will be checked/ }).waitFor();
  // The poller fetches it: the row shows the poll's time and HTTP status.
  const started = Date.now();
  for (let i = 0; i < 100 && !(await page.getByRole('row', { name: /Loopback Courier/ }).innerText()).includes('HTTP 200'); i++) {
    await page.waitForTimeout(200);
    await page.getByRole('button', { name: 'Refresh the list' }).click();
  }
  assert.match(await page.getByRole('row', { name: /Loopback Courier/ }).innerText(), /HTTP 200/);
  t.diagnostic(`polled after ${Date.now() - started} ms`);
  await screenshot(page, 'feeds');
  await noSeriousViolations('feeds');

  await openScreen(page, server, '/inbox');
  for (let i = 0; i < 100 && !(await page.getByRole('row', { name: /Story number 33/ }).count()); i++) {
    await page.waitForTimeout(200);
    await page.getByRole('button', { name: 'Refresh' }).click();
  }
  await page.getByRole('button', { name: 'Open Story number 31' }).click();
  assert.equal(await page.getByRole('button', { name: 'Open Story number 31' }).getAttribute('aria-expanded'), 'true');
  await page.getByText(`${site.base}/story/31`, { exact: true }).waitFor();
  await screenshot(page, 'inbox');
  await noSeriousViolations('inbox');

  await page.getByRole('button', { name: 'Import as draft: Story number 31' }).click();
  await page.getByRole('link', { name: /open draft #\d+/ }).waitFor();
  await page.getByRole('button', { name: 'Dismiss Story number 32' }).click();
  await page.getByRole('row', { name: /Story number 32/ }).getByText('Dismissed.').waitFor();

  await page.getByRole('checkbox', { name: 'Select Story number 33' }).check();
  await page.getByRole('button', { name: 'Dismiss selected' }).click();
  await page.getByRole('status').filter({ hasText: '1 of 1 dismissed.' }).waitFor();

  const { items } = await apiCall(server, context, 'GET', '/candidates?limit=100');
  const state = Object.fromEntries(items.map((c: { title: string; state: string }) => [c.title, c.state]));
  assert.deepEqual(state, { 'Story number 31': 'imported', 'Story number 32': 'dismissed', 'Story number 33': 'dismissed', 'Story number 34': 'new' });
  const draftId = Number((await page.getByRole('link', { name: /open draft #\d+/ }).innerText()).match(/\d+/)![0]);
  const draft = await apiCall(server, context, 'GET', `/articles/${draftId}`);
  assert.equal(draft.status, 'draft');
  assert.equal(draft.title, 'Story number 31');

  // "Translate into…" straight from a candidate: imported as the original, its translation's workspace opens.
  await page.getByRole('button', { name: 'Translate: Story number 34' }).click();
  await page.getByLabel('Translate “Story number 34” into').selectOption('fr');
  await page.getByRole('button', { name: 'Import and start the translation' }).click();
  await page.waitForURL(/\/newsroom\/articles\/\d+\/translate$/);
  const frId = Number(/articles\/(\d+)\/translate/.exec(page.url())![1]);
  await page.getByRole('progressbar').waitFor();
  const fr = await apiCall(server, context, 'GET', `/articles/${frId}`);
  assert.equal(fr.language, 'fr');
  const original = await apiCall(server, context, 'GET', `/articles/${fr.provenance.translationOfId}`);
  assert.equal(original.title, 'Story number 34');
  assert.equal(original.provenance.original.url, `${site.base}/story/34`);
  const after = (await apiCall(server, context, 'GET', '/candidates?limit=100')).items as { title: string; state: string }[];
  assert.equal(after.find((c) => c.title === 'Story number 34')?.state, 'imported');
  await openScreen(page, server, '/inbox');

  // The filters: only the dismissed ones, then a date range that holds none.
  await page.getByLabel('State').selectOption('dismissed');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  // The list is replaced when the answer comes: the imported one leaves it, the dismissed ones stay.
  await page.getByRole('row', { name: /Story number 31/ }).waitFor({ state: 'detached' });
  await page.getByRole('row', { name: /Story number 32/ }).waitFor();
  await page.getByLabel('To (date)').fill('2025-09-16');
  await page.getByLabel('From (date)').fill('2025-09-16');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByRole('row', { name: /Story number 33/ }).waitFor({ state: 'detached' });
  await page.getByRole('row', { name: /Story number 32/ }).waitFor();

  // OPML out and in.
  await openScreen(page, server, '/feeds');
  const exported = await context.request.get(`${server.base}${await page.getByRole('link', { name: 'Export every subscription as OPML' }).getAttribute('href')}`);
  assert.match(await exported.text(), new RegExp(site.feedUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.getByLabel('OPML file to import').setInputFiles({
    name: 'more.opml',
    mimeType: 'text/x-opml',
    buffer: Buffer.from(`<?xml version="1.0"?><opml version="2.0"><body><outline text="Second" xmlUrl="${site.base}/second.xml"/><outline text="Same" xmlUrl="${site.feedUrl}"/></body></opml>`),
  });
  await page.getByRole('button', { name: 'Import OPML' }).click();
  await page.getByRole('status').filter({ hasText: '1 added, 1 already subscribed, 0 invalid.' }).waitFor();
  await page.getByRole('row', { name: /second\.xml/ }).waitFor();

  // Pause, resume, remove (asked once more in the row).
  await page.getByRole('button', { name: 'Pause Second' }).click();
  await page.getByRole('status').filter({ hasText: 'Second paused.' }).waitFor();
  await page.getByRole('row', { name: /second\.xml/ }).getByText('Paused').waitFor();
  await page.getByRole('button', { name: 'Resume Second' }).click();
  await page.getByRole('status').filter({ hasText: 'Second resumed.' }).waitFor();
  await page.getByRole('button', { name: 'Remove Second' }).click();
  await page.getByRole('button', { name: 'Yes, remove Second' }).click();
  await page.getByRole('status').filter({ hasText: 'Second removed.' }).waitFor();
  assert.equal(await page.getByRole('row', { name: /second\.xml/ }).count(), 0);
  assert.deepEqual(reports, []);
});

test('people, sections and outlets: create, edit, order, by label', { skip: SKIP_BROWSER, timeout: 120_000 }, async () => {
  await openScreen(page, server, '/people');
  await page.getByRole('button', { name: 'New person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Ada Okafor');
  await page.getByLabel('Biography').fill('Reports on rivers.');
  await page.getByRole('button', { name: 'Add a link' }).click();
  await page.getByLabel('Link 1: label').fill('Site');
  await page.getByLabel('Link 1: address').fill('https://ada.example/');
  await screenshot(page, 'people');
  await noSeriousViolations('people with the form open');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('status').filter({ hasText: 'Ada Okafor created.' }).waitFor();
  await page.getByRole('button', { name: 'Edit Ada Okafor' }).click();
  await page.getByLabel('Biography').fill('Reports on rivers and lakes.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Ada Okafor saved.' }).waitFor();
  const people = (await apiCall(server, context, 'GET', '/people')).items as Array<{ name: string; bio: string; links: unknown[] }>;
  const ada = people.find((p) => p.name === 'Ada Okafor')!;
  assert.equal(ada.bio, 'Reports on rivers and lakes.');
  assert.deepEqual(ada.links, [{ label: 'Site', url: 'https://ada.example/' }]);

  await openScreen(page, server, '/sections');
  const form = page.getByRole('form', { name: 'New section' });
  await form.getByLabel('Name (site’s default language)').fill('Rivières');
  await form.getByLabel('Name in en').fill('Rivers');
  await form.getByLabel('Name in fr').fill('Rivières');
  await form.getByRole('button', { name: 'Add the section' }).click();
  await page.getByRole('status').filter({ hasText: 'Rivières created.' }).waitFor();
  await screenshot(page, 'sections');
  await noSeriousViolations('sections');
  const before = ((await apiCall(server, context, 'GET', '/sections')).items as Array<{ slug: string; position: number }>).sort((a, b) => a.position - b.position);
  assert.equal(before.at(-1)!.slug, 'rivieres');
  await page.getByRole('button', { name: 'Move up: Rivières' }).click();
  await page.getByRole('status').filter({ hasText: `Rivières is now number ${before.length - 1}.` }).waitFor();
  const after = ((await apiCall(server, context, 'GET', '/sections')).items as Array<{ slug: string; position: number; names: Record<string, string> }>).sort((a, b) => a.position - b.position);
  assert.equal(after.at(-2)!.slug, 'rivieres');
  assert.equal(after.at(-2)!.names.en, 'Rivers');

  await openScreen(page, server, '/outlets');
  const newOutlet = page.getByRole('form', { name: 'New outlet' });
  await newOutlet.getByLabel('Name').fill('Lake Gazette');
  await newOutlet.getByLabel('Home page address').fill('https://lake-gazette.example/');
  await newOutlet.getByLabel('Language').fill('en');
  await newOutlet.getByRole('button', { name: 'Add the outlet' }).click();
  await page.getByRole('status').filter({ hasText: 'Lake Gazette created.' }).waitFor();
  const edit = page.getByRole('form', { name: 'Outlet Lake Gazette' });
  await edit.getByLabel('Name').fill('The Lake Gazette');
  await edit.getByRole('button', { name: 'Save Lake Gazette' }).click();
  await page.getByRole('status').filter({ hasText: 'The Lake Gazette saved.' }).waitFor();
  await screenshot(page, 'outlets');
  await noSeriousViolations('outlets');
  // A home URL that is not one: the server's message, shown as an alert.
  await newOutlet.getByLabel('Name').fill('Broken');
  await newOutlet.getByLabel('Home page address').fill('https://lake-gazette.example/');
  await newOutlet.getByRole('button', { name: 'Add the outlet' }).click();
  await page.getByRole('alert').filter({ hasText: /exists/ }).waitFor();
  assert.deepEqual(reports, []);
});

test('the import screen before any import has no serious axe violation; the screens speak French to a French user', { skip: SKIP_BROWSER, timeout: 60_000 }, async () => {
  await openScreen(page, server, '/import');
  await page.getByLabel('Page address (URL)').waitFor();
  await noSeriousViolations('import (empty)');
  await page.getByLabel('Pasted text').check();
  await page.getByLabel('Article text').waitFor();
  await noSeriousViolations('import (text)');

  await apiCall(server, context, 'PUT', '/me', { uiLanguage: 'fr' });
  try {
    await openScreen(page, server, '/import');
    await page.getByLabel('Adresse de la page (URL)').waitFor();
    await openScreen(page, server, '/inbox');
    await page.getByRole('button', { name: 'Importer la sélection' }).waitFor();
    await openScreen(page, server, '/sections');
    await page.getByRole('button', { name: 'Ajouter la rubrique' }).waitFor();
    await noSeriousViolations('sections (fr)');
  } finally {
    await apiCall(server, context, 'PUT', '/me', { uiLanguage: 'en' });
  }
});
