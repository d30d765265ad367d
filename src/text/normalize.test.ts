import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeWord, tokens, wordSpans, MAX_TOKEN_LENGTH } from './normalize.ts';
import { htmlToText } from './html-text.ts';

test('accents and case fold away; letters NFKD keeps whole are spelled out', () => {
  assert.deepEqual(tokens('ÉVÊQUE évêque Eveque'), ['eveque', 'eveque', 'eveque']);
  assert.deepEqual(tokens('Œuvre Æther Straße Łódź naïve façon'), ['oeuvre', 'aether', 'strasse', 'lodz', 'naive', 'facon']);
  // Decomposed input (e + combining acute) is the same word as the composed one.
  assert.deepEqual(tokens('e\u0301le\u0300ve'), tokens('élève'));
  assert.deepEqual(tokens('İstanbul ΑΘΗΝΑ Привет'), ['istanbul', 'αθηνα', 'привет']);
});

test('words split on everything that is not a letter or digit: apostrophes, hyphens, operators', () => {
  assert.deepEqual(tokens("L'évêque d’Orléans — COVID-19"), ['l', 'eveque', 'd', 'orleans', 'covid', '19']);
  assert.deepEqual(tokens('a*b NEAR(c) x:y ^z "q" (w)'), ['a', 'b', 'near', 'c', 'x', 'y', 'z', 'q', 'w']);
  assert.deepEqual(tokens('½ ①'), ['1', '2', '1']);
  assert.deepEqual(tokens('…  ** ---'), []);
});

test('over-long runs are not words; the limit caps how many tokens come back', () => {
  assert.deepEqual(normalizeWord('x'.repeat(MAX_TOKEN_LENGTH + 1)), []);
  assert.deepEqual(normalizeWord('x'.repeat(MAX_TOKEN_LENGTH)), ['x'.repeat(MAX_TOKEN_LENGTH)]);
  assert.deepEqual(tokens('one two three four', 2), ['one', 'two']);
});

test('word spans point into the original text', () => {
  const text = "Vu à l'Évêché";
  const spans = wordSpans(text);
  assert.deepEqual(
    spans.map((s) => [text.slice(s.start, s.end), s.parts]),
    [
      ['Vu', ['vu']],
      ['à', ['a']],
      ['l', ['l']],
      ['Évêché', ['eveche']],
    ],
  );
});

test('body HTML becomes its readable text: tags gone, entities decoded, blocks separated', () => {
  assert.equal(htmlToText('<p>Un <em>évêque</em>&nbsp;&amp; des <a href="x">amis</a></p><p>Deux</p>'), 'Un évêque & des amis\nDeux');
  assert.equal(htmlToText('<p>a<!-- hidden --><script>evil()</script>b</p>'), 'a b');
  assert.equal(htmlToText('<p>évê<em>que</em></p>'), 'évêque', 'inline tags do not split words');
  assert.equal(htmlToText('&lt;script&gt;'), '<script>');
});
