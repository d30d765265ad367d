// Every string key the import, feeds, inbox, people, sections and outlets screens ask for exists in French
// and in English (a missing key would show the key itself), and the two tables have the same keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { INGEST_STRINGS } from './strings.ts';
import { PEOPLE_STRINGS } from '../people/strings.ts';

const folders = [new URL('./', import.meta.url), new URL('../people/', import.meta.url)];

function keysUsed(): Map<string, string> {
  const used = new Map<string, string>();
  for (const dir of folders)
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && n !== 'strings.ts')) {
      const src = readFileSync(new URL(f, dir), 'utf8');
      // t('key'), t(`prefix.${x}`) (checked by prefix), and keys passed around as 'area.word' literals.
      for (const m of src.matchAll(/\bt\(\s*'([a-z]+\.[\w.]+)'/g)) used.set(m[1], f);
      // (not permission names such as app.can('feeds.manage'), which share a prefix)
      for (const m of src.matchAll(/(?<!can\(\s*)'((?:import|feeds|opml|inbox|people|sections|outlets)\.[a-zA-Z.]+)'/g)) used.set(m[1], f);
      for (const m of src.matchAll(/t\(\s*`([a-z]+\.[\w.]*)\$\{/g)) used.set(m[1] + '*', f);
    }
  return used;
}

test('the fr and en tables have the same keys', () => {
  for (const s of [INGEST_STRINGS, PEOPLE_STRINGS]) assert.deepEqual(Object.keys(s.fr).sort(), Object.keys(s.en).sort());
});

test('every key the screens use is in both tables', () => {
  const all = { ...INGEST_STRINGS.en, ...PEOPLE_STRINGS.en };
  const fr = { ...INGEST_STRINGS.fr, ...PEOPLE_STRINGS.fr };
  const used = keysUsed();
  assert.ok(used.size > 100, `found ${used.size} keys: the scan works`);
  for (const [key, file] of used) {
    if (key.endsWith('*')) {
      const prefix = key.slice(0, -1);
      assert.ok(Object.keys(all).some((k) => k.startsWith(prefix)), `${file}: no key starts with ${prefix}`);
      continue;
    }
    assert.ok(key in all, `${file}: "${key}" missing in en`);
    assert.ok(key in fr, `${file}: "${key}" missing in fr`);
  }
  for (const s of ['new', 'imported', 'dismissed', 'all']) assert.ok(`inbox.state.${s}` in all);
  for (const s of ['active', 'paused']) assert.ok(`feeds.status.${s}` in all);
});
