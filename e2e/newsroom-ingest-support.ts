// Shared by the newsroom ingest/people browser tests (axe, screenshots and the CSP-recording context come from
// newsroom-support.ts): signing the demo owner in, the API with the browser's session, script instrumentation.
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from './server.ts';

export const PASSWORD = 'correct horse battery staple 42';

/** Redeems the demo owner's one-time link in this browser context: its cookie jar now holds the session. */
export async function signInOwner(server: RunningServer, context: BrowserContext): Promise<void> {
  assert.ok(server.ownerLink, `the demo printed no sign-in link:\n${server.output()}`);
  const token = server.ownerLink.split('/').pop()!;
  const res = await context.request.post(`${server.base}/api/links/${token}`, { data: { password: PASSWORD } });
  assert.equal(res.status(), 200, await res.text());
}

/** The JSON API with the browser's session cookie and its CSRF token. */
export async function apiCall(server: RunningServer, context: BrowserContext, method: string, path: string, body?: unknown): Promise<any> {
  const s = await context.request.get(`${server.base}/api/session`);
  const { csrfToken } = (await s.json()) as { csrfToken: string };
  const res = await context.request.fetch(`${server.base}/api${path}`, { method, data: body, headers: { 'x-csrf-token': csrfToken } });
  const text = await res.text();
  assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Opens a newsroom screen and waits until the shell has put its content in place. */
export async function openScreen(page: Page, server: RunningServer, path: string): Promise<void> {
  await page.goto(`${server.base}/newsroom${path}`);
  await page.waitForLoadState('networkidle');
}

/** Installed before any page script: every way a payload could show it ran is reported. */
export const INSTRUMENT = `(() => {
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
  context.on('page', (p) => p.on('dialog', (d) => {
    reports.push('dialog:' + d.type());
    void d.dismiss().catch(() => {});
  }));
  return reports;
}
