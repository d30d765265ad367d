import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../context.ts';
import type { Article } from '../domain/types.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { findArticleBySlug, queryArticles } from '../store/articles.ts';
import { listPeople } from '../store/people.ts';
import { listOutlets } from '../store/outlets.ts';
import { listSections } from '../store/sections.ts';
import { resolveCredits } from '../provenance/credits.ts';
import { DemoPresentError, initDemo } from './index.ts';

const NOW = new Date('2026-05-15T09:00:00Z');
let ctx: AppContext;
before(async () => {
  ctx = await openTestContext({ now: () => NOW });
});
after(async () => ctx.store.close());

async function all(): Promise<Article[]> {
  return (await queryArticles(ctx.store.db, { limit: 1000, offset: 0 })).items;
}

test('fills sections, people, outlets and at least 30 articles in French and English', async () => {
  const s = await initDemo(ctx);
  const articles = await all();
  assert.equal(articles.length, s.articles);
  assert.ok(articles.length >= 30, `${articles.length} articles`);
  const fr = articles.filter((a) => a.language === 'fr');
  const en = articles.filter((a) => a.language === 'en');
  assert.ok(fr.length >= 10 && en.length >= 10, `${fr.length} fr, ${en.length} en`);

  const sections = await listSections(ctx.store.db);
  assert.ok(sections.length >= 3);
  for (const sec of sections) assert.ok(sec.names.fr && sec.names.en, `section ${sec.slug} is named in fr and en`);
  const people = await listPeople(ctx.store.db);
  assert.ok(people.length >= 4);
  for (const p of people) {
    assert.ok(p.bio.length > 20, `${p.name} has a bio`);
    assert.ok(p.photo && existsSync(join(ctx.mediaDir, p.photo.file)), `${p.name} has a photo file`);
  }
  assert.equal((await listOutlets(ctx.store.db)).length, 2);

  const authors = new Set(articles.flatMap((a) => a.authorIds));
  const translators = new Set(articles.flatMap((a) => a.translatorIds));
  assert.ok(authors.size >= 2);
  assert.ok(translators.size >= 2);
  assert.ok([...authors].some((id) => translators.has(id)), 'someone both writes and translates');
  assert.ok([...translators].some((id) => !authors.has(id)), 'someone only translates');

  assert.equal(articles.filter((a) => a.status === 'draft').length, 2);
  const scheduled = articles.filter((a) => a.status === 'scheduled');
  assert.equal(scheduled.length, 1);
  assert.ok(scheduled[0].publishedAt! > NOW.toISOString(), 'the scheduled article is due in the future');
  const published = articles.filter((a) => a.status === 'published');
  for (const a of published) assert.ok(a.publishedAt! <= NOW.toISOString());
  const oldest = published.map((a) => a.publishedAt!).sort()[0];
  assert.ok(Date.parse(oldest) < NOW.getTime() - 90 * 86400_000, 'dates spread over the past months');

  for (const a of articles) {
    assert.ok(a.summary && a.tags.length && a.sectionIds.length, `${a.slug} has summary, tags, sections`);
    assert.ok(a.image && existsSync(join(ctx.mediaDir, a.image.file)), `${a.slug} has its picture`);
    assert.ok(statSync(join(ctx.mediaDir, a.image.file)).size > 1000);
    assert.equal(a.image.width, 1200);
    assert.ok(a.image.alt.length > 10);
  }
  const translations = articles.filter((a) => a.translatorIds.length);
  assert.ok(translations.length >= 5);
  assert.ok(articles.some((a) => a.provenance.via && a.provenance.original?.authorNames.length && a.provenance.original.outletId), 'a translation with full outside credits and via');
});

test('holds the chain: outside English original → French translation → French republication', async () => {
  const articles = await all();
  const republication = articles.find((a) => a.provenance.republicationOfId != null && a.canonicalPolicy === 'original');
  assert.ok(republication, 'a republication with canonicalPolicy original');
  assert.equal(republication.language, 'fr');
  const translation = articles.find((a) => a.id === republication.provenance.republicationOfId)!;
  assert.equal(translation.language, 'fr');
  assert.ok(translation.translatorIds.length);
  const original = translation.provenance.original!;
  assert.equal(original.language, 'en');
  assert.ok(original.url && original.outletId && original.publishedAt && original.authorNames.length);

  const credits = await resolveCredits(ctx.store.db, ctx.site, republication);
  assert.equal(credits.isRepublication, true);
  assert.equal(credits.chain.length, 2);
  assert.equal(credits.chain[0].articleId, translation.id);
  assert.equal(credits.chain[1].kind, 'original');
  assert.equal(credits.chain[1].url, original.url);
  assert.equal(credits.chain[1].outletName, 'The Brackenford Courier');
  assert.equal(credits.canonicalUrl, `${ctx.site.baseUrl}/fr/${translation.slug}`);
  const tCredits = await resolveCredits(ctx.store.db, ctx.site, translation);
  assert.equal(tCredits.isTranslation, true);
  assert.deepEqual(tCredits.translators.map((p) => p.name), ['Inès Delorme']);
});

test('refuses to run twice; --force replaces the demo content and leaves other content alone', async () => {
  const before = (await all()).length;
  await assert.rejects(initDemo(ctx), DemoPresentError);
  assert.equal((await all()).length, before);

  const mine = await createArticle(ctx, { language: 'fr', title: 'Mon article à moi', bodyHtml: '<p>x</p>' }, SYSTEM);
  const demoOne = await findArticleBySlug(ctx.store.db, 'fr', 'festival-riviere-brackenford-lanternes');
  assert.ok(demoOne);
  const s = await initDemo(ctx, { force: true });
  assert.equal(s.drawn, 0, 'pictures already drawn are kept');
  const after = await all();
  assert.equal(after.length, before + 1, 'no duplicates');
  assert.ok(after.some((a) => a.id === mine.id), 'other content stays');
  const again = await findArticleBySlug(ctx.store.db, 'fr', 'festival-riviere-brackenford-lanternes');
  assert.ok(again && again.id !== demoOne.id, 'the demo article was replaced');
  assert.equal((await listPeople(ctx.store.db)).length, 5);
  assert.equal((await listSections(ctx.store.db)).length, 4);
});
