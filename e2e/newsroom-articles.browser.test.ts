// The newsroom's article screens in Chromium against the real `relais serve --demo`, driven by role and
// label: write and publish an article with an uploaded image, sections, tags and credits, then find it on
// the public site, in the RSS feed and by an accent-less search; autosave and the browser's copy survive a crashed page; two people
// editing at once; what a translator and an author are refused, in the UI and by direct request; axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, SKIP_BROWSER } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { apiCall, axeProblems, cspViolations, instrument, newsroomContext, rawCall, screenshot, signInOwner } from './newsroom-support.ts';
import { pngImage, signedInAs } from './newsroom-articles-support.ts';

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
  await page.getByRole('button', { name: 'Bold', exact: true, pressed: true }).waitFor();
  await page.keyboard.type('Quarante degrés');
  await page.getByRole('button', { name: 'Bold', exact: true }).click();
  await page.getByRole('button', { name: 'Bold', exact: true, pressed: false }).waitFor();
  assert.equal(await editorBox(page).evaluate((box) => box.contains(document.activeElement)), true, 'the body keeps focus after a toolbar click');
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

  // An accent-less, lower-case search finds it: the reader's search page (a plain form) and the newsroom's list.
  const reader = await owner.newPage();
  await reader.goto(`${server.base}/search`);
  await reader.getByRole('main').getByRole('searchbox').fill('quarante degres');
  await reader.getByRole('main').getByRole('searchbox').press('Enter');
  await reader.waitForURL(/[?&]q=quarante\+degres/);
  const hit = reader.getByRole('link', { name: 'Le port de Marseille sous la chaleur' });
  await hit.waitFor();
  assert.match((await reader.locator('mark').allInnerTexts()).join(' '), /degrés/i, 'the snippet highlights the accented word');
  await screenshot(reader, 'public-search');
  await reader.close();
  await openScreen(page, '/articles', 'Articles');
  await page.getByLabel('Search', { exact: true }).fill('QUARANTE DEGRES');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByRole('link', { name: 'Le port de Marseille sous la chaleur' }).waitFor();
  assert.deepEqual(reports, []);
});

test('autosave: a page that crashes mid-typing loses nothing (the server has the text, the browser the rest)', { skip: SKIP_BROWSER, timeout: 180_000 }, async () => {
  const p = await owner.newPage();
  await openScreen(p, '/articles/new', 'New article');
  await p.getByLabel('Title', { exact: true }).fill('Un texte qui survit au plantage');
  await editorBox(p).click();
  await p.keyboard.type('Première phrase, envoyée au serveur.');
  // The first autosave creates the draft; the next ones (at most every 10 s) send the rest.
  await p.waitForURL(/\/newsroom\/articles\/\d+$/, { timeout: 30_000 });
  const id = Number(p.url().split('/').pop());
  for (let i = 0; i < 60 && !(await apiCall(server, owner, 'GET', `/articles/${id}`)).bodyHtml.includes('envoyée au serveur.'); i++) await p.waitForTimeout(500);
  assert.match((await apiCall(server, owner, 'GET', `/articles/${id}`)).bodyHtml, /Première phrase, envoyée au serveur\./);

  await p.keyboard.type(' Deuxième phrase, tapée juste avant le plantage.');
  await p.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('juste avant le plantage'), `relais.article.${id}`);
  const cdp = await owner.newCDPSession(p);
  const crashed = p.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => {}); // the renderer dies: no pagehide, no unload, no last request
  await crashed;

  const again = await owner.newPage();
  await openScreen(again, `/articles/${id}`, 'Edit article');
  const restore = again.getByRole('button', { name: 'Restore the browser’s copy' });
  const server_ = await apiCall(server, owner, 'GET', `/articles/${id}`);
  if (!server_.bodyHtml.includes('juste avant le plantage')) {
    // The server did not get the last words: the browser offers its copy.
    await restore.click();
  }
  await editorBox(again).getByText(/Deuxième phrase, tapée juste avant le plantage\./).waitFor();
  await screenshot(again, 'editor-restored');
  await again.close();

  // Another browser (no local copy) gets at least what the server had before the crash.
  const other = await newsroomContext(browser);
  await other.addCookies(await owner.cookies()); // the same session, none of the first browser's storage
  const q = await other.newPage();
  await openScreen(q, `/articles/${id}`, 'Edit article');
  await editorBox(q).getByText(/Première phrase, envoyée au serveur\./).waitFor();
  await other.close();
});

