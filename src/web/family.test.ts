import { test } from 'node:test';
import assert from 'node:assert/strict';
import { families, pickAlternates, type FamilyMember } from './family.ts';

function m(id: number, language: string, publishedAt: string, links: { t?: number; r?: number } = {}): FamilyMember {
  return { id, language, publishedAt, provenance: { translationOfId: links.t ?? null, republicationOfId: links.r ?? null } };
}

test('alternates: one page per language, self for its own, originals preferred over copies', () => {
  const en = m(1, 'en', '2017-11-14');
  const fr = m(2, 'fr', '2017-11-15', { t: 1 });
  const frCopy = m(3, 'fr', '2017-11-10', { r: 2 });
  const es = m(4, 'es', '2017-11-16', { t: 1 });
  const alt = pickAlternates(en, [fr, frCopy, es], () => true);
  assert.deepEqual(alt.map((a) => [a.lang, a.article.id]), [['en', 1], ['es', 4], ['fr', 2]]);
  assert.deepEqual(pickAlternates(frCopy, [fr, en], () => true).map((a) => [a.lang, a.article.id]), [['en', 1], ['fr', 3]]);
  assert.deepEqual(pickAlternates(en, [frCopy], (a) => a.id !== 3), []);
});

test('families join articles through translation and republication links', () => {
  const g = families([m(1, 'en', 'a'), m(2, 'fr', 'b', { t: 1 }), m(3, 'fr', 'c', { r: 2 }), m(4, 'de', 'd'), m(5, 'es', 'e', { t: 99 })]);
  const ids = g.map((f) => f.map((a) => a.id).sort()).sort((a, b) => a[0] - b[0]);
  assert.deepEqual(ids, [[1, 2, 3], [4], [5]]);
});
