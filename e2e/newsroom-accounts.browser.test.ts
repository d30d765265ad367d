// Accounts in the newsroom, in Chromium against the real `relais serve --demo` (SQLite, or PostgreSQL with
// DATABASE_URL): the demo owner's one-time link; inviting a translator, who sets a password by link and
// signs in; two-factor required by the owner's setting, TOTP enrolment and sign-in with a code (computed
// here with node:crypto); API tokens; the dashboard counting a share click made on the public page; axe on
// every account and admin screen in French and English, with screenshots in test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, SKIP_BROWSER } from './browser.ts';
import { articleLinks, startServer, type RunningServer } from './server.ts';
import { axeProblems, cspViolations, newsroomContext, onScreen, screenshot, totp } from './newsroom-support.ts';

let server: RunningServer;
let browser: Browser;
let ownerContext: BrowserContext;
let owner: Page;
const TRANSLATOR = { name: 'Nina Translator', email: 'nina@newsroom.test', password: 'nina chooses a long password' };
let inviteLink = '';
let sharedArticleId = 0;

before(async () => {
  if (SKIP_BROWSER) return;
  server = await startServer({ RELAIS_POLL: '0' });
  browser = await launchBrowser();
  assert.ok(server.ownerLink, `the demo printed an owner link:\n${server.output()}`);
  ownerContext = await newsroomContext(browser, 'en-GB');
  owner = await ownerContext.newPage();
  await owner.goto(server.ownerLink!);
  await onScreen(owner, 'Your sign-in link');
  await owner.getByRole('button', { name: 'Continue' }).click();
  await onScreen(owner, 'Dashboard');
  assert.equal(new URL(owner.url()).pathname, '/newsroom/', 'the token left the address bar');
});
after(async () => {
  await ownerContext?.close();
  await browser?.close();
  await server?.stop();
});

