// Shared by the newsroom article browser tests (sign-in, the API and instrumentation come from
// newsroom-support.ts): accounts of each role (invited by the owner through the API, the invitation redeemed
// with a password), a PNG made with sharp, pasting HTML into the editor.
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiCall, newsroomContext, redeemLink } from './newsroom-support.ts';
import type { RunningServer } from './server.ts';

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
  await redeemLink(server, context, token);
  return { context, user };
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
