// Where things live in the data folder and in the archive.
import { join } from 'node:path';
import { keyFolder } from '../c2pa/keys.ts';
import type { Dialect } from '../store/db.ts';

export const DATABASE_ENTRY: Record<Dialect, string> = { sqlite: 'database/relais.sqlite.gz', postgres: 'database/relais.pgdump' };
export const MEDIA_PREFIX = 'media/';
export const KEYS_PREFIX = 'keys/';

export function dataFolders(dataDir: string): { media: string; keys: string } {
  return { media: join(dataDir, 'media'), keys: keyFolder(dataDir).dir };
}

export const dialectOf = (databaseUrl: string): Dialect => (/^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgres' : 'sqlite');
