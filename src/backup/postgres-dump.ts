// The PostgreSQL side: pg_dump's custom format (one consistent snapshot while the server runs), and pg_restore.
import { pgTarget, runPgTool } from './pg-tools.ts';

export async function dumpPostgres(databaseUrl: string, target: string): Promise<void> {
  const t = pgTarget(databaseUrl);
  await runPgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`, `--dbname=${t.url}`], t.env);
}

/** The migrations recorded in a dump (its kysely_migration rows); reading them also proves pg_restore can read it. */
export async function dumpMigrations(dump: string): Promise<string[]> {
  const script = await runPgTool('pg_restore', ['--data-only', '--table=kysely_migration', '--file=-', dump], process.env);
  const lines = script.split('\n');
  const start = lines.findIndex((l) => /^COPY \S*kysely_migration /.test(l));
  if (start === -1) return [];
  const end = lines.indexOf('\\.', start);
  return lines.slice(start + 1, end === -1 ? undefined : end).map((l) => l.split('\t')[0]).filter(Boolean).sort();
}

/** The tables a dump creates (from its table of contents). */
export async function dumpTables(dump: string): Promise<string[]> {
  const toc = await runPgTool('pg_restore', ['--list', dump], process.env);
  return [...toc.matchAll(/^\d+; \d+ \d+ TABLE (\S+) (\S+) /gm)].map((m) => m[2]);
}

/** Replaces the dump's objects in the configured database, all in one transaction: a failure changes nothing. */
export async function restorePostgres(databaseUrl: string, dump: string): Promise<void> {
  const t = pgTarget(databaseUrl);
  await runPgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${t.url}`, dump], t.env);
}
