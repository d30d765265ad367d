// The translation workflow in Chromium against the real `relais serve --demo` (site languages fr, en, es,
// de, ar): an English article imported from a loopback outlet page, translated into French by a
// translator using a memory match and a glossary term, returned by an editor on one segment, fixed,
// approved, published with its credits; the original edited (the changed segment is flagged); an Arabic
// translation right to left in the workspace and on the public page. axe and CSP on every screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, SKIP_BROWSER } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { apiCall, axeProblems, cspViolations, newsroomContext, screenshot, signInOwner } from './newsroom-support.ts';
import { signedInAs } from './newsroom-articles-support.ts';
import { row, SEED_TMX, startLibreTranslate, startOutlet, target, type Outlet } from './newsroom-translate-support.ts';

let server: RunningServer;
let outlet: Outlet;
let mt: Awaited<ReturnType<typeof startLibreTranslate>>;
const MACHINE_SUMMARY = 'Un service de nuit relie à nouveau les villes de la vallée après douze ans.';
let browser: Browser;
let owner: BrowserContext;
let translator: { context: BrowserContext; user: { id: number } };
let editor: { context: BrowserContext; user: { id: number } };
let sourceId: number;
let frId: number;
const TRANSLATOR = 'Tess Traductrice';

before(async () => {
  if (SKIP_BROWSER) return;
  outlet = await startOutlet();
  mt = await startLibreTranslate(MACHINE_SUMMARY);
  server = await startServer({
    RELAIS_FETCH_ALLOW: `${outlet.host},${mt.host}`,
    RELAIS_LANGUAGES: 'fr,en,es,de,ar',
    RELAIS_MT: 'libretranslate',
    RELAIS_MT_URL: mt.base,
  });
  browser = await launchBrowser();
  owner = await newsroomContext(browser, 'en-GB');
  await signInOwner(server, owner);
  const person = await apiCall(server, owner, 'POST', '/people', { name: TRANSLATOR });
  translator = await signedInAs(server, browser, owner, 'translator', TRANSLATOR, person.id);
  editor = await signedInAs(server, browser, owner, 'editor', 'Eddie Editor');
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await outlet?.close();
  await mt?.close();
});

async function clean(page: Page, screen: string) {
  assert.deepEqual(await axeProblems(page), [], `${screen}: axe`);
  assert.deepEqual(await cspViolations(page), [], `${screen}: CSP violations`);
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.base}/newsroom${path}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  return page;
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`never: ${what}`);
}

async function saved(page: Page, n: number) {
  await row(page, n).locator('.tr-save-state', { hasText: 'Saved' }).waitFor();
}

