// The SQLite data folder's disk fills up (a small tmpfs mounted as the data folder, nearly filled by a file):
// writes through the API then fail with 507 "disk full" (articles: SQLITE_FULL; media: ENOSPC), reads still
// work, no acknowledged write is lost, and once space is freed the database passes integrity_check and takes
// writes again. Needs root (mount); SQLite pass only.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statfsSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { openStore, type Store } from '../store/db.ts';
import { createApiToken } from '../store/tokens.ts';

const dir = mkdtempSync(join(tmpdir(), 'relais-full-'));
function mountSmallDisk(): string | false {
  if (/^postgres/.test(process.env.DATABASE_URL ?? '')) return 'a full SQLite data folder: runs in the SQLite pass';
  if (process.getuid?.() !== 0) return 'needs root to mount a small tmpfs as the data folder';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m,mode=0700', 'relais-faults', dir], { stdio: 'pipe' });
    return false;
  } catch (err) {
    return `cannot mount a tmpfs here: ${String((err as { stderr?: Buffer }).stderr ?? err).trim()}`;
  }
}
const SKIP = mountSmallDisk();

after(() => {
  if (!SKIP) execFileSync('umount', ['--lazy', dir]);
  rmSync(dir, { recursive: true, force: true });
});

const free = () => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};
const integrity = async (store: Store) => (await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(store.db)).rows.map((r) => r.integrity_check);
const DB_URL = `sqlite:${join(dir, 'relais.sqlite')}`;
const body = (n: number) =>
  Array.from({ length: 120 }, (_, j) => `<p>Report ${n}, paragraph ${j}: the harbour authority counted ${(n * 7919 + j * 104_729) % 100_003} crates.</p>`).join('');

test('disk full: 507 with a clear message, nothing acknowledged lost, integrity kept, writes again once space is freed', { skip: SKIP, timeout: 60_000 }, async (t) => {
  const store = await openStore(DB_URL);
  const ctx: AppContext = { store, site: loadConfig({ RELAIS_BASE_URL: 'http://relais.test' }).site, now: () => new Date(), mediaDir: join(dir, 'media'), cacheDir: join(dir, 'cache') };
  const app = await buildApp(ctx);
  const { token } = await createApiToken(store.db, 'faults', new Date());
  const auth = { authorization: `Bearer ${token}` };
  const post = (n: number) =>
    app.inject({ method: 'POST', url: '/api/articles', headers: { ...auth, 'content-type': 'application/json' }, payload: { language: 'en', title: `Full disk ${n}`, bodyHtml: body(n), status: 'published' } });
  const upload = (png: Buffer) => app.inject({ method: 'POST', url: '/api/media?alt=Noise', headers: { ...auth, 'content-type': 'image/png' }, payload: png });
  const filler = join(dir, 'filler');
  try {
    writeFileSync(filler, Buffer.alloc(free() - 512 * 1024));
    const acked: Array<{ id: number; title: string }> = [];
    const refused: string[] = [];
    for (let n = 0, misses = 0; n < 300 && misses < 5; n++) {
      const r = await post(n);
      if (r.statusCode === 201) {
        acked.push({ id: r.json().id, title: `Full disk ${n}` });
        misses = 0;
      } else {
        assert.equal(r.statusCode, 507, r.body);
        assert.match(r.json().error, /disk full/);
        refused.push(r.body);
        misses++;
      }
    }
    t.diagnostic(`${acked.length} articles stored, ${refused.length} refused with 507; ${free()} bytes free`);
    assert.ok(acked.length > 0 && refused.length > 0, `stored ${acked.length}, refused ${refused.length}`);

    // Noise does not compress: the picture cannot fit in what is left.
    const png = await sharp(randomBytes(512 * 512 * 3), { raw: { width: 512, height: 512, channels: 3 } }).png().toBuffer();
    assert.ok(png.length > free());
    const full = await upload(png);
    assert.equal(full.statusCode, 507, full.body);
    assert.match(full.json().error, /disk full/);

    // Reads still work on a full disk.
    for (const a of acked) assert.equal((await app.inject({ url: `/api/articles/${a.id}`, headers: auth })).json().title, a.title);
    assert.equal((await app.inject({ url: '/' })).statusCode, 200);

    unlinkSync(filler);
    assert.deepEqual(await integrity(store), ['ok']);
    assert.equal((await post(1000)).statusCode, 201);
    assert.equal((await upload(png)).statusCode, 201);

    await app.close();
    await store.close();
    const reopened = await openStore(DB_URL);
    try {
      const rows = await reopened.db.selectFrom('articles').select(['id', 'title']).execute();
      const stored = new Map(rows.map((r) => [r.id, r.title]));
      for (const a of acked) assert.equal(stored.get(a.id), a.title, `acknowledged article #${a.id} lost`);
      assert.deepEqual(await integrity(reopened), ['ok']);
    } finally {
      await reopened.close();
    }
  } finally {
    rmSync(filler, { force: true });
    await app.close().catch(() => {});
    await store.close().catch(() => {});
  }
});
