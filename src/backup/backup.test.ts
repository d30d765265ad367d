// Round trips through `createBackup` / `restoreBackup` on the database the suite runs on (DATABASE_URL).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { openStore } from '../store/db.ts';
import { MIGRATIONS } from '../store/migrations.ts';
import { appliedMigrations } from './store-state.ts';
import { initKeys, keyFolder } from '../c2pa/keys.ts';
import { createBackup } from './backup.ts';
import { restoreBackup } from './restore.ts';
import { fingerprint, openSite, seed, wipe, withContext } from './test-support.ts';

test('backup, wipe, restore: the same articles, users, revisions, media rows and media bytes', async () => {
  const site = await openSite();
  try {
    await seed(site);
    const before = await fingerprint(site);
    const file = join(site.dir, 'nightly.tar');
    const made = await createBackup({ databaseUrl: site.databaseUrl, dataDir: site.dataDir, file });
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(made.manifest.files.filter((f) => f.path.startsWith('media/')).length, 2);
    assert.deepEqual(readdirSync(site.dir).sort(), ['data', 'nightly.tar'], 'no temporary file or folder is left beside it');
    await wipe(site);
    assert.notDeepEqual(await fingerprint(site), before);
    const r = await restoreBackup({ databaseUrl: site.databaseUrl, dataDir: site.dataDir, file });
    assert.equal(r.mediaFiles, 2);
    assert.deepEqual(await fingerprint(site), before);
    assert.deepEqual(readdirSync(site.dataDir).filter((n) => n.startsWith('.')), [], 'no staging folder left');
  } finally {
    await site.close();
  }
});

test('restore refuses a store with content unless --force, and --force replaces it whole', async () => {
  const site = await openSite();
  try {
    await seed(site, 'a');
    const before = await fingerprint(site);
    const file = join(site.dir, 'b.tar');
    await createBackup({ databaseUrl: site.databaseUrl, dataDir: site.dataDir, file });
    await seed(site, 'b');
    const changed = await fingerprint(site);
    await assert.rejects(restoreBackup({ databaseUrl: site.databaseUrl, dataDir: site.dataDir, file }), /already has content.*--force/);
    assert.deepEqual(await fingerprint(site), changed);
    await restoreBackup({ databaseUrl: site.databaseUrl, dataDir: site.dataDir, file, force: true });
    assert.deepEqual(await fingerprint(site), before, 'the later articles and pictures are gone, the backed-up ones back');
  } finally {
    await site.close();
  }
});

