// The SQLite side: a consistent copy of the live file (SQLite's online backup), and putting a restored file in place.
import { DatabaseSync, backup } from 'node:sqlite';
import { existsSync } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { InputError } from '../domain/types.ts';

// One backup step for the whole file: a step-by-step copy restarts whenever the server writes in between,
// while a single step reads one WAL snapshot and lets writers go on.
const ONE_STEP = 2 ** 31 - 1;

export function sqlitePath(url: string): string {
  const path = url.replace(/^sqlite:(\/\/)?/, '');
  if (!path || path === ':memory:') throw new InputError('the database is in memory: there is nothing to back up or restore');
  return path;
}

function readMigrations(db: DatabaseSync): string[] {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
  return has ? (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name) : [];
}

/** Copies the live database to `target` while the server may keep writing; returns the copy's migrations. */
export async function snapshotSqlite(path: string, target: string): Promise<string[]> {
  if (!existsSync(path)) throw new InputError(`no SQLite database at ${path}`);
  const source = new DatabaseSync(path);
  try {
    source.exec('PRAGMA busy_timeout = 5000');
    await backup(source, target, { rate: ONE_STEP });
  } finally {
    source.close();
  }
  const copy = new DatabaseSync(target, { readOnly: true });
  try {
    return readMigrations(copy);
  } finally {
    copy.close();
  }
}

/** A restored file checked before it goes anywhere: SQLite's integrity check, and its migrations. */
export function checkSqliteFile(path: string): string[] {
  const db = new DatabaseSync(path);
  try {
    const rows = db.prepare('PRAGMA integrity_check').all() as Array<{ integrity_check: string }>;
    if (rows[0]?.integrity_check !== 'ok') throw new InputError(`damaged archive: its database fails SQLite's integrity check (${rows[0]?.integrity_check})`);
    return readMigrations(db);
  } finally {
    db.close();
  }
}

/**
 * Leaving WAL mode needs the only connection: if another process (a running server) has the file open this
 * fails, and nothing is touched. It also folds the WAL into the file, so no stale -wal is left to replay.
 */
export function requireUnused(path: string): void {
  if (!existsSync(path)) return;
  const db = new DatabaseSync(path);
  try {
    let mode: string | undefined;
    try {
      mode = (db.prepare('PRAGMA journal_mode = DELETE').get() as { journal_mode: string }).journal_mode;
    } catch {
      mode = undefined;
    }
    if (mode !== 'delete') throw new InputError(`the database ${path} is in use (is "relais serve" running?): stop Relais, then restore`);
  } finally {
    db.close();
  }
}

/** Renames the checked file over the live one (atomic on one file system). */
export async function replaceSqlite(staged: string, path: string): Promise<void> {
  requireUnused(path);
  for (const side of ['-wal', '-shm', '-journal']) await unlink(path + side).catch(() => {});
  await rename(staged, path);
}
