// Reading an archive before anything is touched: its manifest, and every entry matched against it.
import { text } from 'node:stream/consumers';
import { InputError } from '../domain/types.ts';
import type { Dialect } from '../store/db.ts';
import { KEYS_PREFIX, MEDIA_PREFIX } from './layout.ts';
import { MANIFEST_NAME, readManifest, type Manifest } from './manifest.ts';
import { entryStream, indexArchive, type IndexedEntry } from './tar-read.ts';

export interface CheckedArchive {
  manifest: Manifest;
  /** Every entry but the manifest, in archive order. */
  entries: IndexedEntry[];
}

function safeName(name: string, databaseEntry: string): boolean {
  if (name === databaseEntry) return true;
  if (!name.startsWith(MEDIA_PREFIX) && !name.startsWith(KEYS_PREFIX)) return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\\'));
}

export async function checkArchive(file: string, target: Dialect): Promise<CheckedArchive> {
  const all = await indexArchive(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw new InputError(`no such file: ${file}`);
    throw err;
  });
  const last = all.at(-1);
  if (!last || last.name !== MANIFEST_NAME) throw new InputError('damaged archive: its manifest (the last entry) is missing');
  const manifest = readManifest(await text(entryStream(file, last)), target);
  const entries = all.slice(0, -1);
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  if (listed.size !== entries.length || manifest.files.length !== entries.length) throw new InputError('damaged archive: its entries do not match its manifest');
  for (const e of entries) {
    if (listed.get(e.name)?.size !== e.size) throw new InputError(`damaged archive: ${e.name} is not as its manifest lists it`);
    if (!safeName(e.name, manifest.database.entry)) throw new InputError(`refused: the archive holds an unexpected path ${JSON.stringify(e.name)}`);
  }
  if (!listed.has(manifest.database.entry)) throw new InputError('damaged archive: it holds no database');
  if (!manifest.withKeys && entries.some((e) => e.name.startsWith(KEYS_PREFIX))) throw new InputError('damaged archive: keys present but not declared');
  return { manifest, entries };
}
