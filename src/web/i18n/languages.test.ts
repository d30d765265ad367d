import { test } from 'node:test';
import assert from 'node:assert/strict';
import { html } from '../html.ts';
import { INTERFACE_LANGUAGES, strings, textDirection } from './index.ts';
import { en } from './en.ts';

/** Every value of a table as text: strings as they are, functions called with sample pieces. */
function texts(table: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(table)) {
    const key = prefix + k;
    if (typeof v === 'string') out.set(key, v);
    else if (typeof v === 'function') out.set(key, String((v as (...a: unknown[]) => unknown)(...[html`<a>X</a>`, 'Y'].slice(0, v.length)) as object));
    else for (const [k2, v2] of texts(v as object, key + '.')) out.set(k2, v2);
  }
  return out;
}

test('the site speaks at least French, English, Spanish, German and Arabic', () => {
  for (const l of ['fr', 'en', 'es', 'de', 'ar']) assert.ok(INTERFACE_LANGUAGES.includes(l), l);
});

test('every language has every key of the English table, each a non-empty text', () => {
  const reference = [...texts(en).keys()].sort();
  for (const l of INTERFACE_LANGUAGES) {
    const table = texts(strings(l));
    assert.deepEqual([...table.keys()].sort(), reference, `${l}: keys`);
    for (const [k, v] of table) assert.ok(v.replace(/<[^>]*>/g, '').trim().length > 0, `${l}.${k} is empty`);
  }
});

test('translated tables are translations, not copies of the English words', () => {
  // Brand names (share networks) and words spelt alike ("Provenance", "Pagination", "Total") may match English.
  const same = (l: string) => [...texts(strings(l))].filter(([k, v]) => !k.startsWith('shareLabels.') && v === texts(en).get(k)).map(([k]) => k);
  for (const l of INTERFACE_LANGUAGES.filter((x) => x !== 'en')) assert.ok(same(l).length <= 8, `${l} copies English: ${same(l).join(', ')}`);
});

test('plural forms and typography of the new languages', () => {
  assert.equal(strings('es').searchCount(1, true), '1 resultado');
  assert.equal(strings('es').searchCount(3, true), '3 resultados');
  assert.equal(strings('de').searchCount(1200, true), '1.200 Treffer');
  assert.equal(strings('de').searchNone('Rat'), 'Kein Artikel passt zu „Rat“.');
  assert.equal(strings('ar').searchCount(2, true), 'نتيجتان');
  assert.equal(strings('ar').searchCount(5, true), '5 نتائج');
  assert.equal(strings('ar').searchCount(11, true), '11 نتيجة');
});

test('right-to-left languages', () => {
  for (const l of ['ar', 'he', 'fa', 'ur', 'ar-EG']) assert.equal(textDirection(l), 'rtl', l);
  for (const l of ['fr', 'en', 'es', 'de', 'tr']) assert.equal(textDirection(l), 'ltr', l);
});
