// The newsroom's article screens in Chromium against the real `relais serve --demo`, driven by role and
// label: write and publish an article with an uploaded image, sections, tags and credits, then find it on
// the public site and in the RSS feed; autosave and the browser's copy survive a crashed page; two people
// editing at once; what a translator and an author are refused, in the UI and by direct request; axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, SKIP_BROWSER } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { axeProblems, cspViolations, newsroomContext, screenshot } from './newsroom-support.ts';
import { apiCall, instrument, pngImage, rawCall, signedInAs, signInOwner } from './newsroom-articles-support.ts';

let server: RunningServer;
let browser: Browser;
let owner: BrowserContext;
let page: Page;
let reports: string[];

before(async () => {
  if (SKIP_BROWSER) return;
  server = await startServer();
  browser = await launchBrowser();
  owner = await newsroomContext(browser);
  reports = await instrument(owner);
  await signInOwner(server, owner);
  page = await owner.newPage();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** axe-core finds nothing serious or critical, and the newsroom's CSP refused nothing the screen does. */
async function accessibleAndClean(p: Page, screen: string) {
  assert.deepEqual(await axeProblems(p), [], screen);
  assert.deepEqual(await cspViolations(p), [], `${screen}: CSP violations`);
}

async function openScreen(p: Page, path: string, heading: string | RegExp) {
  await p.goto(`${server.base}/newsroom${path}`);
  await p.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 30_000 });
}

const editorBox = (p: Page) => p.getByRole('textbox', { name: 'Article text' });

/** Uploads through the picker the toolbar or the featured-image button opened. */
async function pickerUpload(p: Page, file: Buffer, text: { alt: string; credit: string; caption: string }) {
  const dialog = p.getByRole('dialog');
  await dialog.getByLabel('Upload a new image').setInputFiles({ name: 'harbour.png', mimeType: 'image/png', buffer: file });
  await dialog.getByLabel('Alternative text').fill(text.alt);
  await dialog.getByLabel('Credit').fill(text.credit);
  await dialog.getByLabel('Caption').fill(text.caption);
  await dialog.getByRole('button', { name: 'Use this image' }).click();
  await dialog.waitFor({ state: 'detached' });
}