test('a backup taken while another process writes is consistent: each article with its revision, nothing half-written', async () => {
  const site = await openSite();
  const copy = await openSite();
  const writer = spawn(process.execPath, [join(import.meta.dirname, 'test-writer.ts'), site.databaseUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    let written = 0;
    const lines = createInterface({ input: writer.stdout! });
    lines.on('line', (l) => (written = Number(l)));
    const reached = (n: number) => new Promise<void>((ok) => lines.on('line', () => written >= n && ok()));
    await reached(20);
    const atStart = written;
    const file = join(site.dir, 'live.tar');
    await createBackup({ databaseUrl: site.databaseUrl, dataDir: site.dataDir, file });
    const duringBackup = written - atStart;
    await reached(written + 20);
    const atEnd = written;
    writer.kill();
    await restoreBackup({ databaseUrl: copy.databaseUrl, dataDir: copy.dataDir, file });
    await withContext(copy, async (ctx) => {
      const n = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM articles`.execute(ctx.store.db)).rows[0].n);
      assert.ok(n >= atStart && n <= atEnd, `${n} articles, between ${atStart} and ${atEnd}`);
      const orphans = await sql`SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = a.id)
        UNION ALL SELECT r.article_id FROM article_revisions r WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.article_id)`.execute(ctx.store.db);
      assert.deepEqual(orphans.rows, []);
    });
    assert.ok(duringBackup > 0, 'writes went on during the backup');
    console.log(`# ${duringBackup} article(s) written while the backup ran`);
  } finally {
    writer.kill();
    await site.close();
    await copy.close();
  }
});

test('signing keys: left out by default; --with-keys carries them; restore never replaces existing keys', async () => {
  const site = await openSite();
  try {
    await seed(site);
    const keys = keyFolder(site.dataDir);
    await initKeys(keys, 'Relais test');
    const plain = await createBackup({ databaseUrl: site.databaseUrl, dataDir: site.dataDir, file: join(site.dir, 'plain.tar') });
    assert.ok(!plain.manifest.files.some((f) => f.path.startsWith('keys/')));
    const file = join(site.dir, 'keys.tar');
    const withKeys = await createBackup({ databaseUrl: site.databaseUrl, dataDir: site.dataDir, file, withKeys: true });
    assert.deepEqual(withKeys.manifest.files.filter((f) => f.path.startsWith('keys/')).map((f) => f.path), ['keys/ca.key', 'keys/ca.pem', 'keys/site-1.key', 'keys/site-1.pem']);
    assert.equal((await restoreBackup({ databaseUrl: site.databaseUrl, dataDir: site.dataDir, file, force: true })).keys, 'kept');
    await wipe(site);
    await import('node:fs/promises').then((fs) => fs.rm(keys.dir, { recursive: true }));
    assert.equal((await restoreBackup({ databaseUrl: site.databaseUrl, dataDir: site.dataDir, file })).keys, 'restored');
    assert.equal(statSync(keys.dir).mode & 0o777, 0o700);
    assert.equal(statSync(join(keys.dir, 'site-1.key')).mode & 0o777, 0o600);
  } finally {
    await site.close();
  }
});

test('a failed backup leaves an earlier file under the same name as it was, and no temporary file', async () => {
  const site = await openSite();
  try {
    await seed(site);
    const file = join(site.dir, 'b.tar');
    const first = await createBackup({ databaseUrl: site.databaseUrl, dataDir: site.dataDir, file });
    const broken = /^postgres/.test(site.databaseUrl) ? site.databaseUrl.replace(/\/[^/]+$/, '/no_such_database') : `sqlite:${join(site.dir, 'absent.sqlite')}`;
    await assert.rejects(createBackup({ databaseUrl: broken, dataDir: site.dataDir, file }));
    assert.equal(statSync(file).size, first.bytes);
    assert.deepEqual(readdirSync(site.dir).sort(), ['b.tar', 'data']);
    assert.ok(!existsSync(join(site.dir, 'absent.sqlite')));
  } finally {
    await site.close();
  }
});

test('an archive from an older schema restores into an up-to-date empty store and is brought up to date', async () => {
  const old = await openSite();
  const target = await openSite();
  try {
    await wipe(old);
    const store = await openStore(old.databaseUrl, { migrate: false });
    const migrations = Object.fromEntries(MIGRATIONS.map(([name, make]) => [name, make(store.dialect)]));
    const previous = MIGRATIONS.at(-2)![0];
    const up = await new Migrator({ db: store.db, provider: { getMigrations: async () => migrations }, ...(store.dialect === 'postgres' ? { migrationTableSchema: 'public' } : {}) }).migrateTo(previous);
    await store.close();
    assert.equal(up.error, undefined);
    const file = join(old.dir, 'old.tar');
    const made = await createBackup({ databaseUrl: old.databaseUrl, dataDir: old.dataDir, file });
    assert.equal(made.manifest.database.migrations.at(-1), previous);
    await restoreBackup({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, file });
    await withContext(target, async (ctx) => assert.deepEqual(await appliedMigrations(ctx.store.db), MIGRATIONS.map(([n]) => n).sort()));
    // Over a used store at the newer schema: SQLite replaces the file whole; PostgreSQL's pg_restore --clean
    // would leave the newer tables behind, so it is refused with what to do instead.
    await seed(target);
    const again = restoreBackup({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, file, force: true });
    if (store.dialect === 'postgres') await assert.rejects(again, /newer schema \(.+\) than the backup: restore into a new, empty database/);
    else await again;
    await withContext(target, async (ctx) => assert.deepEqual(await appliedMigrations(ctx.store.db), MIGRATIONS.map(([n]) => n).sort()));
  } finally {
    await old.close();
    await target.close();
  }
});
