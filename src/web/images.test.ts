// /media originals and /img resized variants: sizes, formats, disk cache, shared work, refusals.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { buildApp } from '../app.ts';
import type { AppContext } from '../context.ts';
import { openTestContext } from '../publish/test-context.ts';
import { makePng } from './test-fixtures.ts';
import { variantStats } from './images.ts';

let ctx: AppContext;
let app: FastifyInstance;

before(async () => {
  ctx = await openTestContext();
  await makePng(join(ctx.mediaDir, '2017', 'photo.png'), 1600, 900);
  await makePng(join(ctx.mediaDir, 'small.png'), 500, 400);
  await writeFile(join(ctx.mediaDir, 'broken.png'), 'this is not a png');
  await mkdir(join(ctx.mediaDir, '..', 'secret'), { recursive: true });
  await writeFile(join(ctx.mediaDir, '..', 'secret', 'key.txt'), 'secret');
  await writeFile(join(ctx.mediaDir, '.hidden.png'), 'x');
  await symlink(join(ctx.mediaDir, '..', 'secret', 'key.txt'), join(ctx.mediaDir, 'link.png'));
  app = await buildApp(ctx);
});
after(async () => {
  await app.close();
  await ctx.store.close();
});

async function cachedFiles(): Promise<string[]> {
  try {
    return (await readdir(join(ctx.cacheDir, 'img'), { recursive: true })).map(String).filter((f) => /\.(png|webp|jpeg)$/.test(f));
  } catch {
    return [];
  }
}

test('/img/{width}/{file} resizes with sharp, keeps the format, caches on disk', async () => {
  const res = await app.inject({ url: '/img/320/2017/photo.png' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'image/png');
  const meta = await sharp(res.rawPayload).metadata();
  assert.equal(meta.width, 320);
  assert.equal(meta.height, 180);
  assert.match(String(res.headers['cache-control']), /public, max-age=\d{6,}/);
  assert.ok(res.headers.etag);
  assert.equal(res.headers.vary, 'Accept');
  assert.equal((await cachedFiles()).length, 1);
  const again = await app.inject({ url: '/img/320/2017/photo.png', headers: { 'if-none-match': String(res.headers.etag) } });
  assert.equal(again.statusCode, 304);
});

test('browsers that accept WebP get WebP', async () => {
  const res = await app.inject({ url: '/img/640/2017/photo.png', headers: { accept: 'image/avif,image/webp,*/*' } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'image/webp');
  const meta = await sharp(res.rawPayload).metadata();
  assert.equal(meta.format, 'webp');
  assert.equal(meta.width, 640);
});

test('variants never upscale', async () => {
  const res = await app.inject({ url: '/img/1280/small.png' });
  assert.equal(res.statusCode, 200);
  assert.equal((await sharp(res.rawPayload).metadata()).width, 500);
});

test('concurrent requests for one variant render it once', async () => {
  const before = variantStats.rendered;
  const results = await Promise.all(Array.from({ length: 8 }, () => app.inject({ url: '/img/960/2017/photo.png' })));
  assert.ok(results.every((r) => r.statusCode === 200));
  assert.equal(variantStats.rendered - before, 1);
  const bodies = new Set(results.map((r) => r.rawPayload.toString('base64')));
  assert.equal(bodies.size, 1);
  await app.inject({ url: '/img/960/2017/photo.png' });
  assert.equal(variantStats.rendered - before, 1);
  assert.ok(!(await cachedFiles()).some((f) => f.endsWith('.tmp')));
});

test('unknown widths, missing or broken images are 404 and the server carries on', async () => {
  for (const url of ['/img/500/2017/photo.png', '/img/0320/2017/photo.png', '/img/320/nothing.png', '/img/320/broken.png', '/img/320/link.png', '/img/320/2017']) {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 404, url);
  }
  assert.equal((await app.inject({ url: '/img/320/2017/photo.png' })).statusCode, 200);
});

test('/media serves originals and refuses to leave the media folder', async () => {
  const res = await app.inject({ url: '/media/2017/photo.png' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'image/png');
  assert.deepEqual(res.rawPayload, await readFile(join(ctx.mediaDir, '2017', 'photo.png')));
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal((await app.inject({ url: '/media/2017/photo.png', headers: { 'if-none-match': String(res.headers.etag) } })).statusCode, 304);
  for (const url of [
    '/media/../secret/key.txt',
    '/media/..%2fsecret%2fkey.txt',
    '/media/%2e%2e/secret/key.txt',
    '/media/2017/..%2f..%2f..%2fsecret%2fkey.txt',
    '/media/%2Fetc%2Fpasswd',
    '/media/.hidden.png',
    '/media/link.png',
    '/media/2017',
    '/media/nothing.png',
    '/media/a%00b.png',
  ]) {
    const r = await app.inject({ url });
    assert.equal(r.statusCode, 404, url);
    assert.doesNotMatch(r.body, /secret/, url);
  }
});
