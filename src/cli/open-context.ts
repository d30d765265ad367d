// The context every command works in: configuration from the environment, the store, media and cache folders.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { openStore } from '../store/db.ts';
import { openCdn } from '../cdn/index.ts';

export async function openContext(env: NodeJS.ProcessEnv = process.env): Promise<{ config: Config; ctx: AppContext }> {
  const config = loadConfig(env);
  const mediaDir = join(config.dataDir, 'media');
  const cacheDir = join(config.dataDir, 'cache');
  mkdirSync(mediaDir, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  const store = await openStore(config.databaseUrl);
  return { config, ctx: { store, site: config.site, now: () => new Date(), mediaDir, cacheDir, cdn: openCdn(config.cdn) } };
}

/** Where the database lives, for messages (never prints a password). */
export function describeDatabase(url: string): string {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const u = new URL(url);
    return `PostgreSQL ${u.host}${u.pathname}`;
  }
  return `SQLite ${url.replace(/^sqlite:(\/\/)?/, '')}`;
}
