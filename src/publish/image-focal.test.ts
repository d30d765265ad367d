// A featured image keeps its caption and its focal point (the newsroom sets it by a click on the picture).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { InputError } from '../domain/types.ts';
import { openTestContext } from './test-context.ts';
import { createArticle, editArticle } from './articles.ts';

const SYSTEM: Actor = { kind: 'system', name: 'test' };
let ctx: AppContext;
before(async () => (ctx = await openTestContext()));
after(() => ctx.store.close());

const input = (image: unknown) => ({ language: 'en', title: `Focal ${Math.random()}`, bodyHtml: '<p>x</p>', image: image as never });

test('caption and focal point are stored with the image; a focal point outside the picture is refused', async () => {
  const a = await createArticle(ctx, input({ file: '2017/photo.jpg', alt: 'Quay', credit: 'Lina', caption: 'The quay at noon', focal: { x: 0.25, y: 0.75 } }), SYSTEM);
  assert.equal(a.image?.caption, 'The quay at noon');
  assert.deepEqual(a.image?.focal, { x: 0.25, y: 0.75 });
  const b = await editArticle(ctx, a.id, { ...input({ file: '2017/photo.jpg', alt: 'Quay', credit: 'Lina' }), title: a.title }, SYSTEM);
  assert.equal(b.image?.focal, undefined, 'no focal point: none kept');
  await assert.rejects(
    createArticle(ctx, input({ file: '2017/photo.jpg', alt: 'Quay', credit: 'Lina', focal: { x: 1.5, y: 0.5 } }), SYSTEM),
    (e: unknown) => e instanceof InputError && e.field === 'image.focal',
  );
});
