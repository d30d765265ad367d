import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { InputError } from '../domain/types.ts';
import { openTestContext } from './test-context.ts';
import { createArticle, editArticle } from './articles.ts';
import { uploadMedia } from '../media/index.ts';
import { pngImage } from '../media/test-images.ts';

const SYSTEM: Actor = { kind: 'system', name: 'test' };
let ctx: AppContext;
before(async () => (ctx = await openTestContext()));
after(() => ctx.store.close());

const input = (image: unknown) => ({ language: 'en', title: `Image ${Math.random()}`, bodyHtml: '<p>x</p>', image: image as never });
const refusedFor = (field: string) => (e: unknown) => e instanceof InputError && e.status === 400 && e.field === field;

test('a library image needs alt and credit to be a featured image, from the article or the library item', async () => {
  const { media } = await uploadMedia(ctx, { bytes: await pngImage(50, 25) }, SYSTEM);
  await assert.rejects(createArticle(ctx, input({ mediaId: media.id, file: '', alt: '', credit: 'Ana' }), SYSTEM), refusedFor('image.alt'));
  await assert.rejects(createArticle(ctx, input({ file: media.file, alt: 'A field', credit: '' }), SYSTEM), refusedFor('image.credit'));
  await assert.rejects(createArticle(ctx, input({ file: media.file, alt: 'A field', credit: null }), SYSTEM), /needs a credit \(who made the picture\)/);
  const a = await createArticle(ctx, input({ mediaId: media.id, file: 'ignored.jpg', alt: 'A field', credit: 'Ana' }), SYSTEM);
  assert.deepEqual(a.image, { file: media.file, alt: 'A field', credit: 'Ana', width: 50, height: 25, mediaId: media.id });
  // Filled in the library: the article may leave them blank.
  const { media: described } = await uploadMedia(ctx, { bytes: await pngImage(51, 25), alt: 'Hills', credit: 'Bo' }, SYSTEM);
  const b = await createArticle(ctx, input({ file: described.file, alt: '', credit: null }), SYSTEM);
  assert.deepEqual([b.image?.alt, b.image?.credit, b.image?.mediaId], ['Hills', 'Bo', described.id]);
  await assert.rejects(editArticle(ctx, b.id, { ...input({ mediaId: media.id, alt: 'x', credit: '' }) }, SYSTEM), refusedFor('image.credit'));
});

test('unknown library items are refused; images outside the library pass as before', async () => {
  await assert.rejects(createArticle(ctx, input({ mediaId: 999999, file: 'x.jpg', alt: 'a', credit: 'b' }), SYSTEM), refusedFor('image.mediaId'));
  await assert.rejects(createArticle(ctx, input({ file: 'library/2026/nope.jpg', alt: 'a', credit: 'b' }), SYSTEM), refusedFor('image.file'));
  const a = await createArticle(ctx, input({ file: '2017/photo.jpg', alt: '', credit: null }), SYSTEM);
  assert.equal(a.image?.file, '2017/photo.jpg');
});
