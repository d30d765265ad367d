import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { AppContext } from '../../context.ts';
import { openTestContext } from '../../publish/test-context.ts';
import { createFetcher, type Fetcher } from '../fetch/index.ts';
import { findArticleById } from '../../store/articles.ts';
import { queryMedia } from '../../store/media.ts';
import { contentFromUrl } from './sources.ts';
import { importContent } from './import-article.ts';
import { importFromUrl } from './index.ts';
import { MAX_IMPORT_IMAGES } from './images.ts';
import { startImageSite, type ImageSite } from './test-image-site.ts';

let ctx: AppContext;
let site: ImageSite;
let fetcher: Fetcher;

before(async () => {
  ctx = await openTestContext();
  site = await startImageSite();
  fetcher = createFetcher({ allowHosts: [site.host], timeoutMs: 5000 });
});
after(async () => {
  await fetcher.close();
  await site.close();
  await ctx.store.close();
});

const mediaCount = async (c: AppContext) => (await queryMedia(c.store.db, { limit: 1, offset: 0 })).total;

test('an imported article’s pictures come into the library; the text shows only local ones', async () => {
  const out = await importFromUrl(ctx, fetcher, `${site.base}/article`);
  assert.equal(out.kind, 'created');
  const a = (await findArticleById(ctx.store.db, out.article.id))!;
  // The featured image: in the library, credited to the outlet, described by the title, without EXIF.
  assert.ok(a.image);
  assert.match(a.image.file, /^library\/\d{4}\/[0-9a-f]{64}\.jpg$/);
  assert.ok(a.image.mediaId);
  assert.deepEqual([a.image.alt, a.image.credit, a.image.width, a.image.height], ['The valley line reopens', 'Valley Courier', 32, 64], 'turned upright by its EXIF orientation');
  assert.equal((await sharp(readFileSync(join(ctx.mediaDir, a.image.file))).metadata()).exif, undefined);
  // The text: the chart twice (one library item), rewritten to its variant, its off-site srcset gone.
  const srcs = [...a.bodyHtml.matchAll(/<img[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]);
  assert.equal(srcs.length, 2, a.bodyHtml);
  for (const src of srcs) assert.match(src, /^\/img\/960\/library\/\d{4}\/[0-9a-f]{64}\.png$/);
  assert.doesNotMatch(a.bodyHtml, /127\.0\.0\.1|10\.0\.0\.1|srcset|<source/);
  assert.match(a.bodyHtml, /alt="Passengers per day, 2019 to 2026" width="48" height="24"/);
  assert.match(a.bodyHtml, /<figcaption>Passengers per day<\/figcaption>/);
  // What could not be fetched, or is not an accepted picture, is gone, with its figure and caption.
  assert.doesNotMatch(a.bodyHtml, /missing photo|gone|not really|SVG logo|refused address/);
  assert.match(a.bodyHtml, /Before the works: {1,2}and/);
  assert.equal(await mediaCount(ctx), 2);
  const chart = (await queryMedia(ctx.store.db, { text: 'passengers', limit: 5, offset: 0 })).items;
  assert.equal(chart.length, 1);
  assert.equal(chart[0].credit, 'Valley Courier');
  assert.equal(chart[0].sourceUrl, `${site.base}/pics/chart.png`);
  for (const p of ['/pics/lead.jpg', '/pics/chart.png', '/pics/missing.png', '/pics/page.jpg', '/pics/logo.svg']) assert.equal(site.hits.get(p), 1, p);

  // Imported again: reported as before, and nothing is downloaded for it.
  const again = await importFromUrl(ctx, fetcher, `${site.base}/article`);
  assert.equal(again.kind, 'exists');
  assert.equal(site.hits.get('/pics/lead.jpg'), 1);
  // Updated: downloaded again, the same library items.
  const updated = await importFromUrl(ctx, fetcher, `${site.base}/article`, { update: true });
  assert.equal(updated.kind, 'updated');
  assert.equal(site.hits.get('/pics/lead.jpg'), 2);
  assert.equal(await mediaCount(ctx), 2);
  assert.equal(updated.article.image?.mediaId, a.image.mediaId);
});

test('at most MAX_IMPORT_IMAGES pictures are fetched for one article; the rest are dropped', async () => {
  const c = await openTestContext();
  try {
    const out = await importFromUrl(c, fetcher, `${site.base}/article?extra=40`);
    const fetched = [...site.hits].filter(([p]) => /^\/pics\/n\d+\.png$/.test(p)).length;
    // lead, chart, missing, page, logo come first (5 of the 30; the refused address counts too).
    assert.equal(fetched, MAX_IMPORT_IMAGES - 6);
    const imgs = out.article.bodyHtml.match(/<img\b/g) ?? [];
    assert.equal(imgs.length, 2 + MAX_IMPORT_IMAGES - 6);
  } finally {
    await c.store.close();
  }
});

test('an import that fails inside its transaction leaves no library rows', async () => {
  const c = await openTestContext();
  try {
    const content = await contentFromUrl(fetcher, `${site.base}/article`);
    await assert.rejects(importContent(c, content, { fetcher, begin: async () => { throw new Error('refused by the caller'); } }), /refused by the caller/);
    assert.equal(await mediaCount(c), 0);
  } finally {
    await c.store.close();
  }
});

test('without a fetcher, remote pictures are dropped rather than kept remote', async () => {
  const c = await openTestContext();
  try {
    const content = await contentFromUrl(fetcher, `${site.base}/article`);
    const out = await importContent(c, content);
    assert.equal(out.article.image, null);
    assert.doesNotMatch(out.article.bodyHtml, /<img/);
    assert.match(out.article.bodyHtml, /viaduct/);
  } finally {
    await c.store.close();
  }
});
