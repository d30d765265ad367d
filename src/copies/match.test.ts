import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestContext } from '../publish/test-context.ts';
import { createArticle, publishArticle, removeArticle, unpublishArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { countCopyPostings } from '../store/copy-index.ts';
import { findCopies } from './match.ts';
import { suspectFromHtml, suspectFromText } from './suspect.ts';
import { bodyHtml, HARBOUR, HARBOUR_FR, HARBOUR_OTHER, ORCHARD } from './testdata/articles.ts';

const page = (paragraphs: string[], lang = 'en') =>
  `<!doctype html><html lang="${lang}"><head><title>Copied | Other Site</title></head><body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>` +
  `<main><article><h1>Copied story</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></main>` +
  `<aside><h2>Most read</h2><ul><li><a href="/1">${ORCHARD.paragraphs[0].slice(0, 120)}</a></li></ul></aside><footer>© Other Site. All rights reserved. Privacy · Terms</footer></body></html>`;

async function setUp() {
  const ctx = await openTestContext();
  const harbour = await createArticle(ctx, { language: 'en', title: HARBOUR.title, bodyHtml: bodyHtml(HARBOUR.paragraphs), status: 'published' }, SYSTEM);
  const orchard = await createArticle(ctx, { language: 'en', title: ORCHARD.title, bodyHtml: bodyHtml(ORCHARD.paragraphs), status: 'published' }, SYSTEM);
  return { ctx, harbour, orchard };
}

const ids = (m: { articleId: number }[]) => m.map((x) => x.articleId);

test('each kind of copy is found: in other chrome, truncated, reordered, lightly edited, an excerpt', async () => {
  const { ctx, harbour } = await setUp();
  const P = HARBOUR.paragraphs;
  const words = P.join('\n').split(' ');
  const edited = P.map((p) => p.replace('Monday', 'Tuesday').replace(' the ', ' a ').replace('fourteen', '14').replace(/,/g, ''));
  const cases: Record<string, ReturnType<typeof suspectFromText>> = {
    chrome: suspectFromHtml(page(P)),
    truncated: suspectFromText(words.slice(0, Math.floor(words.length / 2)).join(' ') + '… Read the rest'),
    reordered: suspectFromText([P[3], P[0], P[4], P[2], P[1]].join('\n\n')),
    edited: suspectFromHtml(page(edited)),
    excerpt: suspectFromText(P.slice(0, 2).join('\n\n')),
  };
  for (const [name, s] of Object.entries(cases)) {
    const m = await findCopies(ctx.store.db, s);
    assert.deepEqual(ids(m), [harbour.id], name);
    assert.ok(m[0].similarity >= 0.4 && m[0].similarity <= 1, `${name}: ${m[0].similarity}`);
    assert.equal(m[0].crossLanguage, false);
  }
  const chrome = (await findCopies(ctx.store.db, cases.chrome))[0];
  assert.ok(chrome.similarity > 0.9, 'the whole article is in the page');
  assert.ok(chrome.passages.some((p) => p.startsWith('The wall was built in granite')), 'the matched passages are named');
  await ctx.store.close();
});

test('not copies: an article on the same topic, another text, a short phrase', async () => {
  const { ctx } = await setUp();
  for (const s of [suspectFromHtml(page(HARBOUR_OTHER.paragraphs)), suspectFromText(HARBOUR_OTHER.paragraphs.join('\n')), suspectFromText('Work began on Monday on the northern sea wall.'), suspectFromText('')])
    assert.deepEqual(await findCopies(ctx.store.db, s), []);
  await ctx.store.close();
});

test('a translation is found across languages by its anchors (names, numbers)', async () => {
  const { ctx, harbour } = await setUp();
  const fr = await findCopies(ctx.store.db, suspectFromHtml(page(HARBOUR_FR, 'fr')));
  assert.deepEqual(ids(fr), [harbour.id]);
  assert.equal(fr[0].crossLanguage, true);
  assert.equal(fr[0].language, 'en');
  await ctx.store.close();
});

test('the index follows publication: unpublished and deleted articles are not found, republished ones are', async () => {
  const { ctx, harbour } = await setUp();
  const s = suspectFromText(HARBOUR.paragraphs.join('\n'));
  await unpublishArticle(ctx, harbour.id, SYSTEM);
  assert.deepEqual(await findCopies(ctx.store.db, s), []);
  await publishArticle(ctx, harbour.id, SYSTEM);
  assert.deepEqual(ids(await findCopies(ctx.store.db, s)), [harbour.id]);
  const postings = () => countCopyPostings(ctx.store.db);
  const before = await postings();
  await removeArticle(ctx, harbour.id, SYSTEM);
  const after = await postings();
  assert.ok(after < before && after > 0, 'its postings went, the other article\'s stayed');
  assert.deepEqual(await findCopies(ctx.store.db, s), []);
  await ctx.store.close();
});
