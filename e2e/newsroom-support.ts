// Shared by the newsroom's browser tests: a context that records CSP violations, axe-core run in the page
// (through the DevTools protocol, so the newsroom's CSP stays on), TOTP codes (RFC 6238, node:crypto),
// screenshots to test-results/newsroom-<name>.png, signing in by one-time link, the JSON API with a context's
// session, script-execution instrumentation.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loopbackOnly } from './browser.ts';
import type { RunningServer } from './server.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const RESULTS = new URL('../test-results/', import.meta.url).pathname;

export async function newsroomContext(browser: Browser, locale: 'fr-FR' | 'en-GB' = 'en-GB', userAgent?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 }, userAgent });
  await loopbackOnly(context);
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return context;
}

/** CSP violations the page reported so far. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? []);
}

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Serious and critical axe violations of the page as it is now, as readable lines. */
export async function axeProblems(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  )) as { violations: Violation[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: `${RESULTS}newsroom-${name}.png`, fullPage: true });
}

function base32(s: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of s.replace(/=+$/, '').toUpperCase()) {
    const v = alphabet.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${c}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}

/** The 6-digit TOTP code (SHA-1, 30 s steps) of a base32 secret at `time`. */
export function totp(secret: string, time = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 1000 / 30)));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

/** Waits until the screen's <h1> says `title`. */
export async function onScreen(page: Page, title: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 20_000 });
}

const PASSWORD = 'correct horse battery staple 42';

/** Redeems a one-time sign-in link (its token) with PASSWORD in this context: its cookie jar now holds the session. */
export async function redeemLink(server: RunningServer, context: BrowserContext, token: string): Promise<void> {
  const res = await context.request.post(`${server.base}/api/links/${token}`, { data: { password: PASSWORD } });
  assert.equal(res.status(), 200, await res.text());
}

/** Redeems the demo owner's one-time link in this context. */
export async function signInOwner(server: RunningServer, context: BrowserContext): Promise<void> {
  assert.ok(server.ownerLink, `the demo printed no sign-in link:\n${server.output()}`);
  await redeemLink(server, context, server.ownerLink.split('/').pop()!);
}

/** The JSON API with the context's session cookie and CSRF token; fails the test on a non-2xx answer. */
export async function apiCall(server: RunningServer, context: BrowserContext, method: string, path: string, body?: unknown): Promise<any> {
  const r = await rawCall(server, context, method, path, body);
  assert.ok(r.status < 300, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A request with the context's session cookie and CSRF token; returns the status and body (JSON when it parses). */
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