test('an imported English article is translated into French, reviewed, returned, fixed, approved and published', { skip: SKIP_BROWSER, timeout: 240_000 }, async () => {
  const imported = await apiCall(server, owner, 'POST', '/imports', { url: `${outlet.base}/story/7` });
  sourceId = imported.articleId;
  // The memory (TMX, as a collective brings it from another tool) and an agreed rendering.
  const tmx = await owner.request.post(`${server.base}/api/tm/import`, {
    data: SEED_TMX,
    headers: { 'content-type': 'application/xml', 'x-csrf-token': (await (await owner.request.get(`${server.base}/api/session`)).json()).csrfToken },
  });
  assert.equal(tmx.status(), 200, await tmx.text());
  assert.equal((await tmx.json()).byPair['en>fr'].added, 1);
  await apiCall(server, owner, 'POST', '/glossary', { from: 'en', to: 'fr', term: 'sleeper train', rendering: 'train-couchettes', note: 'not “train dormeur”' });

  // The owner starts the translation from the translations list and gives it to the translator.
  const list = await open(owner, '/translations');
  await list.getByLabel('Article to translate').selectOption(String(sourceId));
  await list.getByLabel('Target language', { exact: true }).selectOption('fr');
  await list.getByLabel('Translator', { exact: true }).selectOption(String(translator.user.id));
  await screenshot(list, 'translate-list');
  await clean(list, 'translations list');
  await list.getByRole('button', { name: 'Start the translation' }).click();
  await list.waitForURL(/\/articles\/\d+\/translate$/);
  frId = Number(/articles\/(\d+)\/translate/.exec(list.url())![1]);
  const created = await apiCall(server, owner, 'GET', `/articles/${frId}`);
  assert.equal(created.provenance.translationOfId, sourceId);
  assert.equal(created.language, 'fr');
  await list.close();

  // The translator: My work → the workspace.
  const mine = await open(translator.context, '/my-work');
  await mine.getByRole('link', { name: /Story number 7/ }).click();
  await mine.getByRole('progressbar').waitFor();
  const page = mine;
  assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '0');
  await page.getByRole('heading', { name: 'Shortcuts' }).waitFor();
  const segs = await apiCall(server, translator.context, 'GET', `/articles/${frId}/segments`);
  assert.deepEqual(segs.map((s: { kind: string }) => s.kind), ['title', 'summary', 'paragraph', 'paragraph', 'paragraph', 'paragraph'], JSON.stringify(segs.map((s: { sourceText: string }) => s.sourceText)));

  // Title: typed, confirmed with Ctrl+Enter (marked translated, focus moves on).
  await target(page, 1).fill('Le numéro 7 : les trains de nuit reviennent');
  await target(page, 1).press('Control+Enter');
  await saved(page, 1);
  assert.equal(await row(page, 1).getAttribute('data-status'), 'translated');
  await page.waitForFunction(() => (document.activeElement as HTMLTextAreaElement | null)?.closest('.tr-row') === document.querySelectorAll('.tr-row')[1]);

  // Summary and byline left for later. First paragraph: the glossary term is marked in the source, its rendering inserted.
  const mark = row(page, 4).locator('mark.tr-term');
  assert.equal(await mark.innerText(), 'sleeper train');
  assert.match((await mark.getAttribute('title'))!, /train-couchettes/);
  await target(page, 4).fill('Le premier ');
  await target(page, 4).press('End');
  await row(page, 4).getByRole('button', { name: 'Insert “train-couchettes”' }).click();
  await target(page, 4).press('End');
  await target(page, 4).pressSequentially(' en douze ans a quitté la gare dimanche soir, complet une semaine à l’avance.');
  assert.match(await target(page, 4).inputValue(), /^Le premier train-couchettes en douze ans/);
  await target(page, 4).press('Control+Enter');
  await saved(page, 4);

  // Second paragraph: a link kept as <1>…</1>; dropping it is refused with the server's message.
  assert.match(await row(page, 5).locator('.tr-source-text').innerText(), /<1>three nights a week<\/1>/);
  assert.match(await row(page, 5).locator('.tr-legend').innerText(), /<1>…<\/1> link to https:\/\/valley-courier\.example\/timetable/);
  await target(page, 5).fill('Le conseil régional dit que le service circulera trois nuits par semaine.');
  await target(page, 5).blur();
  await row(page, 5).getByRole('alert').waitFor();
  assert.match(await row(page, 5).getByRole('alert').innerText(), /placeholder|<1>/i);
  assert.equal(await target(page, 5).getAttribute('aria-invalid'), 'true');
  await target(page, 5).fill('Le conseil régional affirme que le service circulera <1>trois nuits par semaine</1> jusqu’au printemps, puis chaque nuit dès avril si la fréquentation tient.');
  await target(page, 5).press('Control+Enter');
  await saved(page, 5);

  // Third paragraph: the memory offers a fuzzy match with its score and the difference; used, then adjusted.
  await target(page, 6).focus();
  const use = row(page, 6).getByRole('button', { name: /Use match/ });
  await use.waitFor();
  assert.match(await row(page, 6).locator('.tr-score').innerText(), /^9\d % match$/);
  assert.match(await row(page, 6).locator('.tr-match-diff').innerHTML(), /<del>concert<\/del>|<ins>festival<\/ins>/);
  await use.click();
  assert.match(await target(page, 6).inputValue(), /chorale scolaire en route pour un concert/);
  await target(page, 6).fill((await target(page, 6).inputValue()).replace('un concert', 'un festival'));
  await target(page, 6).press('Control+Enter');
  await saved(page, 6);

  // Alt+N from the last segment: the summary, still untranslated; typed, then "Mark translated".
  await target(page, 6).press('Alt+n');
  await page.waitForFunction(() => (document.activeElement as HTMLTextAreaElement | null)?.closest('.tr-row') === document.querySelectorAll('.tr-row')[1]);
  await page.keyboard.type('Un train de nuit relie de nouveau les villes de la vallée, douze ans après.');
  await saved(page, 2); // autosaved a moment after typing stops, the field still focused
  assert.equal(await target(page, 2).evaluate((e) => e === document.activeElement), true);
  // The machine suggestion (LibreTranslate on loopback), marked "Machine", replaces it.
  await row(page, 2).getByRole('button', { name: 'Machine suggestion (Machine)' }).click();
  const suggestion = row(page, 2).locator('.tr-machine');
  await suggestion.getByText(MACHINE_SUMMARY).waitFor();
  assert.equal(await suggestion.locator('.tr-machine-tag').innerText(), 'Machine');
  assert.deepEqual({ source: mt.asked[0].source, target: mt.asked[0].target }, { source: 'en', target: 'fr' });
  await suggestion.getByRole('button', { name: 'Use this' }).click();
  assert.equal(await target(page, 2).inputValue(), MACHINE_SUMMARY);
  await target(page, 2).blur();
  await until(async () => (await apiCall(server, translator.context, 'GET', `/articles/${frId}/segments`))[1].origin === 'machine', 'the machine suggestion saved');
  await row(page, 2).getByRole('button', { name: 'Mark translated' }).click();
  // Alt+N again: the byline. Alt+C copies its source (names stay), then it is adjusted.
  await page.keyboard.press('Alt+n');
  await page.waitForFunction(() => (document.activeElement as HTMLTextAreaElement | null)?.closest('.tr-row') === document.querySelectorAll('.tr-row')[2]);
  await page.keyboard.press('Alt+c');
  assert.equal(await target(page, 3).inputValue(), 'By Mara Lind');
  await target(page, 3).fill('Par Mara Lind');
  await target(page, 3).press('Control+Enter');
  await saved(page, 3);
  await page.waitForFunction(() => document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') === '100');

  await screenshot(page, 'translate-workspace');
  await clean(page, 'workspace (translator)');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await page.locator('.tr-status', { hasText: 'In review' }).first().waitFor();
  const after = await apiCall(server, translator.context, 'GET', `/articles/${frId}/segments`);
  assert.equal(after[5].origin, 'memory');
  assert.equal(after[1].origin, 'machine');
  await page.close();

  // The editor: translations in review → the workspace; a comment on segment 5, returned with a comment.
  const ed = await open(editor.context, '/translations?status=in-review');
  await ed.getByRole('link', { name: /Le numéro 7/ }).click();
  await ed.getByRole('progressbar').waitFor();
  await row(ed, 5).getByText(/Comments \(0\)/).click();
  await row(ed, 5).getByLabel('Comment on segment 5').fill('“affirme” is too strong: the council “indique”.');
  await row(ed, 5).getByRole('button', { name: 'Add comment' }).click();
  await row(ed, 5).locator('.tr-comments li').waitFor();
  await ed.getByLabel('Why it goes back (optional)').fill('One verb to change in the second paragraph.');
  await screenshot(ed, 'translate-review');
  await clean(ed, 'workspace (editor, in review)');
  await ed.getByRole('button', { name: 'Return to the translator' }).click();
  await ed.locator('.tr-status', { hasText: 'In translation' }).first().waitFor();
  await ed.close();

  // The translator: a notice in the navigation; the comment beside the segment; fixed and submitted again.
  const tp = await open(translator.context, '/');
  await tp.locator('.notice-count').waitFor();
  await tp.getByRole('link', { name: /Notices/ }).click();
  await tp.getByText(/returned the translation/).first().waitFor();
  await clean(tp, 'notices');
  await screenshot(tp, 'translate-notices');
  await tp.getByRole('link', { name: 'Open' }).first().click();
  await tp.getByRole('progressbar').waitFor();
  await tp.getByText('One verb to change in the second paragraph.').waitFor();
  await row(tp, 5).getByText('“affirme” is too strong: the council “indique”.').waitFor();
  await target(tp, 5).fill((await target(tp, 5).inputValue()).replace('affirme', 'indique'));
  await target(tp, 5).press('Control+Enter');
  await saved(tp, 5);
  await tp.getByRole('button', { name: 'Submit for review' }).click();
  await tp.locator('.tr-status', { hasText: 'In review' }).first().waitFor();
  await tp.close();

  // The editor sees what changed since the return, approves, publishes.
  const ed2 = await open(editor.context, `/articles/${frId}/translate`);
  const since = row(ed2, 5).locator('.tr-since-review');
  await since.waitFor();
  assert.match(await since.innerHTML(), /<del>affirme<\/del>/);
  assert.match(await since.innerHTML(), /<ins>indique<\/ins>/);
  assert.equal(await row(ed2, 4).locator('.tr-since-review').count(), 0);
  await ed2.getByRole('button', { name: 'Approve' }).click();
  await ed2.getByRole('button', { name: 'Publish' }).click();
  await ed2.locator('.tr-status', { hasText: 'Published' }).first().waitFor();
  await clean(ed2, 'workspace (editor, published)');
  await ed2.close();

  // The public page: the translation, the original (link, outlet), its writer and the translator.
  const fr = await apiCall(server, owner, 'GET', `/articles/${frId}`);
  assert.equal(fr.status, 'published');
  const pub = await owner.newPage();
  await pub.goto(`${server.base}/fr/${fr.slug}`);
  const credits = await pub.locator('.credits').innerText();
  assert.match(credits, /Valley Courier/);
  assert.match(await pub.locator('header .byline, article .byline, main p.byline').first().innerText(), /Par Mara Lind/);
  assert.match(credits, new RegExp(TRANSLATOR));
  assert.match(credits, /Traduction assistée par machine \(LibreTranslate\)/);
  assert.equal(await pub.locator(`.credits a[href^="${outlet.base}/story/7"], .credits a[href*="valley-courier.example"]`).count() > 0, true);
  assert.match(await pub.locator('main').innerText(), /trois nuits par semaine/);
  assert.equal(await pub.locator('main a[href="https://valley-courier.example/timetable"]').innerText(), 'trois nuits par semaine');
  assert.equal(await pub.locator('html').getAttribute('dir'), 'ltr');
  await pub.close();
});

