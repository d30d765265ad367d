// Test helpers: a data folder with its own database (SQLite, or a throwaway PostgreSQL database when DATABASE_URL
// says so), some content in it, and a fingerprint of everything a backup must bring back.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { addUser } from '../accounts/users.ts';
import { uploadMedia } from '../media/index.ts';
import { pngImage } from '../media/test-images.ts';
import { createArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { openStore } from '../store/db.ts';
import { openThrowawayDatabase } from '../store/test-store.ts';
import { folderFiles } from './folder-files.ts';

export interface Site {
  dir: string;
  dataDir: string;
  databaseUrl: string;
  close(): Promise<void>;
}

export async function openSite(): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'relais-backup-'));
  const dataDir = join(dir, 'data');
  const db = await openThrowawayDatabase(dataDir, 'relais_backup');
  await (await openStore(db.url)).close();
  return {
    dir,
    dataDir,
    databaseUrl: db.url,
    async close() {
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function withContext<T>(site: Site, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const store = await openStore(site.databaseUrl);
  const ctx: AppContext = { store, site: loadConfig({}).site, now: () => new Date(), mediaDir: join(site.dataDir, 'media'), cacheDir: join(site.dataDir, 'cache') };
  try {
    return await fn(ctx);
  } finally {
    await store.close();
  }
}

/** Two articles (one with accents), a user with a password, two pictures. */
export async function seed(site: Site, tag = 'a'): Promise<void> {
  await withContext(site, async (ctx) => {
    await addUser(ctx, SYSTEM, { email: `ed-${tag}@example.org`, name: 'Édith Rédac', role: 'editor', password: 'correct horse battery staple' });
    await createArticle(ctx, { language: 'fr', title: `Écluse rénovée ${tag}`, bodyHtml: '<p>Les péniches « reviennent ».</p>' }, SYSTEM);
    await createArticle(ctx, { language: 'en', title: `Lock reopens ${tag}`, bodyHtml: '<p>Barges are back.</p>', status: 'published' }, SYSTEM);
    await uploadMedia(ctx, { bytes: await pngImage(30, 20, { r: 200, g: 10, b: tag.charCodeAt(0) }), alt: 'a lock', credit: 'Relais' }, SYSTEM);
    await uploadMedia(ctx, { bytes: await pngImage(24, 16, { r: 5, g: 90, b: tag.charCodeAt(0) }), alt: 'a barge', credit: 'Relais' }, SYSTEM);
  });
}

/** The rows of the content tables and the SHA-256 of every media file. */
export async function fingerprint(site: Site): Promise<Record<string, unknown>> {
  return withContext(site, async (ctx) => {
    const out: Record<string, unknown> = {};
    for (const t of ['articles', 'users', 'media', 'article_revisions', 'audit_log']) out[t] = (await sql`SELECT * FROM ${sql.table(t)} ORDER BY id`.execute(ctx.store.db)).rows;
    const files = await folderFiles(ctx.mediaDir);
    out.mediaFiles = Object.fromEntries(files.map((f) => [f.name, createHash('sha256').update(readFileSync(f.path)).digest('hex')]));
    return out;
  });
}

/** Empties the database and the media folder, as a lost disk would. */
export async function wipe(site: Site): Promise<void> {
  if (/^postgres/.test(site.databaseUrl)) {
    const store = await openStore(site.databaseUrl, { migrate: false });
    await sql`DROP SCHEMA public CASCADE`.execute(store.db);
    await sql`CREATE SCHEMA public`.execute(store.db);
    await store.close();
  } else rmSync(join(site.dataDir, 'relais.sqlite'), { force: true });
  rmSync(join(site.dataDir, 'media'), { recursive: true, force: true });
}
