// Shared by the browser tests: Debian's Chromium driven by playwright-core (never a downloaded browser),
// with every request that is not to a loopback address refused.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.RELAIS_CHROMIUM ?? '/usr/bin/chromium';
export const SKIP_BROWSER = !existsSync(CHROMIUM) && `needs Chromium at ${CHROMIUM} (Debian package "chromium")`;
/** The XSS corpus in Chromium takes ten minutes; it runs once, on SQLite. src/api/xss-storage.test.ts shows,
 * on each database, that storage hands the browser the same bytes, so a second run would check nothing new. */
export const SKIP_XSS_BROWSER =
  SKIP_BROWSER || (!!process.env.DATABASE_URL && 'the XSS corpus runs in Chromium on SQLite only (src/api/xss-storage.test.ts covers storage on this database)');

/**
 * Headless Chromium says "HeadlessChrome" in its User-Agent, which the counters rightly take for a bot; the
 * browser tests play readers, so they present the desktop browser's own string.
 */
export const READER_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-agent=${READER_USER_AGENT}`,
      ...extraArgs,
    ],
  });
}

/** Refuses every request except to loopback hosts (and the fake host a test serves itself). */
export async function loopbackOnly(context: BrowserContext, allowHosts: string[] = []): Promise<void> {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const ok = ['127.0.0.1', 'localhost', '[::1]', ...allowHosts].includes(url.hostname) && /^https?:$/.test(url.protocol);
    return ok ? route.fallback() : route.abort('blockedbyclient');
  });
}