test('an edit of the original flags the changed segment, with its difference, in the workspace and the list', { skip: SKIP_BROWSER, timeout: 120_000 }, async () => {
  const src = await apiCall(server, owner, 'GET', `/articles/${sourceId}`);
  const bodyHtml = src.bodyHtml.replace('with every couchette sold out a week in advance', 'with every couchette sold out ten days in advance');
  const keys = ['slug', 'language', 'title', 'summary', 'image', 'sectionIds', 'tags', 'status', 'canonicalUrl', 'canonicalPolicy', 'authorIds', 'translatorIds', 'provenance'];
  const input = Object.fromEntries(keys.filter((k) => src[k] !== undefined).map((k) => [k, src[k]]));
  await apiCall(server, owner, 'PUT', `/articles/${sourceId}`, { ...input, bodyHtml, version: src.version });
  // The editor reads the newsroom in French this time.
  await apiCall(server, editor.context, 'PUT', '/me', { uiLanguage: 'fr' });
  const page = await open(editor.context, '/translations');
  await page.getByText('Original modifié depuis la traduction').first().waitFor();
  await clean(page, 'translations list (fr)');
  await page.getByRole('link', { name: /Le numéro 7/ }).click();
  await page.getByRole('progressbar').waitFor();
  await page.getByRole('heading', { name: 'Raccourcis' }).waitFor();
  const flagged = page.locator('.tr-row[data-changed="true"]');
  assert.equal(await flagged.count(), 1);
  assert.match(await flagged.locator('.tr-changed').innerText(), /L’original a changé/);
  assert.match(await flagged.locator('.tr-changed').innerHTML(), /<ins>ten<\/ins>|<ins>ten days<\/ins>/);
  assert.equal(await row(page, 4).getAttribute('data-changed'), 'true');
  await screenshot(page, 'translate-source-changed');
  await clean(page, 'workspace (source changed)');
  await page.close();
});

