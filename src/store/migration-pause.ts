// Test hook for the fault tests (src/cli/faults-migration-kill.test.ts): RELAIS_TEST_MIGRATION_PAUSE=<name>
// makes a process stop inside that migration, after its statements ran and before it is recorded, say so on
// stderr, and wait there to be killed. Unset (always, outside those tests), migrations run untouched.
import type { Migration } from 'kysely/migration';

export const PAUSE_ENV = 'RELAIS_TEST_MIGRATION_PAUSE';

export function withTestPause(name: string, migration: Migration, env: NodeJS.ProcessEnv = process.env): Migration {
  if (env[PAUSE_ENV] !== name) return migration;
  return {
    ...migration,
    async up(db) {
      await migration.up(db);
      process.stderr.write(`migration ${name} applied, paused before its record (${PAUSE_ENV})\n`);
      await new Promise((resolve) => setTimeout(resolve, 120_000));
    },
  };
}
