// Kysely runs SQLite migrations outside any transaction (its adapter calls SQLite's DDL non-transactional,
// which it is not): a process killed inside a migration left it half applied and unrecorded, and the next
// start failed on "table … already exists". Here the whole run is one write transaction, taken up front
// (BEGIN IMMEDIATE): all or nothing, and a second process migrating the same file waits for the first
// (busy_timeout) and then finds nothing left to do. Kysely's SQLite driver has one connection, so every
// statement the migrator sends runs inside this transaction.
import { sql, type Kysely } from 'kysely';
import type { MigrationResultSet } from 'kysely/migration';

export async function inSqliteWriteLock(db: Kysely<any>, run: () => Promise<MigrationResultSet>): Promise<MigrationResultSet> {
  await sql`BEGIN IMMEDIATE`.execute(db);
  let result: MigrationResultSet;
  try {
    result = await run();
  } catch (err) {
    await sql`ROLLBACK`.execute(db).catch(() => {});
    throw err;
  }
  if (result.error) await sql`ROLLBACK`.execute(db).catch(() => {});
  else await sql`COMMIT`.execute(db);
  return result;
}