test('write and publish an article with an uploaded image, sections, tags and credits; it is on the site and in the RSS feed', { skip: SKIP_BROWSER, timeout: 180_000 }, async () => {
  const sections = ((await apiCall(server, owner, 'GET', '/sections')) as { items: { id: number; slug: string; name: string; names: Record<string, string> }[] }).items;
  const people = ((await apiCall(server, owner, 'GET', '/people')) as { items: { id: number; name: string }[] }).items;
  assert.ok(sections.length >= 2 && people.length >= 2, 'the demo has sections and people');
  const [sec] = sections;
  const [author, translator] = people;

  await openScreen(page, '/articles', 'Articles');
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Title', { exact: true }).waitFor();
  assert.match(page.url(), /\/newsroom\/articles\/new$/);
  await page.getByLabel('Title', { exact: true }).fill('Le port de Marseille sous la chaleur');
  await page.getByLabel('Summary', { exact: true }).fill('Un reportage sur les quais.');
  await page.getByRole('status').filter({ hasText: /“le-port-de-marseille-sous-la-chaleur” is free/ }).waitFor();
  assert.equal(await page.getByLabel('Slug (address)').inputValue(), 'le-port-de-marseille-sous-la-chaleur');
  await page.getByLabel('Language', { exact: true }).fill('fr');

  await editorBox(page).click();
  await page.getByRole('button', { name: 'Heading level 2' }).click();
  await page.keyboard.type('Les quais');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Le soleil tape sur les grues. ');
  await page.getByRole('button', { name: 'Bold', exact: true }).click();
  assert.equal(await page.getByRole('button', { name: 'Bold', exact: true }).getAttribute('aria-pressed'), 'true');
  await page.keyboard.type('Quarante degrés');
  await page.getByRole('button', { name: 'Bold', exact: true }).click();
  await page.keyboard.type(' à midi.');

  // An image in the body, uploaded from the picker.
  const png = await pngImage();
  await page.getByRole('button', { name: 'Insert an image from the media library' }).click();
  await pickerUpload(page, png, { alt: 'Des grues sur le quai', credit: 'Photo : Lina Ferri', caption: 'Le quai de la Joliette' });
  await editorBox(page).locator('figure img[alt="Des grues sur le quai"]').waitFor();

  // The featured image: the same picture, chosen from the library; its focal point by a click.
  await page.getByRole('button', { name: 'Choose or upload a featured image' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: /Des grues sur le quai/ }).check();
  assert.equal(await dialog.getByLabel('Credit').inputValue(), 'Photo : Lina Ferri');
  await dialog.getByRole('button', { name: 'Use this image' }).click();
  const featured = page.locator('.image-field img.focal-target');
  await featured.waitFor();
  const box = (await featured.boundingBox())!;
  await featured.click({ position: { x: box.width * 0.25, y: box.height * 0.75 } });
  assert.equal(await page.getByLabel('Focal point from the left (%)').inputValue(), '25');

  await page.getByRole('group', { name: 'Sections' }).getByRole('checkbox', { name: sec.names.en || sec.name, exact: true }).check();
  await page.getByLabel('Add a tag').fill('chaleur');
  await page.getByLabel('Add a tag').press('Enter');
  await page.getByLabel('Add a tag').fill('Marseille');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByRole('button', { name: 'Remove tag chaleur' }).waitFor();
  await page.getByRole('group', { name: 'Authors' }).getByRole('checkbox', { name: author.name }).check();
  await page.getByRole('group', { name: 'Translators' }).getByRole('checkbox', { name: translator.name }).check();
  await page.getByLabel('Original address (URL)').fill('https://example.org/port-heat');
  await page.getByLabel('Original authors').fill('Jane Doe, John Roe');
  await page.getByLabel('Original language').fill('en');
  await page.getByLabel('Licence').fill('CC-BY-4.0');

  await screenshot(page, 'editor');
  await accessibleAndClean(page, 'editor');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForURL(/\/newsroom\/articles\/\d+$/);
  const id = Number(page.url().split('/').pop());
  await page.getByRole('button', { name: 'Publish now' }).click();
  const published = page.getByRole('status').filter({ hasText: 'Published.' }).first();
  await published.waitFor().catch(async (err) => {
    await screenshot(page, 'editor-publish-failed');
    throw new Error(`${err.message}\n${await page.locator('main').innerText()}`);
  });

  const a = await apiCall(server, owner, 'GET', `/articles/${id}`);
  assert.equal(a.status, 'published');
  assert.equal(a.slug, 'le-port-de-marseille-sous-la-chaleur');
  assert.deepEqual(a.tags.map((t: string) => t.toLowerCase()).sort(), ['chaleur', 'marseille']);
  assert.deepEqual(a.authorIds, [author.id]);
  assert.deepEqual(a.translatorIds, [translator.id]);
  assert.deepEqual(a.sectionIds, [sec.id]);
  assert.equal(a.image.alt, 'Des grues sur le quai');
  assert.deepEqual(a.image.focal, { x: 0.25, y: 0.75 });
  assert.match(a.bodyHtml, /<h2>Les quais<\/h2>/);
  assert.match(a.bodyHtml, /<strong>Quarante degrés<\/strong>/);
  assert.match(a.bodyHtml, /<figure><img[^>]+alt="Des grues sur le quai"[^>]*><figcaption>Le quai de la Joliette <small>Photo : Lina Ferri<\/small><\/figcaption><\/figure>/);
  assert.deepEqual(a.provenance.original.authorNames, ['Jane Doe', 'John Roe']);

  const pub = await owner.newPage();
  await pub.goto(`${server.base}/fr/${a.slug}`);
  await pub.getByRole('heading', { level: 1, name: 'Le port de Marseille sous la chaleur' }).waitFor();
  const html = await pub.content();
  assert.match(html, /Quarante degrés/);
  assert.match(html, /Photo : Lina Ferri/);
  assert.ok(html.includes(author.name), 'the author is credited');
  assert.ok(html.includes(translator.name), 'the translator is credited');
  assert.match(html, /Marseille/);
  const imgOk = await pub.locator('figure img[alt="Des grues sur le quai"]').first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
  assert.ok(imgOk, 'the uploaded image loads on the public page');
  await pub.close();

  const rss = await (await fetch(`${server.base}/fr/feed.xml`)).text();
  assert.ok(rss.includes('Le port de Marseille sous la chaleur'), 'the article is in the French RSS feed');
  assert.deepEqual(reports, []);
});
