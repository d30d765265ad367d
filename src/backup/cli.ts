// `relais backup FILE [--with-keys]` and `relais restore FILE [--force]`.
import { existsSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { parse, UsageError } from '../cli/args.ts';
import { describeDatabase } from '../cli/open-context.ts';
import { createBackup } from './backup.ts';
import { dataFolders } from './layout.ts';
import { restoreBackup } from './restore.ts';

export const BACKUP_USAGE = `usage: relais backup FILE [--with-keys]
  One file (tar) with the database (SQLite: its online backup; PostgreSQL: pg_dump, which must be on PATH),
  the media folder and a manifest of SHA-256 checksums. Safe while the server runs. Written under a temporary
  name and renamed, so FILE is always whole. The file is created 0600: it holds password hashes and sessions.
  --with-keys  also the C2PA signing keys (<data folder>/keys): private keys; keep such a file as a secret.
               Without it, back the keys folder up separately (it changes only on "relais keys").`;

export const RESTORE_USAGE = `usage: relais restore FILE [--force]
  Checks the whole archive (manifest, database kind, schema, every checksum) before it changes anything,
  then replaces the configured database and the media folder. Stop Relais first.
  --force  replace a store that already has content.
  Keys in the archive are put back only where the keys folder is empty; existing keys are never replaced.`;

export async function backupCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { 'with-keys': { type: 'boolean' } });
  if (values.help) {
    console.log(BACKUP_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('backup needs one FILE');
  const config = loadConfig();
  const started = performance.now();
  const r = await createBackup({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, file: positionals[0], withKeys: !!values['with-keys'] });
  const media = r.manifest.files.filter((f) => f.path.startsWith('media/')).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${r.file}: ${describeDatabase(config.databaseUrl)} at ${r.manifest.database.migrations.at(-1)}, ${media} media file(s)${r.manifest.withKeys ? ', signing keys' : ''}; ${r.bytes} bytes in ${seconds} s`);
  for (const name of r.vanished) console.error(`note: media file ${name} was deleted while the backup ran and is not in it`);
  if (!r.manifest.withKeys && existsSync(dataFolders(config.dataDir).keys)) console.error(`note: signing keys not included: back up ${dataFolders(config.dataDir).keys} separately, or add --with-keys`);
  return 0;
}

export async function restoreCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { force: { type: 'boolean' } });
  if (values.help) {
    console.log(RESTORE_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('restore needs one FILE');
  const config = loadConfig();
  const r = await restoreBackup({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, file: positionals[0], force: !!values.force });
  const keys = { restored: ', signing keys restored', kept: '; the signing keys already there were kept (the archive’s were not used)', none: '' }[r.keys];
  console.log(`restored the backup of ${r.manifest.createdAt} (Relais ${r.manifest.relaisVersion}) into ${describeDatabase(config.databaseUrl)}: ${r.mediaFiles} media file(s)${keys}`);
  return 0;
}
