// `restoreBackup`: checks the whole archive first (manifest, kind, schema, every SHA-256) into a staging area, then
// swaps in the database (SQLite: rename over the file; PostgreSQL: pg_restore in one transaction), then the media.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { InputError } from '../domain/types.ts';
import { openStore } from '../store/db.ts';
import { checkArchive } from './archive-check.ts';
import { extractEntry } from './extract.ts';
import { KEYS_PREFIX, MEDIA_PREFIX, dataFolders, dialectOf } from './layout.ts';
import type { Manifest } from './manifest.ts';
import { dumpMigrations, dumpTables, restorePostgres } from './postgres-dump.ts';
import { checkSqliteFile, replaceSqlite, sqlitePath } from './sqlite-file.ts';
import { targetState, type TargetState } from './target-state.ts';

export interface RestoreOptions {
  databaseUrl: string;
  dataDir: string;
  file: string;
  /** Replace a store that already has content. */
  force?: boolean;
}

export interface RestoreReport {
  manifest: Manifest;
  mediaFiles: number;
  /** restored: the archive's keys were put in place; kept: keys were there already and stay; none: no keys in the archive. */
  keys: 'restored' | 'kept' | 'none';
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const newerIn = (t: TargetState, m: Manifest) => t.migrations.filter((name) => !m.database.migrations.includes(name));
const NEWER_PG = 'than the backup: restore into a new, empty database (createdb), then point DATABASE_URL at it';

function refuseTarget(t: TargetState, m: Manifest, force: boolean): void {
  if (t.content && !force) throw new InputError('the configured store already has content (articles, users, media…): add --force to replace it with the backup');
  const newer = newerIn(t, m);
  if (m.database.kind === 'postgres' && newer.length && t.content) throw new InputError(`the database is at a newer schema (${newer.join(', ')}) ${NEWER_PG}`);
}

export async function restoreBackup(o: RestoreOptions): Promise<RestoreReport> {
  const kind = dialectOf(o.databaseUrl);
  const folders = dataFolders(o.dataDir);
  const { manifest, entries } = await checkArchive(o.file, kind);
  const target = await targetState(o.databaseUrl, folders.media);
  refuseTarget(target, manifest, !!o.force);
  await mkdir(o.dataDir, { recursive: true });
  const staging = join(o.dataDir, `.relais-restore-${randomBytes(4).toString('hex')}`);
  const dbStaged = kind === 'sqlite' ? `${sqlitePath(o.databaseUrl)}.restore-${randomBytes(4).toString('hex')}` : join(staging, 'relais.pgdump');
  const sha = new Map(manifest.files.map((f) => [f.path, f.sha256]));
  try {
    await mkdir(join(staging, 'media'), { recursive: true });
    await mkdir(dirname(dbStaged), { recursive: true });
    for (const e of entries) {
      if (e.name === manifest.database.entry) await extractEntry(o.file, e, sha.get(e.name)!, dbStaged, { gunzip: kind === 'sqlite', mode: 0o600 });
      else await extractEntry(o.file, e, sha.get(e.name)!, join(staging, ...e.name.split('/')), { mode: e.name.startsWith(KEYS_PREFIX) ? 0o600 : 0o644 });
    }
    const stagedMigrations = kind === 'sqlite' ? checkSqliteFile(dbStaged) : await dumpMigrations(dbStaged);
    if (!same(stagedMigrations, [...manifest.database.migrations].sort())) throw new InputError('damaged archive: its database does not hold the migrations its manifest lists');
    if (kind === 'sqlite') await replaceSqlite(dbStaged, sqlitePath(o.databaseUrl));
    else await restoreIntoPostgres(o.databaseUrl, dbStaged, target, manifest);
    await swapFolder(join(staging, 'media'), folders.media, join(staging, 'old-media'));
    const keys = manifest.withKeys ? await placeKeys(join(staging, 'keys'), folders.keys) : 'none';
    // An archive from an older schema is brought up to this code's.
    await (await openStore(o.databaseUrl)).close();
    return { manifest, mediaFiles: entries.filter((e) => e.name.startsWith(MEDIA_PREFIX)).length, keys };
  } finally {
    await rm(staging, { recursive: true, force: true });
    if (kind === 'sqlite') await rm(dbStaged, { force: true });
  }
}

/** pg_restore --clean replaces the dump's tables; tables a newer schema added would stay and break the upgrade. */
async function restoreIntoPostgres(url: string, dump: string, target: TargetState, m: Manifest): Promise<void> {
  if (newerIn(target, m).length) {
    // Only an empty store gets here (refuseTarget): its extra tables hold nothing.
    const keep = new Set(await dumpTables(dump));
    const store = await openStore(url, { migrate: false });
    try {
      for (const t of target.tables.filter((t) => !keep.has(t))) await sql`DROP TABLE IF EXISTS ${sql.id(t)} CASCADE`.execute(store.db);
    } finally {
      await store.close();
    }
  }
  await restorePostgres(url, dump);
}

async function swapFolder(staged: string, live: string, old: string): Promise<void> {
  await mkdir(dirname(live), { recursive: true });
  const had = await rename(live, old).then(() => true, (err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return false;
    throw err;
  });
  await rename(staged, live);
  if (had) await rm(old, { recursive: true, force: true });
}

/** Signing keys are the site's identity: put back only where there are none, never over existing ones. */
async function placeKeys(staged: string, live: string): Promise<'restored' | 'kept'> {
  const existing = await readdir(live).catch(() => [] as string[]);
  if (existing.length) return 'kept';
  await rm(live, { recursive: true, force: true });
  await mkdir(dirname(live), { recursive: true });
  await mkdir(staged, { recursive: true });
  await rename(staged, live);
  await chmod(live, 0o700);
  return 'restored';
}
