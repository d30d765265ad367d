import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { InputError } from '../domain/types.ts';
import { prepareImage } from './prepare.ts';
import { MAX_MEDIA_BYTES } from './limits.ts';
import { animatedGif, hasGpsPointer, imageAs, jpegWithGps, SVG } from './test-images.ts';

test('EXIF and GPS are stripped, and the orientation they carried is applied to the pixels', async () => {
  const input = await jpegWithGps(40, 20);
  const before = await sharp(input).metadata();
  assert.ok(hasGpsPointer(before.exif), 'the test picture carries GPS');
  assert.equal(before.orientation, 6);
  const out = await prepareImage(input);
  const after = await sharp(out.bytes).metadata();
  assert.equal(after.exif, undefined);
  assert.equal(after.xmp, undefined);
  assert.equal(after.iptc, undefined);
  assert.equal(after.orientation, undefined);
  assert.ok(!out.bytes.includes(Buffer.from('SnoopCam')));
  assert.deepEqual([out.width, out.height, after.width, after.height], [20, 40, 20, 40]);
  assert.equal(out.mime, 'image/jpeg');
  assert.match(out.sha256, /^[0-9a-f]{64}$/);
});

test('an ICC profile is kept, as colour, without EXIF', async () => {
  const input = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).withIccProfile('p3').withExif({ IFD0: { Make: 'SnoopCam' } }).png().toBuffer();
  const after = await sharp((await prepareImage(input)).bytes).metadata();
  assert.ok(after.icc);
  assert.equal(after.exif, undefined);
});

test('each accepted format is recognised from its bytes and keeps its format', async () => {
  for (const [format, mime] of [['jpeg', 'image/jpeg'], ['png', 'image/png'], ['webp', 'image/webp'], ['gif', 'image/gif'], ['avif', 'image/avif']] as const) {
    const out = await prepareImage(await imageAs(format));
    assert.equal(out.mime, mime, format);
    assert.deepEqual([out.width, out.height], [24, 16], format);
  }
});

test('an animated GIF keeps its frames and reports the size of one', async () => {
  const out = await prepareImage(await animatedGif());
  const meta = await sharp(out.bytes).metadata();
  assert.equal(meta.pages, 2);
  assert.deepEqual([out.width, out.height], [10, 10]);
});

async function refused(bytes: Buffer, status: number, message: RegExp) {
  await assert.rejects(prepareImage(bytes), (e: unknown) => e instanceof InputError && e.status === status && message.test(e.message));
}

test('SVG, TIFF, text and empty files are refused with a clear 400', async () => {
  await refused(SVG, 400, /SVG files are not accepted: upload JPEG, PNG, WebP, AVIF or GIF/);
  await refused(await imageAs('tiff'), 400, /TIFF files are not accepted/);
  await refused(Buffer.from('<html><body>not a picture</body></html>'), 400, /not an image Relais accepts/);
  await refused(Buffer.alloc(0), 400, /empty/);
});

test('files over the size limit and pictures over the pixel limit are refused with 413', async () => {
  await refused(Buffer.alloc(MAX_MEDIA_BYTES + 1), 413, /at most 20 MB/);
  // A PNG whose header claims 8000 × 7000 = 56 megapixels: the declared size is refused before any decoding.
  const bomb = pngHeader(8000, 7000);
  assert.equal((await sharp(bomb).metadata()).width, 8000);
  await refused(bomb, 413, /56 megapixels; at most 50 are accepted/);
});

function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', Buffer.alloc(0)), chunk('IEND', Buffer.alloc(0))]);
}
