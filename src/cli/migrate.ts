// `relais migrate`: brings the database to the latest schema and stops. Every command migrates when it opens
// the database; this one does only that, e.g. before starting several processes on a new release.
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import { openStore } from '../store/db.ts';
import { parse, UsageError } from './args.ts';
import { describeDatabase } from './open-context.ts';

export const USAGE = `usage: relais migrate
  Applies the pending database migrations, all or none (a run that is stopped leaves the database as it
  was; another process migrating at the same time waits for it), and prints the schema version.`;

export async function migrateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {});
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const { databaseUrl } = loadConfig(process.env);
  const store = await openStore(databaseUrl);
  try {
    const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(store.db);
    console.log(`${describeDatabase(databaseUrl)}: schema at ${rows.at(-1)?.name ?? 'nothing'} (${rows.length} migrations)`);
    return 0;
  } finally {
    await store.close();
  }
}
