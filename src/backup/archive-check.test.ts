// Restore refuses damaged, foreign or too-new archives before it changes anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, readFile, truncate, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { createBackup } from './backup.ts';
import { restoreBackup } from './restore.ts';
import { MANIFEST_NAME, type Manifest } from './manifest.ts';
import { entryStream, indexArchive } from './tar-read.ts';
import { TarWriter } from './tar-write.ts';
import { fingerprint, openSite, seed, type Site } from './test-support.ts';

let site: Site;
let good: string;
let live: Record<string, unknown>;
before(async () => {
  site = await openSite();
  await seed(site, 'a');
  good = join(site.dir, 'good.tar');
  await createBackup({ databaseUrl: site.databaseUrl, dataDir: site.dataDir, file: good });
  await seed(site, 'b');
  live = await fingerprint(site);
});
after(async () => site.close());

/** Restoring `file` (with --force) is refused with `message`, and the store and media are as they were. */
async function refused(file: string, message: RegExp): Promise<void> {
  await assert.rejects(restoreBackup({ databaseUrl: site.databaseUrl, dataDir: site.dataDir, file, force: true }), message);
  assert.deepEqual(await fingerprint(site), live);
  assert.deepEqual(readdirSync(site.dataDir).filter((n) => n.startsWith('.')), [], 'no staging folder left');
  assert.deepEqual(readdirSync(site.dataDir).filter((n) => n.includes('.restore-')), [], 'no staged database left');
}

/** A copy of the good archive with its manifest edited (and extra entries added). */
async function rewritten(name: string, edit: (m: Manifest) => void, extra: Array<[string, Buffer]> = []): Promise<string> {
  const entries = await indexArchive(good);
  const out = join(site.dir, name);
  const fh = await open(out, 'w');
  const tar = new TarWriter(fh, new Date());
  const manifest: Manifest = JSON.parse(await text(entryStream(good, entries.at(-1)!)));
  for (const e of entries.filter((e) => e.name !== MANIFEST_NAME)) {
    const chunks: Buffer[] = [];
    for await (const c of entryStream(good, e)) chunks.push(c as Buffer);
    await tar.addBuffer(e.name, Buffer.concat(chunks));
  }
  for (const [n, b] of extra) await tar.addBuffer(n, b);
  edit(manifest);
  manifest.files = tar.files.slice();
  await tar.addBuffer(MANIFEST_NAME, Buffer.from(JSON.stringify(manifest)));
  await tar.end();
  await fh.close();
  return out;
}

async function flipByteOf(entryName: string, out: string): Promise<string> {
  const bytes = await readFile(good);
  const e = (await indexArchive(good)).find((x) => x.name.startsWith(entryName))!;
  bytes[e.offset + Math.floor(e.size / 2)] ^= 0xff;
  await writeFile(out, bytes);
  return out;
}

test('a truncated archive is refused and changes nothing', async () => {
  const size = (await readFile(good)).length;
  for (const keep of [Math.floor(size / 2), size - 1024 - 100, 700]) {
    const cut = join(site.dir, `cut-${keep}.tar`);
    await writeFile(cut, (await readFile(good)).subarray(0, keep));
    await refused(cut, /damaged archive/);
  }
});

test('a changed byte in a media file or in the database is refused and changes nothing', async () => {
  await refused(await flipByteOf('media/', join(site.dir, 'media-flip.tar')), /damaged archive: media\/.* fails its SHA-256 checksum/);
  await refused(await flipByteOf('database/', join(site.dir, 'db-flip.tar')), /damaged archive: database\//);
});

test('a file that is not a Relais backup, or is missing, is refused', async () => {
  const junk = join(site.dir, 'junk.tar');
  await writeFile(junk, 'this is not an archive at all\n'.repeat(100));
  await refused(junk, /damaged archive/);
  await refused(join(site.dir, 'absent.tar'), /no such file/);
  await truncate(junk, 0);
  await refused(junk, /damaged archive/);
});

test('an archive from a newer schema, or for the other database kind, is refused with what to do', async () => {
  await refused(await rewritten('newer.tar', (m) => m.database.migrations.push('9999_from_the_future')), /newer schema \(9999_from_the_future\).*upgrade Relais/);
  const other = /^postgres/.test(site.databaseUrl) ? 'sqlite' : 'postgres';
  await refused(await rewritten('other.tar', (m) => (m.database.kind = other)), /holds a (SQLite|PostgreSQL) database and the configured database is (SQLite|PostgreSQL).*not supported/);
  await refused(await rewritten('lying.tar', (m) => m.database.migrations.push(m.database.migrations[0])), /does not hold the migrations its manifest lists/);
});

test('entries outside media/ and keys/, or undeclared keys, are refused', async () => {
  await refused(await rewritten('escape.tar', () => {}, [['media/../../evil.sh', Buffer.from('echo pwned')]]), /unexpected path/);
  await refused(await rewritten('elsewhere.tar', () => {}, [['etc/passwd', Buffer.from('x')]]), /unexpected path/);
  await refused(await rewritten('keys.tar', () => {}, [['keys/site-9.key', Buffer.from('x')]]), /keys present but not declared/);
});
