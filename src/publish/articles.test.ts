import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../context.ts';
import { openTestContext } from './test-context.ts';
import { createArticle, editArticle, publishArticle } from './articles.ts';
import { SYSTEM } from './test-actors.ts';
import { createPerson } from './people.ts';
import { createSection } from './sections.ts';
import { createOutlet } from './outlets.ts';
import { findArticleById, queryArticles } from '../store/articles.ts';
import { InputError } from '../domain/types.ts';

let ctx: AppContext;
before(async () => {
  ctx = await openTestContext({ now: () => new Date('2026-01-10T12:00:00Z') });
});
after(async () => ctx.store.close());

test('creates an article with people, sections, tags and provenance, and reads it back', async () => {
  const world = await createSection(ctx, { name: 'World', names: { fr: 'Monde' } });
  const author = await createPerson(ctx, { name: 'Ada Writer', bio: 'Reporter.' });
  const translator = await createPerson(ctx, { name: 'Tom Translator' });
  const outlet = await createOutlet(ctx, { name: 'Example Post', homeUrl: 'https://post.example/', language: 'en' });
  const original = await createArticle(ctx, {
    language: 'en', title: 'Rivers rise', bodyHtml: '<p>Water.</p>', sectionIds: [world.id], authorIds: [author.id], status: 'published',
    provenance: { original: { url: 'https://post.example/rivers', outletId: outlet.id, authorNames: ['Ada Writer'], language: 'en', publishedAt: '2026-01-01T00:00:00Z', title: 'Rivers rise' } },
  }, SYSTEM);
  const fr = await createArticle(ctx, {
    language: 'fr', title: 'Les rivières montent', bodyHtml: '<p>L’eau.</p>', sections: ['world'], tags: ['Climat', 'Eau'],
    authorIds: [author.id], translatorIds: [translator.id], status: 'published', provenance: { translationOfId: original.id },
  }, SYSTEM);
  const back = await findArticleById(ctx.store.db, fr.id);
  assert.ok(back);
  assert.equal(back.slug, 'les-rivieres-montent');
  assert.deepEqual(back.sectionIds, [world.id]);
  assert.deepEqual(back.tags, ['Climat', 'Eau']);
  assert.deepEqual(back.translatorIds, [translator.id]);
  assert.equal(back.provenance.translationOfId, original.id);
  const orig = await findArticleById(ctx.store.db, original.id);
  assert.equal(orig?.provenance.original?.outletId, outlet.id);
  assert.deepEqual(orig?.provenance.original?.authorNames, ['Ada Writer']);
  const listed = await queryArticles(ctx.store.db, { publishedBefore: ctx.now().toISOString(), sectionId: world.id, limit: 10, offset: 0 });
  assert.equal(listed.total, 2);
});

test('sanitises the body on the way in', async () => {
  const a = await createArticle(ctx, { language: 'en', title: 'Hostile', bodyHtml: '<p onclick="x()">Hi<script>alert(1)</script><a href="javascript:alert(1)">l</a></p>' }, SYSTEM);
  assert.doesNotMatch(a.bodyHtml, /script|onclick|javascript:/);
  assert.match(a.bodyHtml, /Hi/);
});

test('refuses a loop of translations and unknown references with a clear error', async () => {
  const a = await createArticle(ctx, { language: 'en', title: 'A', bodyHtml: '<p>a</p>' }, SYSTEM);
  const b = await createArticle(ctx, { language: 'fr', title: 'B', bodyHtml: '<p>b</p>', provenance: { translationOfId: a.id } }, SYSTEM);
  await assert.rejects(editArticle(ctx, a.id, { language: 'en', title: 'A', bodyHtml: '<p>a</p>', provenance: { translationOfId: b.id } }, SYSTEM), /loop/);
  await assert.rejects(createArticle(ctx, { language: 'en', title: 'C', bodyHtml: '', authorIds: [9999] }, SYSTEM), InputError);
  await assert.rejects(createArticle(ctx, { language: 'english', title: 'C', bodyHtml: '' }, SYSTEM), /language/);
});

test('a scheduled article is hidden until its time, then listed', async () => {
  const a = await createArticle(ctx, { language: 'en', title: 'Later', bodyHtml: '<p>x</p>' }, SYSTEM);
  const s = await publishArticle(ctx, a.id, SYSTEM, '2026-02-01T00:00:00Z');
  assert.equal(s.status, 'scheduled');
  const before = await queryArticles(ctx.store.db, { publishedBefore: '2026-01-31T00:00:00Z', limit: 100, offset: 0 });
  assert.ok(!before.items.some((x) => x.id === a.id));
  const afterDue = await queryArticles(ctx.store.db, { publishedBefore: '2026-02-02T00:00:00Z', limit: 100, offset: 0 });
  assert.ok(afterDue.items.some((x) => x.id === a.id));
});

test('slugs stay unique per language', async () => {
  const a = await createArticle(ctx, { language: 'en', title: 'Same title', bodyHtml: '<p>1</p>' }, SYSTEM);
  const b = await createArticle(ctx, { language: 'en', title: 'Same title', bodyHtml: '<p>2</p>' }, SYSTEM);
  const c = await createArticle(ctx, { language: 'fr', title: 'Same title', bodyHtml: '<p>3</p>' }, SYSTEM);
  assert.equal(a.slug, 'same-title');
  assert.equal(b.slug, 'same-title-2');
  assert.equal(c.slug, 'same-title');
});

test('an article that others translate or republish cannot be deleted until they are relinked', async () => {
  const { removeArticle } = await import('./articles.ts');
  const source = await createArticle(ctx, { language: 'en', title: 'Source to keep', bodyHtml: '<p>s</p>' }, SYSTEM);
  const tr = await createArticle(ctx, { language: 'fr', title: 'Traduction liée', bodyHtml: '<p>t</p>', provenance: { translationOfId: source.id } }, SYSTEM);
  await assert.rejects(removeArticle(ctx, source.id, SYSTEM), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.equal(err.status, 409);
    assert.match(err.message, new RegExp(`source of #${tr.id} \\(translation\\)`));
    return true;
  });
  assert.ok(await findArticleById(ctx.store.db, source.id));
  await removeArticle(ctx, tr.id, SYSTEM);
  await removeArticle(ctx, source.id, SYSTEM);
  assert.equal(await findArticleById(ctx.store.db, source.id), null);
  await assert.rejects(removeArticle(ctx, source.id, SYSTEM), /no article with id/);
});
