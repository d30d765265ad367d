// Every string key the article and media screens ask for exists in French and in English, and the two
// tables have the same keys (a missing key would show the key itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { ARTICLE_STRINGS } from './strings.ts';
import { MEDIA_STRINGS } from '../media/strings.ts';

const folders = [new URL('./', import.meta.url), new URL('../media/', import.meta.url)];
const PREFIXES = 'list|bulk|editor|conflict|diff|rev|wf|status|media';

function keysUsed(): Map<string, string> {
  const used = new Map<string, string>();
  for (const dir of folders)
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && n !== 'strings.ts')) {
      const src = readFileSync(new URL(f, dir), 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([a-z]+\.[\w.-]+)'/g)) used.set(m[1], f);
      for (const m of src.matchAll(new RegExp(`'((?:${PREFIXES})\\.[a-zA-Z.]+)'`, 'g'))) used.set(m[1], f);
      for (const m of src.matchAll(/t\(\s*`([a-z]+\.[\w.]*)\$\{/g)) used.set(m[1] + '*', f);
    }
  return used;
}

test('the fr and en tables have the same keys', () => {
  for (const s of [ARTICLE_STRINGS, MEDIA_STRINGS]) assert.deepEqual(Object.keys(s.fr).sort(), Object.keys(s.en).sort());
});

test('every key the article and media screens use is in both tables', () => {
  const en = { ...ARTICLE_STRINGS.en, ...MEDIA_STRINGS.en };
  const fr = { ...ARTICLE_STRINGS.fr, ...MEDIA_STRINGS.fr };
  const used = keysUsed();
  assert.ok(used.size > 150, `found ${used.size} keys: the scan works`);
  for (const [key, file] of used) {
    if (key.endsWith('*')) {
      assert.ok(Object.keys(en).some((k) => k.startsWith(key.slice(0, -1))), `${file}: no key starts with ${key.slice(0, -1)}`);
      continue;
    }
    assert.ok(key in en, `${file}: "${key}" missing in en`);
    assert.ok(key in fr, `${file}: "${key}" missing in fr`);
  }
  for (const s of ['draft', 'review', 'scheduled', 'published']) assert.ok(`status.${s}` in en);
  for (const k of ['h2', 'h3', 'bold', 'italic', 'link', 'bullets', 'numbers', 'quote', 'image', 'embed']) assert.ok(`editor.tool.${k}` in en, k);
  for (const k of ['self', 'original', 'self-noindex']) assert.ok(`editor.canonical.${k}` in fr, k);
  for (const k of ['save', 'autosave', 'publish', 'schedule', 'unpublish', 'submit', 'restore', 'import', 'conflict']) assert.ok(`rev.kind.${k}` in fr, k);
});
