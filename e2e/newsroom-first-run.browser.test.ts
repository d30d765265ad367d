// The newsroom's first run and signing in, in Chromium against the real `relais serve` with no account:
// the first-run screen creates the owner (and only while no account exists); sign in and out; wrong
// passwords are rate-limited and the screen says so. Each screen is checked by axe in French and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SKIP_BROWSER } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { axeProblems, cspViolations, newsroomContext, onScreen, screenshot } from './newsroom-support.ts';

let server: RunningServer;
let browser: Browser;
const OWNER = { name: 'Ada Owner', email: 'ada@newsroom.test', password: 'a long and secret owner sentence' };

before(async () => {
  if (SKIP_BROWSER) return;
  // The demo content, but no demo owner: the newsroom starts with no account at all.
  server = await startServer({ RELAIS_POLL: '0', RELAIS_DEMO_OWNER: '0' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** axe in the other language too: switches with the language control, checks, switches back. */
async function axeBothLanguages(page: Page, name: string, titles: { en: string | RegExp; fr: string | RegExp }): Promise<void> {
  assert.deepEqual(await axeProblems(page), [], `${name} (en)`);
  await screenshot(page, name);
  await page.getByLabel('Interface language').selectOption('fr');
  await onScreen(page, titles.fr);
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  assert.deepEqual(await axeProblems(page), [], `${name} (fr)`);
  await screenshot(page, `${name}-fr`);
  await page.getByLabel('Langue de l’interface').selectOption('en');
  await onScreen(page, titles.en);
}

test('first run: the owner is created on the first-run screen, which is gone afterwards', { skip: SKIP_BROWSER, timeout: 180_000 }, async () => {
  assert.equal(server.ownerLink, null, 'no demo owner link was printed');
  const context = await newsroomContext(browser, 'en-GB');
  try {
    const page = await context.newPage();
    await page.goto(server.base + '/newsroom/');
    await onScreen(page, 'Create the owner account');
    await axeBothLanguages(page, 'setup', { en: 'Create the owner account', fr: 'Créer le compte propriétaire' });

    // A password the server refuses: its message is shown and the field is marked.
    await page.getByLabel('Name').fill(OWNER.name);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create the owner account' }).click();
    await page.getByRole('alert').filter({ hasText: 'at least 12 characters' }).waitFor();
    assert.equal(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid'), 'true');
    const describedBy = (await page.getByLabel('Password', { exact: true }).getAttribute('aria-describedby'))!.split(' ');
    assert.ok(describedBy.includes((await page.getByRole('alert').getAttribute('id'))!), 'the error describes the field');

    await page.getByLabel('Password', { exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Create the owner account' }).click();
    await onScreen(page, 'Dashboard');
    await page.getByText(`Signed in as ${OWNER.name} (owner)`).waitFor();
    assert.ok(await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Users' }).isVisible());
    assert.deepEqual(await cspViolations(page), []);

    // Only while no account exists: the API refuses a second owner, and a new visitor gets the sign-in screen.
    const again = await page.evaluate(async () => (await fetch('/api/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x@y.test', name: 'X', password: 'another long password' }) })).status);
    assert.ok(again === 409 || again === 403, `second setup refused (${again})`);
    const other = await (await newsroomContext(browser)).newPage();
    await other.goto(server.base + '/newsroom/');
    await onScreen(other, 'Sign in');
    await other.context().close();
  } finally {
    await context.close();
  }
});

test('sign in and out; wrong passwords are rate-limited, with the message shown', { skip: SKIP_BROWSER, timeout: 180_000 }, async () => {
  const context = await newsroomContext(browser, 'en-GB');
  try {
    const page = await context.newPage();
    await page.goto(server.base + '/newsroom/account');
    await onScreen(page, 'Sign in');
    await axeBothLanguages(page, 'sign-in', { en: 'Sign in', fr: 'Connexion' });
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back where the user was going.
    await onScreen(page, 'My account');
    assert.equal(new URL(page.url()).pathname, '/newsroom/account');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await onScreen(page, 'Sign in');
    await page.getByText('You are signed out.').waitFor();
    assert.equal(await page.evaluate(async () => (await fetch('/api/session')).status), 401, 'the session is gone on the server');

    for (let i = 1; i <= 5; i++) {
      await page.getByLabel('Email').fill(OWNER.email);
      await page.getByLabel('Password').fill(`wrong password ${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
      assert.equal(await page.getByLabel('Password').getAttribute('aria-invalid'), 'true');
      await page.getByRole('button', { name: 'Sign in' }).and(page.locator(':not([disabled])')).waitFor();
    }
    // The sixth try is refused before the password is even looked at, the right one too.
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const limited = page.getByRole('alert').filter({ hasText: /Too many failed sign-ins\. Try again in \d+ minute/ });
    await limited.waitFor();
    await screenshot(page, 'sign-in-rate-limited');
    await onScreen(page, 'Sign in');
    assert.equal(await page.evaluate(async () => (await fetch('/api/session')).status), 401);
  } finally {
    await context.close();
  }
});