test('an Arabic translation is right to left in the workspace and on the public page', { skip: SKIP_BROWSER, timeout: 120_000 }, async () => {
  // From the original's own workspace address: "Translate into…" Arabic.
  const page = await open(owner, `/articles/${sourceId}/translate`);
  await page.getByRole('link', { name: /Le numéro 7/ }).waitFor();
  await page.getByLabel('Target language', { exact: true }).selectOption('ar');
  await page.getByRole('button', { name: 'Start the translation' }).click();
  await page.waitForURL((u) => /\/articles\/\d+\/translate$/.test(u.pathname) && !u.pathname.includes(`/${sourceId}/`));
  await page.getByRole('progressbar').waitFor();
  const arId = Number(/articles\/(\d+)\/translate/.exec(page.url())![1]);
  const area = target(page, 1);
  assert.equal(await area.getAttribute('dir'), 'rtl');
  assert.equal(await area.getAttribute('lang'), 'ar');
  await area.fill('عودة قطارات الليل إلى الوادي');
  await area.press('Control+Enter');
  await saved(page, 1);
  const segs = await apiCall(server, owner, 'GET', `/articles/${arId}/segments`);
  const arabic = ['عودة قطارات الليل إلى الوادي', 'قطار ليلي يربط مدن الوادي من جديد.', 'بقلم مارا ليند', 'غادر أول قطار نوم منذ اثني عشر عامًا محطة الوادي مساء الأحد.', 'يقول المجلس الإقليمي إن الخدمة ستعمل <1>ثلاث ليالٍ في الأسبوع</1> حتى الربيع.', 'كان من بين ركاب الرحلة الأولى جوقة مدرسية.'];
  for (const [i, s] of segs.entries()) if (i > 0) await apiCall(server, owner, 'PUT', `/articles/${arId}/segments/${s.id}`, { target: arabic[i], status: 'translated' });
  await page.reload();
  await page.getByRole('progressbar').waitFor();
  assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '100');
  // The target column is right to left while the source stays left to right, side by side.
  const src = (await row(page, 5).locator('.tr-source').boundingBox())!;
  const tgt = (await row(page, 5).locator('.tr-target').boundingBox())!;
  assert.ok(src.x < tgt.x && Math.abs(src.y - tgt.y) < 2, 'source and target share the row');
  assert.equal(await row(page, 5).locator('.tr-source-text').getAttribute('dir'), 'ltr');
  await screenshot(page, 'translate-arabic');
  await clean(page, 'workspace (Arabic)');
  await apiCall(server, owner, 'POST', `/articles/${arId}/translation/approve`);
  await apiCall(server, owner, 'POST', `/articles/${arId}/translation/publish`, {});
  await page.close();

  const ar = await apiCall(server, owner, 'GET', `/articles/${arId}`);
  const pub = await owner.newPage();
  await pub.goto(`${server.base}/ar/${ar.slug}`);
  assert.equal(await pub.locator('html').getAttribute('lang'), 'ar');
  assert.equal(await pub.locator('html').getAttribute('dir'), 'rtl');
  assert.match(await pub.locator('.credits').innerText(), /مترجم عن/);
  // Right to left: the heading's text starts at the right edge of the content column.
  const h = await pub.locator('main h1').evaluate((e) => getComputedStyle(e).direction);
  assert.equal(h, 'rtl');
  await pub.screenshot({ path: new URL('../test-results/newsroom-translate-arabic-page.png', import.meta.url).pathname, fullPage: true });
  assert.deepEqual(await axeProblems(pub), [], 'Arabic article page: axe');
  await pub.close();
});

