import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeWord } from '../text/normalize.ts';
import { stemmerFor } from '../text/stem.ts';
import { parseQuery } from './query.ts';
import { matcherFor, matchWord } from './word-match.ts';

// The slow, plain rule the fast path must agree with.
function plain(word: string, q: string, lang: string): boolean | null {
  const stem = stemmerFor(lang);
  const wanted = new Set(parseQuery(q).flatMap((c) => c.words.map(stem)));
  const parts = normalizeWord(word);
  return parts.length ? parts.some((p) => wanted.has(stem(p))) : null;
}

test('the first-letter shortcut agrees with normalising and stemming every word', () => {
  const words = ['Évêques', 'eveque', 'EVÊQUE', 'œuvres', 'Œuvre', 'oeuvre', 'æther', 'straße', 'strasse', '½', 'x½y', 'ﬁn', 'fin',
    'İstanbul', 'istanbul', 'Øre', 'ore', 'ΣΟΦΙΑ', 'σοφια', 'policies', 'Policy', 'journaux', 'journal', 'heureuse', 'x'.repeat(41),
    'é'.repeat(41), 'e\u0301'.repeat(30), 'ｅｖｅｑｕｅ', 'Ｅｖｅｑｕｅ', '2026', '𝐞𝐯𝐞𝐪𝐮𝐞', 'naïve', 'naive', 'trice', 'actrices'];
  const queries = ['eveque', 'oeuvre', 'strasse', '1 2', 'fin', 'istanbul', 'ore', 'σοφια', 'policy', 'journal', 'heureux', 'eveque fin',
    'x'.repeat(40), '2026', 'naive', 'acteur', 'trice'];
  for (const lang of ['fr', 'en', 'de'])
    for (const q of queries) {
      const m = matcherFor(parseQuery(q), lang);
      for (const w of words) assert.equal(matchWord(w, m), plain(w, q, lang), `${w} / ${q} / ${lang}`);
    }
});
