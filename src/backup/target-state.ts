// The store and data folder a restore would replace: is there content, which schema, and (SQLite) is it in use.
import { existsSync } from 'node:fs';
import { InputError } from '../domain/types.ts';
import { openStore } from '../store/db.ts';
import { folderFiles } from './folder-files.ts';
import { appliedMigrations, holdsContent, tableNames } from './store-state.ts';
import { dialectOf } from './layout.ts';
import { requireUnused, sqlitePath } from './sqlite-file.ts';

export interface TargetState {
  content: boolean;
  migrations: string[];
  tables: string[];
}

export async function targetState(databaseUrl: string, mediaDir: string): Promise<TargetState> {
  const media = (await folderFiles(mediaDir)).length > 0;
  if (dialectOf(databaseUrl) === 'sqlite') {
    const path = sqlitePath(databaseUrl);
    if (!existsSync(path)) return { content: media, migrations: [], tables: [] };
    requireUnused(path);
  }
  const store = await openStore(databaseUrl, { migrate: false }).catch((err: Error) => {
    throw new InputError(`cannot open the configured database: ${err.message}`);
  });
  try {
    return { content: media || (await holdsContent(store.db)), migrations: await appliedMigrations(store.db), tables: await tableNames(store.db) };
  } finally {
    await store.close();
  }
}
