import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { InputError } from '../domain/types.ts';
import { openTestContext } from '../publish/test-context.ts';
import { insertArticle } from '../store/articles.ts';
import { deleteMedia, getMedia, listMedia, updateMedia, uploadMedia } from './library.ts';
import { jpegWithGps, pngImage } from './test-images.ts';

const SYSTEM: Actor = { kind: 'system', name: 'test' };
const READER: Actor = { kind: 'token', name: 'reader', scope: 'read', user: null };
const NOW = new Date('2026-03-04T05:06:07Z');
let ctx: AppContext;

before(async () => (ctx = await openTestContext({ now: () => NOW })));
after(() => ctx.store.close());

test('an upload is stored once under library/<year>/<sha256>.<ext>, without EXIF, with its addresses', async () => {
  const { media, created } = await uploadMedia(ctx, { bytes: await jpegWithGps(), originalName: '../../etc/IMG_0001.JPG', alt: ' A red square ', credit: 'Ana' }, SYSTEM);
  assert.equal(created, true);
  assert.match(media.file, /^library\/2026\/[0-9a-f]{64}\.jpg$/);
  assert.equal(media.file, `library/2026/${media.sha256}.jpg`);
  assert.equal(media.originalName, 'IMG_0001.JPG');
  assert.equal(media.alt, 'A red square');
  assert.deepEqual([media.width, media.height, media.mime], [20, 40, 'image/jpeg']);
  assert.equal(media.url, `/media/${media.file}`);
  assert.equal(media.thumbUrl, `/img/320/${media.file}`);
  const stored = readFileSync(join(ctx.mediaDir, media.file));
  assert.equal(stored.length, media.bytes);
  const meta = await sharp(stored).metadata();
  assert.equal(meta.exif, undefined, 'no EXIF (and so no GPS) in the stored file');
  assert.ok(!stored.includes(Buffer.from('SnoopCam')));
  assert.deepEqual(await getMedia(ctx, media.id), media);
});

test('the same picture uploaded again is the same item; its blank fields are filled, others kept', async () => {
  const bytes = await pngImage(12, 12, { r: 1, g: 2, b: 3 });
  const first = await uploadMedia(ctx, { bytes, originalName: 'a.png', alt: 'First alt' }, SYSTEM);
  const second = await uploadMedia(ctx, { bytes, originalName: 'b.png', alt: 'Other alt', credit: 'Bo' }, SYSTEM);
  assert.equal(second.created, false);
  assert.equal(second.media.id, first.media.id);
  assert.equal(second.media.alt, 'First alt');
  assert.equal(second.media.credit, 'Bo');
});

test('a file that is not an accepted image loses nothing and stores nothing', async () => {
  const before = (await listMedia(ctx)).total;
  await assert.rejects(uploadMedia(ctx, { bytes: Buffer.from('GIF89a but not really') }, SYSTEM), (e: unknown) => e instanceof InputError && e.status === 400);
  assert.equal((await listMedia(ctx)).total, before);
});

test('updating alt, credit and caption; bad values are refused', async () => {
  const { media } = await uploadMedia(ctx, { bytes: await pngImage(13, 13, { r: 9, g: 9, b: 9 }) }, SYSTEM);
  const m = await updateMedia(ctx, media.id, { alt: 'Grey', caption: 'A caption' }, SYSTEM);
  assert.deepEqual([m.alt, m.credit, m.caption], ['Grey', '', 'A caption']);
  assert.equal((await getMedia(ctx, media.id)).caption, 'A caption');
  await assert.rejects(updateMedia(ctx, media.id, { credit: 'x'.repeat(301) }, SYSTEM), /credit is longer than 300/);
  await assert.rejects(updateMedia(ctx, media.id, { alt: 5 as never }, SYSTEM), /alt must be a string/);
  await assert.rejects(updateMedia(ctx, 999999, { alt: 'x' }, SYSTEM), /no media with id 999999/);
});

test('a read-only token may not upload, describe or delete', async () => {
  const bytes = await pngImage(5, 5);
  await assert.rejects(uploadMedia(ctx, { bytes }, READER), (e: unknown) => e instanceof InputError && e.status === 403);
  const { media } = await uploadMedia(ctx, { bytes }, SYSTEM);
  await assert.rejects(updateMedia(ctx, media.id, { alt: 'x' }, READER), (e: unknown) => e instanceof InputError && e.status === 403);
  await assert.rejects(deleteMedia(ctx, media.id, READER), (e: unknown) => e instanceof InputError && e.status === 403);
});

