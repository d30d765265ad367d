import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../domain/types.ts';
import { parseQuery, MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from './query.ts';
import { alternatives, ftsExpression, queryLanguages, tsqueryExpression } from './expression.ts';

test('words and "quoted phrases" become clauses of normalised words', () => {
  assert.deepEqual(parseQuery('Évêque  "Conseil d\'État" lyon'), [
    { phrase: false, words: ['eveque'] },
    { phrase: true, words: ['conseil', 'd', 'etat'] },
    { phrase: false, words: ['lyon'] },
  ]);
  assert.deepEqual(parseQuery('«\u00a0grand prix\u00a0» “a b”'), [
    { phrase: true, words: ['grand', 'prix'] },
    { phrase: true, words: ['a', 'b'] },
  ]);
  assert.deepEqual(parseQuery('"seul"'), [{ phrase: false, words: ['seul'] }], 'a one-word phrase is a word');
  assert.deepEqual(parseQuery('paix paix PAIX'), [{ phrase: false, words: ['paix'] }]);
});

test('hostile input is only words: operators, stars, colons, brackets, unbalanced quotes', () => {
  assert.deepEqual(parseQuery('NEAR(a b) OR title:x* ^y -z'), ['near', 'a', 'b', 'or', 'title', 'x', 'y', 'z'].map((w) => ({ phrase: false, words: [w] })));
  assert.deepEqual(parseQuery('"unclosed phrase'), [
    { phrase: false, words: ['unclosed'] },
    { phrase: false, words: ['phrase'] },
  ]);
  assert.deepEqual(parseQuery('"a b" "c d'), [
    { phrase: true, words: ['a', 'b'] },
    { phrase: false, words: ['c'] },
    { phrase: false, words: ['d'] },
  ]);
});

test('empty, punctuation-only, too long or too many words: a clear InputError on q', () => {
  for (const q of ['', '   ', undefined, 42, '***', '""', '(): ^ " *']) {
    assert.throws(() => parseQuery(q), (e: unknown) => e instanceof InputError && e.field === 'q', String(q));
  }
  assert.throws(() => parseQuery('a'.repeat(MAX_QUERY_LENGTH + 1)), /at most 200 characters/);
  assert.throws(() => parseQuery(Array.from({ length: MAX_QUERY_WORDS + 1 }, (_, i) => `w${i}`).join(' ')), /at most 12 words/);
  assert.doesNotThrow(() => parseQuery(Array.from({ length: MAX_QUERY_WORDS }, (_, i) => `w${i}`).join(' ')));
});

test('a search over every language tries each stemming; one language uses its own', () => {
  const clauses = parseQuery('évêques "les maisons"');
  assert.deepEqual(alternatives(clauses, queryLanguages('fr')), [[['evequ']], [['les', 'maison']]]);
  const all = alternatives(clauses, queryLanguages());
  assert.deepEqual(all[0], [['evequ'], ['eveques']]);
  assert.equal(ftsExpression(all), '("evequ" OR "eveques") AND ("les_maison" OR "les_maisons")');
  assert.equal(tsqueryExpression(all), "('evequ' | 'eveques') & ('les' <-> 'maison' | 'les' <-> 'maisons')");
});
