// Shared by the newsroom ingest/people browser tests (sign-in, the API, instrumentation, axe, screenshots and the
// CSP-recording context come from newsroom-support.ts).
import type { Page } from 'playwright-core';
import type { RunningServer } from './server.ts';

/** Opens a newsroom screen and waits until the shell has put its content in place. */
export async function openScreen(page: Page, server: RunningServer, path: string): Promise<void> {
  await page.goto(`${server.base}/newsroom${path}`);
  await page.waitForLoadState('networkidle');
}
