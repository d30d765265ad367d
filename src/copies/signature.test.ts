import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorsOf } from './anchors.ts';
import { anchorOrder } from './anchor-order.ts';
import { shinglesOf } from './shingles.ts';
import { documentKeys, queryKeys, ANCHOR_KEYS, QUERY_MAX, TEXT_KEYS } from './sketch.ts';
import { indexKeysOf } from './signature.ts';
import { copyTextOf } from './text.ts';
import { HARBOUR, HARBOUR_FR } from './testdata/articles.ts';

test('anchors: numbers written either way, names not at a sentence start, code-like words, quotes', () => {
  assert.deepEqual(anchorsOf('It cost 1,000.5 euros.'), anchorsOf('Cela a coûté 1 000,5 euros.'));
  assert.deepEqual(anchorsOf('Work began. Engineers from Armor Maritime met Yvonne Le Goff in Rennes.'), ['armor', 'maritime', 'yvonne', 'le', 'goff', 'rennes']);
  assert.deepEqual(anchorsOf('Run install-info then edit /etc/apt/sources.list and x86-64 today'), ['etc/apt/sources.list', '86', '64']);
  assert.deepEqual(anchorsOf('He said "mind the gap" twice.'), ['"mind the gap']);
});

test('shingles are paragraph-local: reordering paragraphs keeps every one', () => {
  const a = shinglesOf(copyTextOf(HARBOUR.paragraphs.join('\n')));
  const b = shinglesOf(copyTextOf([...HARBOUR.paragraphs].reverse().join('\n\n')));
  assert.deepEqual(new Set(a.hashes), new Set(b.hashes));
  assert.equal(shinglesOf(copyTextOf('Two words')).hashes.length, 1, 'a short paragraph is one shingle');
});

test('a document has a bounded set of keys, front-weighted; a long suspect looks up a bounded set holding its long segments\' keys', () => {
  const words = Array.from({ length: 2000 }, (_, i) => (i % 9 === 4 ? `Name${(i * 31) % 997}` : `w${(i * 7919) % 5003}`));
  const long = Array.from({ length: 40 }, (_, p) => words.slice(p * 50, p * 50 + 50).join(' ')).join('\n');
  const text = copyTextOf(long);
  const keys = indexKeysOf(text);
  assert.ok(keys.length <= TEXT_KEYS + ANCHOR_KEYS && keys.length >= TEXT_KEYS, String(keys.length));
  const { hashes } = shinglesOf(text);
  const doc = documentKeys(hashes);
  const firstHundred = new Set(hashes.slice(0, 96));
  const front = doc.filter((k) => firstHundred.has(k));
  assert.ok(front.length >= 8, 'the first hundred words hold at least 8 keys');
  const q = new Set(queryKeys(hashes));
  assert.equal(q.size, QUERY_MAX, 'a long suspect looks up QUERY_MAX hashes');
  // The keys after the front are minima of segments of ~160 shingles: among the QUERY_MAX smallest of ~1,950.
  for (const k of doc.filter((k) => !firstHundred.has(k))) assert.ok(q.has(k), 'every key of a long segment is looked up');
  assert.ok(front.some((k) => q.has(k)), 'and some of the front keys (segments of 12)');
  const excerpt = new Set(queryKeys(hashes.slice(0, 96)));
  for (const k of front) assert.ok(excerpt.has(k), 'an excerpt of the front, under QUERY_MAX shingles, looks up all of them');
});

test('anchor order: a translation keeps its anchors in order; a shuffle of them does not', () => {
  const en = HARBOUR.paragraphs.flatMap(anchorsOf);
  const fr = HARBOUR_FR.flatMap(anchorsOf);
  const translated = anchorOrder(en, fr);
  assert.ok(translated.dice >= 0.6, String(translated.dice));
  const shuffled = [...fr].sort();
  assert.ok(anchorOrder(en, shuffled).dice < translated.dice - 0.2);
  assert.deepEqual(anchorOrder([], fr), { lcs: 0, dice: 0 });
});
