// `relais backup` / `relais restore` as run from a shell or cron, on the suite's database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openCliHarness, type CliHarness } from '../cli/test-cli.ts';

let cli: CliHarness;
before(async () => {
  cli = await openCliHarness();
});
after(async () => cli.close());

async function articleCount(): Promise<number> {
  const store = await cli.openStore();
  try {
    return Number((await sql<{ n: number }>`SELECT count(*) AS n FROM articles`.execute(store.db)).rows[0].n);
  } finally {
    await store.close();
  }
}

test('relais backup FILE, then restore: refused without --force on a used store, done with it', async () => {
  assert.equal((await cli.run(['init-demo'])).code, 0);
  const articles = await articleCount();
  const file = join(cli.dataDir, 'nightly.tar');
  const made = await cli.run(['backup', file]);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stdout, /(SQLite|PostgreSQL) .* at 00\d\d_\w+, \d+ media file\(s\); \d+ bytes in [\d.]+ s/);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  const refused = await cli.run(['restore', file]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /relais restore: the configured store already has content .* --force/);
  const done = await cli.run(['restore', file, '--force']);
  assert.equal(done.code, 0, done.stderr);
  assert.match(done.stdout, /restored the backup of \d{4}-\d\d-\d\dT.* \(Relais \d+\.\d+\.\d+\) into (SQLite|PostgreSQL)/);
  assert.ok(articles > 0);
  assert.equal(await articleCount(), articles);
});

test('on SQLite, restore refuses while a server has the database open', async (t) => {
  if (cli.env.DATABASE_URL) return t.skip('SQLite only: PostgreSQL serialises the restore with the server itself');
  const file = join(cli.dataDir, 'busy.tar');
  assert.equal((await cli.run(['backup', file])).code, 0);
  const server = cli.start(['serve', '--port', '0']);
  try {
    await new Promise<void>((ok, fail) => {
      let out = '';
      server.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d).includes('serving on') && ok());
      server.on('exit', () => fail(new Error(`serve exited: ${out}`)));
    });
    const r = await cli.run(['restore', file, '--force']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /is in use \(is "relais serve" running\?\): stop Relais, then restore/);
  } finally {
    if (server.exitCode === null) await new Promise((done) => server.once('exit', done).kill('SIGINT'));
  }
});

test('backup and restore need one FILE and have --help', async () => {
  for (const c of ['backup', 'restore']) {
    assert.equal((await cli.run([c])).code, 2);
    const help = await cli.run([c, '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, new RegExp(`usage: relais ${c} FILE`));
  }
  assert.match((await cli.run(['--help'])).stdout, /backup .*\n\s+restore /);
});