async function go(page: Page, navName: string, title = navName): Promise<void> {
  await page.getByRole('navigation', { name: /Newsroom|Rédaction/ }).getByRole('link', { name: navName, exact: true }).click();
  await onScreen(page, title);
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(server.base + '/newsroom/');
  await onScreen(page, 'Sign in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an owner invites a translator by link; the translator sets a password and signs in', { skip: SKIP_BROWSER, timeout: 240_000 }, async () => {
  await go(owner, 'Users');
  await owner.getByLabel('Email', { exact: true }).fill(TRANSLATOR.email);
  await owner.getByLabel('Name', { exact: true }).fill(TRANSLATOR.name);
  await owner.getByLabel('Role', { exact: true }).selectOption('translator');
  await owner.getByLabel('Person in the credits', { exact: true }).selectOption({ index: 1 });
  await owner.getByRole('button', { name: 'Invite', exact: true }).click();
  const linkField = owner.getByLabel(`Sign-in link for ${TRANSLATOR.email}`, { exact: true });
  await linkField.waitFor();
  inviteLink = await linkField.inputValue();
  assert.equal(await owner.getByLabel('Role', { exact: true }).inputValue(), 'author', 'the emptied form is back to the author role, not owner');
  assert.match(inviteLink, /^http:\/\/127\.0\.0\.1:\d+\/newsroom\/link\/[A-Za-z0-9_-]{20,}$/);
  const row = owner.getByRole('row').filter({ hasText: TRANSLATOR.email });
  assert.equal(await row.getByLabel(`Role of ${TRANSLATOR.name}`).inputValue(), 'translator');
  await screenshot(owner, 'users');

  const context = await newsroomContext(browser, 'en-GB');
  try {
    const page = await context.newPage();
    await page.goto(inviteLink);
    await onScreen(page, 'Your sign-in link');
    await page.getByText(`Welcome, ${TRANSLATOR.name}. Choose a password for ${TRANSLATOR.email}`).waitFor();
    assert.deepEqual(await axeProblems(page), [], 'link (en)');
    await screenshot(page, 'link');
    await page.getByLabel('Interface language').selectOption('fr');
    await onScreen(page, 'Votre lien de connexion');
    assert.deepEqual(await axeProblems(page), [], 'link (fr)');
    await screenshot(page, 'link-fr');
    await page.getByLabel('Langue de l’interface').selectOption('en');
    await onScreen(page, 'Your sign-in link');
    await page.getByLabel('New password').fill(TRANSLATOR.password);
    await page.getByRole('button', { name: 'Set the password and sign in' }).click();
    await onScreen(page, 'Dashboard');
    await page.getByText(`Signed in as ${TRANSLATOR.name} (translator)`).waitFor();
    const nav = page.getByRole('navigation', { name: 'Newsroom' });
    assert.equal(await nav.getByRole('link', { name: 'Users' }).count(), 0, 'a translator is not offered the users screen');
    assert.equal(await nav.getByRole('link', { name: 'My account' }).count(), 1);
    // Typed in by hand, the owner's screen is refused by the shell, and by the server.
    await page.goto(server.base + '/newsroom/users');
    await onScreen(page, 'You may not open this page');
    assert.equal(await page.evaluate(async () => (await fetch('/api/users')).status), 403);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await onScreen(page, 'Sign in');

    await signIn(page, TRANSLATOR.email, TRANSLATOR.password);
    await onScreen(page, 'Dashboard');
    // The link was single use.
    await page.goto(inviteLink);
    await page.getByRole('alert').filter({ hasText: 'This link has expired or was already used.' }).waitFor();
    assert.deepEqual(await cspViolations(page), []);
  } finally {
    await context.close();
  }
});

test('the owner sets up an authenticator app, requires two-factor; the translator enrols one, then signs in with a code', { skip: SKIP_BROWSER, timeout: 240_000 }, async () => {
  // The owner first (else the setting would send the owner to enrolment too).
  await go(owner, 'My account');
  await owner.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const ownerSecret = await owner.getByLabel('Key', { exact: true }).inputValue();
  await owner.getByLabel('Code from the app').fill(totp(ownerSecret));
  await owner.getByRole('button', { name: 'Confirm' }).click();
  await owner.getByRole('list', { name: 'Your recovery codes' }).waitFor();
  await owner.getByText('An authenticator app is set up.').first().waitFor();
  await screenshot(owner, 'account-totp');
  await go(owner, 'Settings');
  await owner.getByLabel('Require two-factor sign-in for every account').check();
  await owner.getByRole('button', { name: 'Save the settings' }).click();
  await owner.getByRole('status').filter({ hasText: 'Settings saved.' }).first().waitFor();

  const context = await newsroomContext(browser, 'en-GB');
  try {
    const page = await context.newPage();
    await signIn(page, TRANSLATOR.email, TRANSLATOR.password);
    await onScreen(page, 'Set up two-factor sign-in');
    assert.deepEqual(await axeProblems(page), [], 'enrol (en)');
    await screenshot(page, 'enrol');
    assert.equal(await page.evaluate(async () => (await fetch('/api/articles')).status), 403, 'nothing else until enrolled');

    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const qr = page.getByRole('img', { name: 'QR code to add this account to an authenticator app' });
    await qr.waitFor();
    assert.match((await qr.getAttribute('src'))!, /^data:image\/svg\+xml/);
    const secret = await page.getByLabel('Key', { exact: true }).inputValue();
    assert.match(secret, /^[A-Z2-7]{16,}=*$/);
    await screenshot(page, 'enrol-totp');
    await page.getByLabel('Code from the app').fill(totp(secret));
    await page.getByRole('button', { name: 'Confirm' }).click();
    const codes = page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    assert.equal(await codes.count(), 10, 'ten recovery codes, shown once');
    await screenshot(page, 'recovery-codes');
    await page.getByRole('button', { name: 'Continue to the newsroom' }).click();
    await onScreen(page, 'Dashboard');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await onScreen(page, 'Sign in');

    await signIn(page, TRANSLATOR.email, TRANSLATOR.password);
    await onScreen(page, 'Second step of sign-in');
    assert.deepEqual(await axeProblems(page), [], 'second factor (en)');
    await screenshot(page, 'second-factor');
    await page.getByLabel('Interface language').selectOption('fr');
    await onScreen(page, 'Deuxième étape de connexion');
    assert.deepEqual(await axeProblems(page), [], 'second factor (fr)');
    await screenshot(page, 'second-factor-fr');
    await page.getByLabel('Langue de l’interface').selectOption('en');
    await onScreen(page, 'Second step of sign-in');
    await page.getByLabel('Code from your authenticator app').fill('000000');
    await page.getByRole('button', { name: 'Verify the code' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.evaluate(async () => (await fetch('/api/articles')).status), 403, 'still pending after a wrong code');
    // The next step's code: the one used to confirm cannot be replayed.
    await page.getByLabel('Code from your authenticator app').fill(totp(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Verify the code' }).click();
    await onScreen(page, 'Dashboard');
    assert.deepEqual(await cspViolations(page), []);
  } finally {
    await context.close();
    await go(owner, 'Settings');
    await owner.getByLabel('Require two-factor sign-in for every account').uncheck();
    await owner.getByRole('button', { name: 'Save the settings' }).click();
    await owner.getByRole('status').filter({ hasText: 'Settings saved.' }).first().waitFor();
  }
});

test('API tokens: created with a name and scope (shown once), listed, revoked', { skip: SKIP_BROWSER, timeout: 120_000 }, async () => {
  await go(owner, 'My account');
  await owner.getByLabel('Token name').fill('newsletter script');
  await owner.getByLabel('Scope').selectOption('read');
  await owner.getByRole('button', { name: 'Create the token' }).click();
  const value = owner.getByLabel('New token', { exact: true });
  await value.waitFor();
  const token = await value.inputValue();
  const used = await owner.evaluate(async (token) => (await fetch('/api/articles', { headers: { authorization: `Bearer ${token}` } })).status, token);
  assert.equal(used, 200, 'the token works');
  const refused = await owner.evaluate(async (token) => (await fetch('/api/articles', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' })).status, token);
  assert.equal(refused, 403, 'a read token cannot write');
  const row = owner.getByRole('row').filter({ hasText: 'newsletter script' });
  await row.getByText('active').waitFor();
  await row.getByRole('button', { name: 'Revoke the token newsletter script' }).click();
  await owner.getByRole('row').filter({ hasText: 'newsletter script' }).getByText(/^revoked /).waitFor();
  const after = await owner.evaluate(async (token) => (await fetch('/api/articles', { headers: { authorization: `Bearer ${token}` } })).status, token);
  assert.equal(after, 401);
});

test('the dashboard shows a share click made on the public page', { skip: SKIP_BROWSER, timeout: 180_000 }, async () => {
  // A reader's browser, not one that says it is headless (bots are not counted).
  const reader = await newsroomContext(browser, 'fr-FR', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36');
  try {
    const page = await reader.newPage();
    const [article] = await articleLinks(server.base, '/fr/');
    await page.goto(server.base + article);
    const share = page.locator('a[href^="/share/"]').filter({ hasNotText: /mastodon/i }).first();
    const href = (await share.getAttribute('href'))!;
    const [, id, network] = /^\/share\/(\d+)\/([a-z]+)/.exec(href)!;
    sharedArticleId = Number(id);
    // The link opens the network in a new tab; the count is made by the 302 on our side.
    const counted = reader.waitForEvent('response', (r) => r.url().endsWith(href) && r.status() === 302);
    await share.click();
    await counted;

    await owner.goto(server.base + '/newsroom/');
    await onScreen(owner, 'Dashboard');
    const byNetwork = owner.getByRole('table', { name: 'Shares by network' });
    await byNetwork.getByRole('row').filter({ hasText: network }).getByRole('cell', { name: '1', exact: true }).waitFor();
    await owner.getByRole('table', { name: 'Top articles' }).getByRole('link').first().waitFor();
    await screenshot(owner, 'dashboard');
    await owner.goto(`${server.base}/newsroom/articles/${sharedArticleId}/stats`);
    await onScreen(owner, 'Article statistics');
    await owner.getByRole('table', { name: 'Shares by network' }).getByRole('row').filter({ hasText: network }).getByRole('cell', { name: '1', exact: true }).waitFor();
    await screenshot(owner, 'article-stats');
    assert.deepEqual(await cspViolations(owner), [], 'uPlot draws within the CSP');
  } finally {
    await reader.close();
  }
});

test('every account and admin screen: no serious or critical axe violation, in English and French', { skip: SKIP_BROWSER, timeout: 300_000 }, async () => {
  const screens: Array<[string, string, string]> = [
    ['/', 'Dashboard', 'Tableau de bord'],
    [`/articles/${sharedArticleId || 1}/stats`, 'Article statistics', 'Statistiques de l’article'],
    ['/account', 'My account', 'Mon compte'],
    ['/users', 'Users', 'Comptes'],
    ['/audit', 'Audit log', 'Journal d’audit'],
    ['/settings', 'Settings', 'Réglages'],
  ];
  const found: Record<string, string[]> = {};
  for (const lang of ['en', 'fr'] as const) {
    if (lang === 'fr') {
      await owner.goto(server.base + '/newsroom/');
      await onScreen(owner, 'Dashboard');
      // The header's switch saves the choice (PUT /api/me): the next page load is in French.
      await owner.getByLabel('Interface language').selectOption('fr');
      await onScreen(owner, 'Tableau de bord');
    }
    for (const [path, en, fr] of screens) {
      await owner.goto(server.base + '/newsroom' + path);
      await onScreen(owner, lang === 'en' ? en : fr);
      await owner.waitForLoadState('networkidle');
      assert.equal(await owner.locator('html').getAttribute('lang'), lang);
      const title = path.startsWith('/articles/') ? (lang === 'en' ? 'Statistics for ' : 'Statistiques de ') : lang === 'en' ? en : fr;
      assert.ok((await owner.title()).startsWith(title), await owner.title());
      const problems = await axeProblems(owner);
      if (problems.length) found[`${lang} ${path}`] = problems;
      const name = path === '/' ? 'dashboard' : path.startsWith('/articles/') ? 'article-stats' : path.slice(1);
      await screenshot(owner, lang === 'en' ? name : `${name}-fr`);
    }
  }
  await owner.getByLabel('Langue de l’interface').selectOption('en');
  await onScreen(owner, 'Settings');
  assert.deepEqual(found, {});
  assert.deepEqual(await cspViolations(owner), []);
});

test('keyboard: the skip link reaches <main>, navigation moves focus to it and names the page', { skip: SKIP_BROWSER, timeout: 60_000 }, async () => {
  await owner.goto(server.base + '/newsroom/');
  await onScreen(owner, 'Dashboard');
  await owner.keyboard.press('Tab');
  assert.equal(await owner.evaluate(() => document.activeElement?.textContent), 'Skip to content');
  await owner.keyboard.press('Enter');
  assert.equal(await owner.evaluate(() => document.activeElement?.id), 'main');
  await owner.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Audit log' }).focus();
  await owner.keyboard.press('Enter');
  await onScreen(owner, 'Audit log');
  await owner.waitForFunction(() => document.activeElement?.id === 'main');
  assert.equal(await owner.getByRole('link', { name: 'Audit log' }).getAttribute('aria-current'), 'page');
  await owner.goBack();
  await onScreen(owner, 'Dashboard');
});

test('active sessions: another browser is listed, and "sign out everywhere else" ends it', { skip: SKIP_BROWSER, timeout: 180_000 }, async () => {
  const author = { name: 'Sam Author', email: 'sam@newsroom.test', password: 'sam has a long password too' };
  const link = await owner.evaluate(async (a) => {
    const { csrfToken } = await (await fetch('/api/session')).json();
    const r = await fetch('/api/users', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify({ email: a.email, name: a.name, role: 'author' }) });
    return (await r.json()).link as string;
  }, author);
  const first = await newsroomContext(browser, 'en-GB');
  const second = await newsroomContext(browser, 'en-GB');
  try {
    const a = await first.newPage();
    await a.goto(link);
    await a.getByLabel('New password').fill(author.password);
    await a.getByRole('button', { name: 'Set the password and sign in' }).click();
    await onScreen(a, 'Dashboard');
    const b = await second.newPage();
    await signIn(b, author.email, author.password);
    await onScreen(b, 'Dashboard');

    await go(a, 'My account');
    const sessions = a.getByRole('table', { name: 'Active sessions' });
    await sessions.getByRole('row').nth(2).waitFor();
    assert.equal(await sessions.getByRole('row').count(), 3, 'a heading row and two sessions');
    assert.equal(await sessions.getByText('This session', { exact: true }).count(), 1);
    await a.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await a.getByRole('status').filter({ hasText: '1 other session(s) signed out.' }).waitFor();
    await sessions.getByRole('row').nth(2).waitFor({ state: 'detached' });

    // The other browser learns it at its next request.
    await go(b, 'My account').catch(() => {});
    await onScreen(b, 'Sign in');
    await b.getByText('Your session has ended: sign in again.').waitFor();
  } finally {
    await first.close();
    await second.close();
  }
});

test('the editor (Tiptap on ProseMirror) runs under the newsroom CSP without a violation', { skip: SKIP_BROWSER, timeout: 120_000 }, async () => {
  const page = await ownerContext.newPage();
  try {
    await page.goto(server.base + '/newsroom/articles/new');
    const editable = page.locator('[contenteditable="true"]').first();
    await editable.waitFor({ timeout: 30_000 });
    await editable.click();
    await page.keyboard.type('Typed under a strict CSP.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Second paragraph.');
    await page.getByText('Second paragraph.').waitFor();
    assert.deepEqual(await cspViolations(page), [], 'style-src self holds: ProseMirror sets styles through the CSSOM');
  } finally {
    await page.close();
  }
});
