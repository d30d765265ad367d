// Every string key the translate screens ask for exists in French and in English, and the two tables have
// the same keys (a missing key would show the key itself). Keys built at run time (`tr.status.${s}`) are
// checked against the statuses and segment kinds the server knows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { TRANSLATE_STRINGS } from './strings.ts';
import { SEGMENT_STATUSES, TRANSLATION_STATUSES } from '../../../domain/translation.ts';
import { SEGMENT_KINDS } from '../../../domain/translation.ts';

const dir = new URL('./', import.meta.url);
const SHELL_KEYS = /^(role|nav|shell)\./; // the shell's own tables

function keysUsed(): Set<string> {
  const used = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && n !== 'strings.ts')) {
    const src = readFileSync(new URL(f, dir), 'utf8');
    for (const m of src.matchAll(/\bt\(\s*'([a-z]+\.[\w.-]+)'/g)) if (!m[1].endsWith('.')) used.add(m[1]); // 'tr.status.' + s: checked below
    for (const m of src.matchAll(/'(tr\.sc\.[a-z]+)'/g)) used.add(m[1]);
  }
  return used;
}

test('the fr and en tables have the same keys, none empty', () => {
  assert.deepEqual(Object.keys(TRANSLATE_STRINGS.fr).sort(), Object.keys(TRANSLATE_STRINGS.en).sort());
  for (const table of [TRANSLATE_STRINGS.fr, TRANSLATE_STRINGS.en]) for (const [k, v] of Object.entries(table)) assert.ok(v.trim(), k);
});

test('every key the translate screens use is in both tables', () => {
  const used = [...keysUsed()].filter((k) => !SHELL_KEYS.test(k) || k.startsWith('nav.translations') || k.startsWith('nav.myWork') || k.startsWith('nav.notices'));
  assert.ok(used.length > 50, `found ${used.length} keys`);
  for (const k of used) {
    assert.ok(k in TRANSLATE_STRINGS.en, `en lacks ${k}`);
    assert.ok(k in TRANSLATE_STRINGS.fr, `fr lacks ${k}`);
  }
});

test('every workflow status, segment status and segment kind has a name', () => {
  for (const table of [TRANSLATE_STRINGS.fr, TRANSLATE_STRINGS.en]) {
    for (const s of TRANSLATION_STATUSES) assert.ok(table[`tr.status.${s}`], s);
    for (const s of SEGMENT_STATUSES) assert.ok(table[`tr.seg.${s}`], s);
    for (const k of SEGMENT_KINDS) assert.ok(table[`tr.kind.${k}`], k);
  }
});
