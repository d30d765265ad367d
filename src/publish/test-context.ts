// Test helper: an AppContext on a fresh store (SQLite in memory, or PostgreSQL when DATABASE_URL says so).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../context.ts';
import { openTestStore } from '../store/test-store.ts';
import { loadConfig } from '../config.ts';

export async function openTestContext(opts: { now?: () => Date; baseUrl?: string } = {}): Promise<AppContext> {
  const store = await openTestStore();
  const dir = mkdtempSync(join(tmpdir(), 'relais-test-'));
  // The media and cache folders go with the store: closing the store removes them.
  const closeStore = store.close.bind(store);
  store.close = async () => {
    await closeStore();
    // A worker thread cut off by a test's end may still be writing a file into it: retry rather than fail.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };
  const site = loadConfig({ RELAIS_BASE_URL: opts.baseUrl ?? 'http://relais.test' }).site;
  return { store, site, now: opts.now ?? (() => new Date()), mediaDir: join(dir, 'media'), cacheDir: join(dir, 'cache') };
}