test('two people edit one article: the second save is refused with the difference shown, and nothing is lost', { skip: SKIP_BROWSER, timeout: 180_000 }, async () => {
  const a = await apiCall(server, owner, 'POST', '/articles', { language: 'fr', title: 'Conflit de versions', bodyHtml: '<p>Texte de départ.</p>' });
  const { context: ed } = await signedInAs(server, browser, owner, 'editor', 'Eda Itrice');
  const edReports = await instrument(ed);
  const pa = await owner.newPage();
  const pb = await ed.newPage();
  await openScreen(pa, `/articles/${a.id}`, 'Edit article');
  await openScreen(pb, `/articles/${a.id}`, 'Edit article');
  // Both have loaded version 1 before either changes anything.
  for (const p of [pa, pb]) await p.getByRole('heading', { name: 'Revisions' }).waitFor();
  assert.equal(await pb.getByLabel('Title', { exact: true }).inputValue(), 'Conflit de versions');

  await pa.getByLabel('Title', { exact: true }).fill('Conflit de versions — le titre de A');
  await pa.getByRole('button', { name: 'Save', exact: true }).click();
  await pa.getByRole('status').filter({ hasText: /Saved at/ }).waitFor();

  await editorBox(pb).click();
  await pb.keyboard.press('End');
  await pb.keyboard.type(' Ajout de B.');
  await pb.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = pb.getByRole('dialog', { name: 'Someone else changed this article' });
  await dialog.waitFor().catch(async (err) => {
    await screenshot(pb, 'conflict-failed');
    throw new Error(`${err.message}\n${await pb.locator('main').innerText()}`);
  });
  assert.match(await dialog.innerText(), /Conflit de versions — le titre de A/, 'their title is shown');
  assert.match(await dialog.locator('ins').allInnerTexts().then((x) => x.join(' ')), /Ajout de B/, 'my addition is shown');
  await screenshot(pb, 'editor-conflict');
  assert.deepEqual(await axeProblems(pb), [], 'conflict dialog');

  await dialog.getByRole('button', { name: 'Keep mine (save over theirs)' }).click();
  await pb.getByRole('status').filter({ hasText: /Saved at/ }).waitFor();
  const after = await apiCall(server, owner, 'GET', `/articles/${a.id}`);
  assert.match(after.bodyHtml, /Texte de départ\. Ajout de B\./);
  // Theirs is not lost either: A's save is a revision, with A's title.
  const listed = await apiCall(server, owner, 'GET', `/articles/${a.id}/revisions`);
  const revs = (Array.isArray(listed) ? listed : listed.items) as { id: number; kind: string }[];
  assert.ok(revs.some((r) => r.kind === 'conflict'), 'the refused text was kept as a conflict revision');
  const titles = await Promise.all(revs.map(async (r) => (await apiCall(server, owner, 'GET', `/articles/${a.id}/revisions/${r.id}`)).snapshot.title));
  assert.ok(titles.includes('Conflit de versions — le titre de A'), `A's title is in a revision: ${titles.join(' | ')}`);

  // The revisions panel compares two of them.
  await pa.reload();
  await pa.getByRole('heading', { name: 'Revisions' }).waitFor();
  await pa.getByRole('button', { name: 'Compare' }).click();
  await pa.locator('.revisions-diff table, .revisions-diff p').first().waitFor();
  await pa.close();
  await ed.close();
  assert.deepEqual(edReports, []);
});

