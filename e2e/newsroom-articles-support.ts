// Shared by the newsroom article browser tests: the demo owner signed in, accounts of each role (invited by
// the owner through the API, the invitation redeemed with a password), the API with a context's session,
// script-execution instrumentation, a PNG made with sharp, pasting HTML into the editor.
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newsroomContext } from './newsroom-support.ts';
import type { RunningServer } from './server.ts';

export const PASSWORD = 'correct horse battery staple 42';

/** Redeems the demo owner's one-time link in this context: its cookie jar now holds the session. */
export async function signInOwner(server: RunningServer, context: BrowserContext): Promise<void> {
  assert.ok(server.ownerLink, `the demo printed no sign-in link:\n${server.output()}`);
  const token = server.ownerLink.split('/').pop()!;
  const res = await context.request.post(`${server.base}/api/links/${token}`, { data: { password: PASSWORD } });
  assert.equal(res.status(), 200, await res.text());
}

/** The JSON API with the context's session cookie and CSRF token; fails the test on a non-2xx answer. */
export async function apiCall(server: RunningServer, context: BrowserContext, method: string, path: string, body?: unknown): Promise<any> {
  const r = await rawCall(server, context, method, path, body);
  assert.ok(r.status < 300, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Installed before any page script: every way a payload could show that it ran is reported. */
const INSTRUMENT = `(() => {
  const report = (how) => { try { window.__relaisReport(how); } catch {} };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) { try { window[name] = () => report(name); } catch {} }
  try { Object.defineProperty(window, '__xss', { set() { report('__xss'); }, get() { return undefined; }, configurable: false }); } catch {}
  window.addEventListener('error', (e) => { if (e instanceof ErrorEvent) report('error:' + e.message); }, true);
})();`;

/** Instruments every page of the context; returns the list that fills up when script runs. */
export async function instrument(context: BrowserContext): Promise<string[]> {
  const reports: string[] = [];
  await context.exposeBinding('__relaisReport', (_src, how: string) => void reports.push(how));
  await context.addInitScript(INSTRUMENT);
  const watch = (p: Page) => p.on('dialog', (d) => {
    reports.push('dialog:' + d.type());
    void d.dismiss().catch(() => {});
  });
  context.pages().forEach(watch);
  context.on('page', watch);
  return reports;
}

/** A new account of `role`, signed in in a context of its own. */
export async function signedInAs(
  server: RunningServer,
  browser: Browser,
  owner: BrowserContext,
  role: 'editor' | 'translator' | 'author',
  name: string,
  personId: number | null = null,
): Promise<{ context: BrowserContext; user: { id: number } }> {
  const email = `${role}-${Date.now()}-${Math.round(Math.random() * 1e6)}@example.org`;
  const { user, link } = await apiCall(server, owner, 'POST', '/users', { email, name, role, ...(personId ? { personId } : {}) });
  const token = String(link.url ?? link).split('/').pop()!;
  const context = await newsroomContext(browser);
  const res = await context.request.post(`${server.base}/api/links/${token}`, { data: { password: PASSWORD } });
  assert.equal(res.status(), 200, await res.text());
  return { context, user };
}

/** A state-changing request with the context's session cookie and CSRF token; returns the status and body. */
export async function rawCall(server: RunningServer, context: BrowserContext, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const s = await context.request.get(`${server.base}/api/session`);
  const { csrfToken } = (await s.json()) as { csrfToken: string };
  const res = await context.request.fetch(`${server.base}/api${path}`, { method, data: body, headers: { 'x-csrf-token': csrfToken } });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {}
  return { status: res.status(), body: parsed };
}

export async function pngImage(width = 640, height = 400): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 190, g: 70, b: 40 } } })
    .composite([{ input: { create: { width: width / 4, height: height / 4, channels: 3, background: { r: 20, g: 90, b: 160 } } }, left: width / 2, top: height / 4 }])
    .png()
    .toBuffer();
}

/**
 * Pastes `html` into the body editor as a word processor or a browser would (a paste event with text/html).
 * Resolves true when the editor sent it to the server's sanitiser (false: the editor let ProseMirror's own
 * parser take it, e.g. when the payload's HTML is empty).
 */
export async function pasteHtml(page: Page, html: string): Promise<boolean> {
  const editor = page.getByRole('textbox', { name: 'Article text' });
  await editor.focus();
  const sanitised = page
    .waitForResponse((r) => r.url().endsWith('/api/sanitize') && r.request().method() === 'POST', { timeout: 10_000 })
    .then(() => true, () => false);
  await editor.evaluate((node, h) => {
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', h.replace(/<[^>]*>/g, ''));
    node.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  return sanitised;
}
