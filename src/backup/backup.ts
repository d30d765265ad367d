// `createBackup`: the database (a consistent snapshot), the media folder and, when asked, the signing keys, in one
// tar file written under a temporary name and renamed, so a killed backup never leaves a half file under FILE.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { InputError } from '../domain/types.ts';
import { folderFiles } from './folder-files.ts';
import { DATABASE_ENTRY, KEYS_PREFIX, MEDIA_PREFIX, dataFolders, dialectOf } from './layout.ts';
import { MANIFEST_NAME, makeManifest, type Manifest } from './manifest.ts';
import { dumpMigrations, dumpPostgres } from './postgres-dump.ts';
import { snapshotSqlite, sqlitePath } from './sqlite-file.ts';
import { TarWriter } from './tar-write.ts';

export interface BackupOptions {
  databaseUrl: string;
  dataDir: string;
  file: string;
  /** Also archive <dataDir>/keys (the C2PA private keys): the archive then holds secrets twice over. */
  withKeys?: boolean;
  now?: () => Date;
}

export interface BackupReport {
  file: string;
  bytes: number;
  manifest: Manifest;
  /** Media files listed but deleted before they could be copied. */
  vanished: string[];
}

async function snapshotDatabase(databaseUrl: string, work: string): Promise<{ file: string; migrations: string[] }> {
  if (dialectOf(databaseUrl) === 'postgres') {
    const file = join(work, 'relais.pgdump');
    await dumpPostgres(databaseUrl, file);
    return { file, migrations: await dumpMigrations(file) };
  }
  const raw = join(work, 'relais.sqlite');
  const migrations = await snapshotSqlite(sqlitePath(databaseUrl), raw);
  const file = `${raw}.gz`;
  await pipeline(createReadStream(raw), createGzip(), createWriteStream(file));
  await unlink(raw);
  return { file, migrations };
}

function refuseInside(file: string, folders: string[]): void {
  for (const f of folders) if (file.startsWith(resolve(f) + sep)) throw new InputError(`the backup file cannot go inside ${f}, which it archives`);
}

export async function createBackup(o: BackupOptions): Promise<BackupReport> {
  const now = (o.now ?? (() => new Date()))();
  const kind = dialectOf(o.databaseUrl);
  const final = resolve(o.file);
  const folders = dataFolders(o.dataDir);
  refuseInside(final, [folders.media, folders.keys]);
  const work = await mkdtemp(join(dirname(final), '.relais-backup-'));
  const tmp = join(dirname(final), `.${basename(final)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const out = await open(tmp, 'wx', 0o600);
  let closed = false;
  try {
    // The database first: media files are written before their rows, so every row of the snapshot finds its file.
    const db = await snapshotDatabase(o.databaseUrl, work);
    const tar = new TarWriter(out, now);
    await tar.addFile(DATABASE_ENTRY[kind], db.file, 0o600);
    const vanished: string[] = [];
    for (const f of await folderFiles(folders.media)) if (!(await tar.addFile(MEDIA_PREFIX + f.name, f.path))) vanished.push(f.name);
    if (o.withKeys) for (const f of await folderFiles(folders.keys)) await tar.addFile(KEYS_PREFIX + f.name, f.path, 0o600);
    const manifest = makeManifest(kind, DATABASE_ENTRY[kind], db.migrations, !!o.withKeys, [...tar.files], now);
    await tar.addBuffer(MANIFEST_NAME, Buffer.from(JSON.stringify(manifest, null, 1) + '\n'));
    await tar.end();
    await out.sync();
    await out.close();
    closed = true;
    await rename(tmp, final);
    await syncFolder(dirname(final));
    return { file: final, bytes: (await stat(final)).size, manifest, vanished };
  } catch (err) {
    if (!closed) await out.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** So the rename survives a power cut. */
async function syncFolder(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