test('the site languages beyond French and English have listings, feeds and their own words', { skip: SKIP_BROWSER, timeout: 60_000 }, async () => {
  const words: Record<string, RegExp> = { es: /Portada/, de: /Startseite/, ar: /الصفحة الرئيسية/ };
  for (const l of ['es', 'de', 'ar']) {
    const res = await fetch(`${server.base}/${l}/`);
    assert.equal(res.status, 200, `/${l}/`);
    const html = await res.text();
    assert.match(html, new RegExp(`<html lang="${l}" dir="${l === 'ar' ? 'rtl' : 'ltr'}">`));
    assert.match(html, words[l]);
    const feed = await fetch(`${server.base}/${l}/feed.xml`);
    assert.equal(feed.status, 200, `/${l}/feed.xml`);
    assert.match(await feed.text(), new RegExp(`<language>${l}</language>`));
  }
});

test('a translator named reviewer of English → Spanish finds the submitted translation in My work, comments and approves it; an editor publishes', { skip: SKIP_BROWSER, timeout: 180_000 }, async () => {
  const reviewer = await signedInAs(server, browser, owner, 'translator', 'Rita Relectora');
  // The owner names her in the settings.
  const settings = await open(owner, '/settings');
  const section = settings.getByRole('region', { name: 'Reviewers per language pair' });
  await section.getByText('No reviewer named yet.').waitFor();
  await section.getByLabel('Account').selectOption(String(reviewer.user.id));
  await section.getByLabel('From (language of the original)').fill('en');
  await section.getByLabel('Into (language of the translation)').fill('es');
  await section.getByRole('button', { name: 'Name a reviewer' }).click();
  await section.getByRole('button', { name: 'Remove Rita Relectora as reviewer of English → Spanish' }).waitFor();
  await screenshot(settings, 'settings-reviewers');
  await clean(settings, 'settings (reviewers)');
  await settings.close();

  // Tess translates it into Spanish and submits it.
  const es = await apiCall(server, owner, 'POST', `/articles/${sourceId}/translations`, { language: 'es', translatorUserId: translator.user.id });
  const segs = await apiCall(server, translator.context, 'GET', `/articles/${es.id}/segments`);
  for (const [i, s] of segs.entries()) await apiCall(server, translator.context, 'PUT', `/articles/${es.id}/segments/${s.id}`, { target: i === 0 ? 'El número 7: vuelven los trenes nocturnos' : `es: ${s.sourceText}`, status: 'translated' });
  await apiCall(server, translator.context, 'POST', `/articles/${es.id}/translation/submit`);
  const told = await apiCall(server, reviewer.context, 'GET', '/notices');
  assert.ok(told.items.some((n: { kind: string; articleId: number }) => n.kind === 'submitted' && n.articleId === es.id), 'the named reviewer is told');

  // Rita: My work → "Awaiting your review" → the workspace; a comment, then Approve. No Publish for her.
  const mine = await open(reviewer.context, '/my-work');
  const awaiting = mine.getByRole('region', { name: 'Awaiting your review' });
  await awaiting.getByRole('link', { name: /El número 7/ }).waitFor();
  await clean(mine, 'my work (reviewer)');
  await awaiting.getByRole('link', { name: /El número 7/ }).click();
  await mine.getByRole('progressbar').waitFor();
  await mine.getByText(/You review English → Spanish translations/).waitFor();
  assert.equal(await target(mine, 2).evaluate((e) => (e as HTMLTextAreaElement).readOnly), true, 'a reviewer comments; the translator changes the text');
  assert.equal(await row(mine, 2).getByRole('button', { name: 'Copy source' }).count(), 0);
  await row(mine, 2).getByText(/Comments \(0\)/).click();
  await row(mine, 2).getByLabel('Comment on segment 2').fill('Bien, pero “nocturno” mejor que “de noche”.');
  await row(mine, 2).getByRole('button', { name: 'Add comment' }).click();
  await row(mine, 2).locator('.tr-comments li').waitFor();
  await clean(mine, 'workspace (named reviewer, in review)');
  await screenshot(mine, 'translate-named-reviewer');
  await mine.getByRole('button', { name: 'Approve' }).click();
  await mine.locator('.tr-status', { hasText: 'Approved' }).first().waitFor();
  assert.equal(await mine.getByRole('button', { name: 'Publish' }).count(), 0);
  await mine.close();

  // The editors are told it is ready; Eddie (back in English) publishes it.
  await apiCall(server, editor.context, 'PUT', '/me', { uiLanguage: 'en' });
  const edNotices = await apiCall(server, editor.context, 'GET', '/notices');
  assert.ok(edNotices.items.some((n: { kind: string; text: string; articleId: number }) => n.kind === 'approved' && n.articleId === es.id && /ready to publish/.test(n.text)));
  const ed = await open(editor.context, `/articles/${es.id}/translate`);
  await ed.getByRole('button', { name: 'Publish' }).click();
  await ed.locator('.tr-status', { hasText: 'Published' }).first().waitFor();
  await ed.close();
  assert.equal((await apiCall(server, owner, 'GET', `/articles/${es.id}`)).status, 'published');
});