test('listing pages newest first and searches name, alt and credit, case-insensitively', async () => {
  const c = await openTestContext({ now: () => NOW });
  try {
    for (let i = 0; i < 5; i++)
      await uploadMedia(c, { bytes: await pngImage(6 + i, 6), originalName: `pic-${i}.png`, alt: i === 3 ? 'Harbour at DAWN' : `Picture ${i}`, credit: i === 1 ? 'Zoé_Photo' : 'Staff' }, SYSTEM);
    const p1 = await listMedia(c, { pageSize: 2 });
    assert.equal(p1.total, 5);
    assert.deepEqual(p1.items.map((m) => m.originalName), ['pic-4.png', 'pic-3.png']);
    assert.deepEqual((await listMedia(c, { page: 3, pageSize: 2 })).items.map((m) => m.originalName), ['pic-0.png']);
    assert.deepEqual((await listMedia(c, { q: 'dawn harbour' })).items.map((m) => m.originalName), ['pic-3.png']);
    assert.deepEqual((await listMedia(c, { q: 'zoé_' })).items.map((m) => m.originalName), ['pic-1.png']);
    assert.deepEqual((await listMedia(c, { q: 'pic-2' })).items.map((m) => m.originalName), ['pic-2.png']);
    assert.equal((await listMedia(c, { q: '%' })).total, 0, 'LIKE wildcards are searched for literally');
    await assert.rejects(listMedia(c, { page: 1e308 }), /page must be a whole number/);
  } finally {
    await c.store.close();
  }
});

const article = (image: unknown, bodyHtml = '<p>x</p>') => ({
  slug: `a-${Math.random().toString(36).slice(2)}`, language: 'en', title: 'T', summary: '', bodyHtml, image: image as never,
  sectionIds: [], tags: [], status: 'draft' as const, publishedAt: null, updatedAt: NOW.toISOString(), createdAt: NOW.toISOString(),
  canonicalUrl: null, canonicalPolicy: 'self' as const, authorIds: [], translatorIds: [],
  provenance: { original: null, via: null, translationOfId: null, republicationOfId: null, licence: null },
});

test('deleting is refused (409) while an article shows the item, then removes row and file', async () => {
  const { media } = await uploadMedia(ctx, { bytes: await pngImage(21, 9), alt: 'a', credit: 'b' }, SYSTEM);
  const { media: other } = await uploadMedia(ctx, { bytes: await pngImage(22, 9), alt: 'a', credit: 'b' }, SYSTEM);
  const { media: inBody } = await uploadMedia(ctx, { bytes: await pngImage(23, 9) }, SYSTEM);
  const featured = await insertArticle(ctx.store.db, article({ file: media.file, alt: 'a', credit: 'b', mediaId: media.id }) as never);
  await insertArticle(ctx.store.db, article({ file: 'elsewhere.jpg', alt: 'a', credit: 'b', mediaId: other.id }) as never);
  const body = await insertArticle(ctx.store.db, article(null, `<p><img src="/img/960/${inBody.file}" alt=""></p>`) as never);
  await assert.rejects(deleteMedia(ctx, media.id, SYSTEM), (e: unknown) => e instanceof InputError && e.status === 409 && e.message.includes(`article #${featured} (featured image)`));
  await assert.rejects(deleteMedia(ctx, other.id, SYSTEM), (e: unknown) => e instanceof InputError && e.status === 409, 'found by mediaId alone');
  await assert.rejects(deleteMedia(ctx, inBody.id, SYSTEM), (e: unknown) => e instanceof InputError && e.message.includes(`article #${body} (in its text)`));
  assert.ok(existsSync(join(ctx.mediaDir, media.file)));
  const { media: free } = await uploadMedia(ctx, { bytes: await pngImage(24, 9) }, SYSTEM);
  await deleteMedia(ctx, free.id, SYSTEM);
  await assert.rejects(getMedia(ctx, free.id), /no media with id/);
  assert.equal(existsSync(join(ctx.mediaDir, free.file)), false);
});