test('role refusals: a translator cannot publish, an author cannot edit another’s draft (in the UI and by direct request)', { skip: SKIP_BROWSER, timeout: 180_000 }, async () => {
  const person = await apiCall(server, owner, 'POST', '/people', { name: 'Tra Ductrice' });
  const article = await apiCall(server, owner, 'POST', '/articles', { language: 'fr', title: 'À traduire', bodyHtml: '<p>Texte.</p>', translatorIds: [person.id] });

  const { context: tr } = await signedInAs(server, browser, owner, 'translator', 'Tra Ductrice', person.id);
  const pt = await tr.newPage();
  await openScreen(pt, `/articles/${article.id}`, 'Edit article');
  await pt.getByRole('button', { name: 'Submit for review' }).waitFor();
  assert.equal(await pt.getByRole('button', { name: 'Publish now' }).count(), 0, 'no publish button for a translator');
  assert.equal(await pt.getByRole('button', { name: 'Schedule' }).count(), 0);
  assert.equal(await pt.getByLabel('Title', { exact: true }).isEditable(), true, 'the translator may edit the translation');
  const publish = await rawCall(server, tr, 'POST', `/articles/${article.id}/publish`, {});
  assert.equal(publish.status, 403, JSON.stringify(publish.body));
  assert.match(publish.body.error, /may not publish/);
  await tr.close();

  const { context: au } = await signedInAs(server, browser, owner, 'author', 'Au Teur');
  const pa = await au.newPage();
  await openScreen(pa, `/articles/${article.id}`, 'Edit article');
  await pa.getByText('You may read this article but not edit it.').waitFor();
  assert.equal(await pa.getByLabel('Title', { exact: true }).isEditable(), false);
  assert.equal(await pa.getByRole('button', { name: 'Save', exact: true }).count(), 0);
  assert.equal(await editorBox(pa).getAttribute('contenteditable'), 'false');
  const put = await rawCall(server, au, 'PUT', `/articles/${article.id}`, { language: 'fr', title: 'Volé', bodyHtml: '<p>x</p>', version: article.version });
  assert.equal(put.status, 403, JSON.stringify(put.body));
  assert.equal((await apiCall(server, owner, 'GET', `/articles/${article.id}`)).title, 'À traduire');
  await au.close();
});

test('the list: filters, search, bulk publish with the server’s answer; the media library: upload, describe, delete; axe and screenshots', { skip: SKIP_BROWSER, timeout: 180_000 }, async () => {
  const one = await apiCall(server, owner, 'POST', '/articles', { language: 'en', title: 'Bulk candidate one', bodyHtml: '<p>One.</p>' });
  const two = await apiCall(server, owner, 'POST', '/articles', { language: 'en', title: 'Bulk candidate two', bodyHtml: '<p>Two.</p>' });
  await openScreen(page, '/articles', 'Articles');
  await page.getByLabel('Status').selectOption('draft');
  await page.getByLabel('Search', { exact: true }).fill('Bulk candidate');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByRole('link', { name: 'Bulk candidate two' }).waitFor();
  assert.match(page.url(), /status=draft/);
  assert.match(page.url(), /q=Bulk/);
  await page.getByRole('checkbox', { name: 'Select “Bulk candidate one”' }).check();
  await page.getByRole('checkbox', { name: 'Select “Bulk candidate two”' }).check();
  await screenshot(page, 'articles');
  await accessibleAndClean(page, 'articles list');
  await page.getByLabel('Action on the selected articles').selectOption('publish');
  await page.getByRole('button', { name: 'Apply to selected' }).click();
  await page.getByRole('status').filter({ hasText: '2 done, 0 refused.' }).first().waitFor();
  for (const a of [one, two]) assert.equal((await apiCall(server, owner, 'GET', `/articles/${a.id}`)).status, 'published');

  await openScreen(page, '/media', 'Media');
  const upload = page.getByRole('form', { name: 'Upload an image' });
  await upload.getByLabel('Image file').setInputFiles({ name: 'lighthouse.png', mimeType: 'image/png', buffer: await pngImage(300, 200) });
  await upload.getByLabel('Alternative text').fill('Un phare');
  await upload.getByLabel('Credit').fill('Photo : Jo');
  await upload.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Uploaded lighthouse.png.' }).first().waitFor();
  const card = page.getByRole('form', { name: 'lighthouse.png' });
  await card.getByLabel('Caption').fill('Le phare au soir');
  await card.getByRole('button', { name: 'Save the text of lighthouse.png' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved lighthouse.png.' }).first().waitFor();
  const listed = (await apiCall(server, owner, 'GET', '/media?q=phare')).items as { caption: string; originalName: string }[];
  assert.ok(listed.some((m) => m.caption === 'Le phare au soir'), JSON.stringify(listed));
  await screenshot(page, 'media');
  await accessibleAndClean(page, 'media library');
  await card.getByRole('button', { name: 'Delete lighthouse.png' }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted lighthouse.png.' }).first().waitFor();
  assert.deepEqual(reports, []);
});
