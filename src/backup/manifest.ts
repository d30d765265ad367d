// manifest.json, the archive's last entry: what made it, which database at which schema, every file's SHA-256.
import { readFileSync } from 'node:fs';
import { InputError } from '../domain/types.ts';
import type { Dialect } from '../store/db.ts';
import { MIGRATIONS } from '../store/migrations.ts';
import type { ArchivedFile } from './tar-write.ts';

export const MANIFEST_NAME = 'manifest.json';
const FORMAT = 'relais-backup';
const FORMAT_VERSION = 1;

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  relaisVersion: string;
  createdAt: string;
  database: { kind: Dialect; entry: string; migrations: string[] };
  withKeys: boolean;
  files: ArchivedFile[];
}

export const relaisVersion = (): string => JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

export function makeManifest(kind: Dialect, entry: string, migrations: string[], withKeys: boolean, files: ArchivedFile[], now: Date): Manifest {
  return { format: FORMAT, formatVersion: FORMAT_VERSION, relaisVersion: relaisVersion(), createdAt: now.toISOString(), database: { kind, entry, migrations }, withKeys, files };
}

const kindName = (k: Dialect) => (k === 'sqlite' ? 'SQLite' : 'PostgreSQL');

/** The manifest's text, checked for shape, database kind and a schema this code knows. */
export function readManifest(text: string, target: Dialect): Manifest {
  let m: Manifest;
  try {
    m = JSON.parse(text);
  } catch {
    throw new InputError('damaged archive: its manifest is not readable JSON');
  }
  if (m?.format !== FORMAT || !Array.isArray(m.files) || !Array.isArray(m.database?.migrations)) throw new InputError('not a Relais backup (no relais-backup manifest)');
  if (m.formatVersion > FORMAT_VERSION) throw new InputError(`this backup uses format ${m.formatVersion}, newer than this Relais reads (${FORMAT_VERSION}): upgrade Relais (the archive was made by ${m.relaisVersion})`);
  if (m.database.kind !== target)
    throw new InputError(`this backup holds a ${kindName(m.database.kind)} database and the configured database is ${kindName(target)}: restore it into ${kindName(m.database.kind)} (DATABASE_URL) — moving between the two is not supported`);
  const known = new Set(MIGRATIONS.map(([name]) => name));
  const unknown = m.database.migrations.filter((name) => !known.has(name));
  if (unknown.length) throw new InputError(`this backup comes from a newer schema (${unknown.join(', ')}) than this Relais knows (made by Relais ${m.relaisVersion}): upgrade Relais, then restore`);
  return m;
}
