import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { openApiHarness, type ApiHarness } from './test-app.ts';
import { jpegWithGps, pngImage, SVG } from '../media/test-images.ts';
import { MAX_MEDIA_BYTES } from '../media/index.ts';

let h: ApiHarness;
before(async () => (h = await openApiHarness()));
after(() => h.close());

async function form(fields: Record<string, string>, file?: { bytes: Buffer; name: string; type: string; field?: string }) {
  const fd = new FormData();
  if (file) fd.append(file.field ?? 'file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  const r = new Response(fd);
  return { payload: Buffer.from(await r.arrayBuffer()), type: r.headers.get('content-type')! };
}

const upload = (payload: Buffer, type: string, query = '') =>
  h.app.inject({ method: 'POST', url: `/api/media${query}`, headers: { authorization: `Bearer ${h.token}`, 'content-type': type }, payload });

test('POST /api/media (multipart) stores the picture without EXIF and answers the record with its addresses', async () => {
  const f = await form({ alt: 'A red field', credit: 'Ana Lima', caption: 'Spring' }, { bytes: await jpegWithGps(), name: 'IMG_1.jpg', type: 'image/png' });
  const r = await upload(f.payload, f.type);
  assert.equal(r.statusCode, 201, r.body);
  const m = r.json();
  assert.equal(r.headers.location, `/api/media/${m.id}`);
  assert.equal(m.mime, 'image/jpeg', 'the bytes decide, not the declared type');
  assert.deepEqual([m.alt, m.credit, m.caption, m.originalName, m.width, m.height, m.created], ['A red field', 'Ana Lima', 'Spring', 'IMG_1.jpg', 20, 40, true]);
  assert.equal(m.url, `/media/${m.file}`);
  assert.equal(m.thumbUrl, `/img/320/${m.file}`);
  assert.equal((await sharp(readFileSync(join(h.ctx.mediaDir, m.file))).metadata()).exif, undefined);
  // The addresses serve the file and its variant through the existing image routes.
  const file = await h.app.inject({ url: m.url });
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'image/jpeg');
  const thumb = await h.app.inject({ url: m.thumbUrl, headers: { accept: 'image/webp' } });
  assert.equal(thumb.statusCode, 200);
  assert.equal(thumb.headers['content-type'], 'image/webp');
  // Again: the same item, 200.
  const again = await upload(f.payload, f.type);
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().id, m.id);
  assert.equal(again.json().created, false);
});

test('a bare image body is accepted, with its text in the query', async () => {
  const r = await upload(await pngImage(9, 7), 'image/png', '?alt=Tiny&credit=Bo');
  assert.equal(r.statusCode, 201, r.body);
  assert.deepEqual([r.json().alt, r.json().credit, r.json().mime, r.json().width], ['Tiny', 'Bo', 'image/png', 9]);
});

test('bad uploads get clear 400, 413 and 415 answers', async () => {
  const svg = await form({}, { bytes: SVG, name: 'x.png', type: 'image/png' });
  const r1 = await upload(svg.payload, svg.type);
  assert.equal(r1.statusCode, 400);
  assert.match(r1.json().error, /SVG files are not accepted: upload JPEG, PNG, WebP, AVIF or GIF/);
  const none = await form({ alt: 'x' });
  assert.match((await upload(none.payload, none.type)).json().error, /no file in the field "file"/);
  const big = await form({}, { bytes: Buffer.alloc(MAX_MEDIA_BYTES + 10), name: 'big.jpg', type: 'image/jpeg' });
  const r2 = await upload(big.payload, big.type);
  assert.equal(r2.statusCode, 413);
  assert.match(r2.json().error, /images may be at most 20 MB/);
  const r3 = await upload(Buffer.alloc(MAX_MEDIA_BYTES + 10), 'image/jpeg');
  assert.equal(r3.statusCode, 413);
  assert.match(r3.json().error, /images may be at most 20 MB/);
  const r4 = await h.call('POST', '/api/media', { file: 'x' });
  assert.equal(r4.statusCode, 415);
  assert.match(r4.json().error, /multipart\/form-data \(field "file"\)/);
  // Elsewhere in the API, multipart is still refused.
  const r5 = await h.app.inject({ method: 'POST', url: '/api/people', headers: { authorization: `Bearer ${h.token}`, 'content-type': svg.type }, payload: svg.payload });
  assert.equal(r5.statusCode, 415);
});

test('GET list and item, PUT the text, DELETE; 404 for unknown ids', async () => {
  const f = await form({ alt: 'Harbour', credit: 'Cleo' }, { bytes: await pngImage(31, 9), name: 'harbour.png', type: 'image/png' });
  const id = (await upload(f.payload, f.type)).json().id;
  const list = await h.call('GET', '/api/media?q=harbour');
  assert.equal(list.statusCode, 200);
  assert.deepEqual(list.json().items.map((m: { id: number }) => m.id), [id]);
  assert.equal(list.json().total, 1);
  assert.equal((await h.call('GET', '/api/media?page=0')).statusCode, 400);
  assert.equal((await h.call('GET', `/api/media/${id}`)).json().alt, 'Harbour');
  const put = await h.call('PUT', `/api/media/${id}`, { alt: 'Harbour at dawn', caption: 'Morning' });
  assert.equal(put.statusCode, 200);
  assert.deepEqual([put.json().alt, put.json().credit, put.json().caption], ['Harbour at dawn', 'Cleo', 'Morning']);
  const long = await h.call('PUT', `/api/media/${id}`, { credit: 'x'.repeat(301) });
  assert.equal(long.statusCode, 400);
  assert.equal(long.json().field, 'credit');
  assert.equal((await h.call('GET', '/api/media/999999')).statusCode, 404);
  assert.equal((await h.call('DELETE', `/api/media/${id}`)).statusCode, 204);
  assert.equal((await h.call('GET', `/api/media/${id}`)).statusCode, 404);
});
