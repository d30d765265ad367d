// A `relais migrate` killed with SIGKILL inside a migration (held there by RELAIS_TEST_MIGRATION_PAUSE, after
// the migration's statements and before its record), then run again: the second run completes and the
// schema is exactly what an uninterrupted run makes. Two runs at once on a new database both succeed, with
// the same schema. On SQLite here, on PostgreSQL in the DATABASE_URL pass (a throwaway database each).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openCliHarness, type CliHarness } from './test-cli.ts';
import { openStore } from '../store/db.ts';
import { MIGRATIONS } from '../store/migrations.ts';
import { PAUSE_ENV } from '../store/migration-pause.ts';

const NAMES = MIGRATIONS.map(([name]) => name);
const PAUSED = NAMES[Math.floor(NAMES.length / 2)]!;
const harnesses: CliHarness[] = [];

after(async () => {
  for (const h of harnesses) await h.close();
});

async function harness(): Promise<CliHarness> {
  const h = await openCliHarness();
  harnesses.push(h);
  return h;
}

const urlOf = (h: CliHarness) => h.env.DATABASE_URL ?? `sqlite:${join(h.dataDir, 'relais.sqlite')}`;

/** Every table, column, index, constraint, trigger and function, as comparable lines; and the recorded migrations. */
async function schemaOf(h: CliHarness): Promise<{ schema: string[]; recorded: string[] }> {
  const store = await openStore(urlOf(h), { migrate: false });
  const q = async (query: string) => (await sql.raw<Record<string, unknown>>(query).execute(store.db)).rows.map((r) => Object.values(r).join(' | '));
  try {
    const hasRecords = store.dialect === 'sqlite'
      ? (await q(`SELECT name FROM sqlite_master WHERE name = 'kysely_migration'`)).length > 0
      : (await q(`SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'kysely_migration'`)).length > 0;
    const recorded = hasRecords ? await q('SELECT name FROM kysely_migration ORDER BY name') : [];
    if (store.dialect === 'sqlite') return { recorded, schema: await q(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`) };
    const schema = [
      ...(await q(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`)),
      ...(await q(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`)),
      ...(await q(`SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`)),
      ...(await q(`SELECT event_object_table, trigger_name, event_manipulation, action_statement FROM information_schema.triggers WHERE trigger_schema = 'public' ORDER BY 1, 2, 3`)),
      ...(await q(`SELECT proname, pg_get_functiondef(oid) FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1`)),
    ];
    return { recorded, schema };
  } finally {
    await store.close();
  }
}

let reference: Promise<string[]> | null = null;
/** The schema an uninterrupted `relais migrate` makes on a new database. */
function referenceSchema(): Promise<string[]> {
  reference ??= (async () => {
    const h = await harness();
    const r = await h.run(['migrate']);
    assert.equal(r.code, 0, r.stderr);
    const { schema, recorded } = await schemaOf(h);
    assert.deepEqual(recorded, NAMES);
    assert.ok(schema.length > 50, 'the reference schema has the tables');
    return schema;
  })();
  return reference;
}

test(`a migrate killed inside ${PAUSED} is completed by the next run, with the schema of an uninterrupted one`, { timeout: 90_000 }, async () => {
  const h = await harness();
  const child = h.start(['migrate'], { [PAUSE_ENV]: PAUSED });
  let err = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      err += d;
      if (/paused before its record/.test(err)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`exited (${code}) before pausing:\n${err}`)));
  });
  child.kill('SIGKILL');
  await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));

  const killed = await schemaOf(h);
  assert.ok(!killed.recorded.includes(PAUSED), `${PAUSED} recorded though it never finished`);
  assert.deepEqual(killed.recorded, NAMES.slice(0, killed.recorded.length), 'what is recorded is a prefix of the migrations');

  const again = await h.run(['migrate']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, new RegExp(`schema at ${NAMES.at(-1)} \\(${NAMES.length} migrations\\)`));
  const { schema, recorded } = await schemaOf(h);
  assert.deepEqual(recorded, NAMES);
  assert.deepEqual(schema, await referenceSchema());
});

test('two migrate processes at once on a new database both succeed, and the schema is the uninterrupted one', { timeout: 90_000 }, async () => {
  const h = await harness();
  const runs = await Promise.all([h.run(['migrate']), h.run(['migrate'])]);
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
  const { schema, recorded } = await schemaOf(h);
  assert.deepEqual(recorded, NAMES);
  assert.deepEqual(schema, await referenceSchema());
});
