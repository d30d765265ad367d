import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from './query.ts';
import { highlight, matcherFor, snippet } from './snippet.ts';

test('matches are marked in the original spelling, whatever the accents or inflection', () => {
  const m = matcherFor(parseQuery('eveque'), 'fr');
  assert.equal(highlight("L'Évêque et les évêques", m), "L&#39;<mark>Évêque</mark> et les <mark>évêques</mark>");
  const en = matcherFor(parseQuery('policy'), 'en');
  assert.equal(highlight('New policies, old Policy.', en), 'New <mark>policies</mark>, old <mark>Policy</mark>.');
});

test('everything is escaped: markup in the text never comes through', () => {
  const m = matcherFor(parseQuery('script'), 'en');
  assert.equal(highlight('<script>alert("x")</script> & co', m), '&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; co');
  assert.equal(snippet(['<b onmouseover=x>bold</b>'], matcherFor(parseQuery('bold'), 'en')), '&lt;b onmouseover=x&gt;<mark>bold</mark>&lt;/b&gt;');
});

test('a snippet is a window around the matches, cut with ellipses', () => {
  const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
  words[60] = 'needle';
  const s = snippet([words.join(' ')], matcherFor(parseQuery('needle'), 'en'), 10);
  assert.equal(s, '… w58 w59 <mark>needle</mark> w61 w62 w63 w64 w65 w66 w67 …');
});

test('the densest run of matches wins; without any match the start of the first text is shown', () => {
  const text = 'x a b c d e f g h i j x x x k l';
  assert.equal(snippet([text], matcherFor(parseQuery('x'), 'en'), 5), '… j <mark>x</mark> <mark>x</mark> <mark>x</mark> k …');
  assert.equal(snippet(['', 'summary without it here'], matcherFor(parseQuery('zzz'), 'en'), 2), 'summary without …');
  assert.equal(snippet(['body here', 'the summary has zzz'], matcherFor(parseQuery('zzz'), 'en')), 'the summary has <mark>zzz</mark>');
  assert.equal(snippet([''], matcherFor(parseQuery('zzz'), 'en')), '');
});
