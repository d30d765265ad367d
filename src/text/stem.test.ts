import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stemFrench } from './stem-fr.ts';
import { stemEnglish } from './stem-en.ts';
import { searchTerms, stemmerFor } from './stem.ts';

function sameStem(stem: (w: string) => string, words: string[]) {
  const stems = new Set(words.map(stem));
  assert.equal(stems.size, 1, `${words.join(', ')} → ${[...stems].join(', ')}`);
}

test('French: plurals in s, x and -aux meet the singular', () => {
  for (const group of [
    ['eveque', 'eveques'],
    ['journal', 'journaux'],
    ['cheval', 'chevaux'],
    ['bureau', 'bureaux'],
    ['jeu', 'jeux'],
    ['universite', 'universites'],
  ])
    sameStem(stemFrench, group);
});

test('French: feminine forms meet the masculine', () => {
  for (const group of [
    ['heureux', 'heureuse', 'heureuses'],
    ['premier', 'premiere', 'premieres', 'premiers'],
    ['actif', 'active', 'actives'],
    ['naturel', 'naturelle', 'naturelles'],
    ['europeen', 'europeenne', 'europeennes'],
    ['bon', 'bonne', 'bons'],
    ['muet', 'muette'],
    ['grand', 'grande', 'grandes'],
    ['publie', 'publiee', 'publies', 'publiees'],
    ['directeur', 'directrice'],
    ['chanteur', 'chanteuse'],
    ['elu', 'elue', 'elus'],
  ])
    sameStem(stemFrench, group);
});

test('French: distinct words stay distinct; short words are left alone', () => {
  assert.notEqual(stemFrench('premier'), stemFrench('prime'));
  assert.notEqual(stemFrench('journal'), stemFrench('jour'));
  assert.equal(stemFrench('les'), 'les');
  assert.equal(stemFrench('été'), 'été', 'only accent-free words (the index normalises first)');
});

test('English: plurals, -ed, -ing and final e/y meet', () => {
  for (const group of [
    ['policy', 'policies'],
    ['city', 'cities'],
    ['house', 'houses'],
    ['box', 'boxes'],
    ['church', 'churches'],
    ['class', 'classes'],
    ['run', 'runs', 'running'],
    ['stop', 'stopped', 'stopping'],
    ['study', 'studies', 'studied', 'studying'],
    ['hope', 'hoped', 'hoping'],
    ['agree', 'agreed'],
    ['meeting', 'meetings', 'meet'],
    ['fall', 'falling'],
  ])
    sameStem(stemEnglish, group);
  assert.equal(stemEnglish('status'), 'status');
  assert.equal(stemEnglish('analysis'), 'analysis');
  assert.equal(stemEnglish('string'), 'string', 'no vowel before -ing: not a suffix');
  assert.notEqual(stemEnglish('bus'), stemEnglish('bush'));
});

test('the stemmer follows the language; other languages are only normalised', () => {
  assert.deepEqual(searchTerms('Les Évêques réunis', 'fr'), ['les', 'evequ', 'reuni']);
  assert.deepEqual(searchTerms('The Policies', 'en-GB'), ['the', 'polici']);
  assert.deepEqual(searchTerms('Die Häuser', 'de'), ['die', 'hauser']);
  assert.equal(stemmerFor(null)('houses'), 'houses');
});

test('stemmers keep a word first letter (snippets rely on it to skip words)', () => {
  const words = ['trice', 'teuse', 'euse', 'aies', 'sses', 'ies', 'ied', 'eed', 'xes', 'ing', 'ed', 'es', 'aux', 'eaux', 'ere', 'ives',
    'enne', 'ette', 'ee', 'yes', 'ying', 'abcs', 'abce', 'actrices', 'heureuses', 'running', 'policies', 'a', 'ab', 'abc'];
  for (const lang of ['fr', 'en'])
    for (const w of words) assert.equal(stemmerFor(lang)(w)[0], w[0], `${lang} ${w} → ${stemmerFor(lang)(w)}`);
});
