import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../context.ts';
import { openTestContext } from '../publish/test-context.ts';
import { unitsPage } from '../store/tm.ts';
import { exportTmxText, importTmx } from './tmx.ts';
import { readTmx } from './tmx-read.ts';

const ATTACKS = new URL('../../../shared/corpora/xml-attacks/', import.meta.url).pathname;

let a: AppContext;
let b: AppContext;
before(async () => {
  a = await openTestContext();
  b = await openTestContext();
});
after(async () => {
  await a.store.close();
  await b.store.close();
});

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
<header creationtool="OmegaT" creationtoolversion="6" segtype="sentence" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="en-GB" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="en-GB"><seg>The <bpt i="1" x="1">&lt;a&gt;</bpt>report<ept i="1">&lt;/a&gt;</ept> was late.<ph x="2">&lt;br/&gt;</ph></seg></tuv>
<tuv xml:lang="fr-FR"><seg>Le <bpt i="1" x="1">&lt;a&gt;</bpt>rapport<ept i="1">&lt;/a&gt;</ept> était en retard.<ph x="2">&lt;br/&gt;</ph></seg></tuv>
<tuv xml:lang="de"><seg>Der Bericht kam &amp; spät.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>  Two   words  </seg></tuv><tuv xml:lang="fr"><seg>Deux <hi>mots</hi></seg></tuv></tu>
<tu><tuv xml:lang="fr"><seg>Sans source</seg></tuv></tu>
</body>
</tmx>`;

async function memory(ctx: AppContext, pair: string) {
  return (await unitsPage(ctx.store.db, pair, 0, 1000)).map((u) => [u.source_text, u.target_text]).sort();
}

test('TMX import (inline codes as placeholders, languages to primary tags), export, import again: the same memory', async () => {
  const r = await importTmx(a, TMX);
  assert.deepEqual(r, { read: 3, added: 3, skipped: 1, byPair: { 'en>fr': { read: 2, added: 2 }, 'en>de': { read: 1, added: 1 } } });
  assert.deepEqual(await memory(a, 'en>fr'), [
    ['The <1>report</1> was late.<2/>', 'Le <1>rapport</1> était en retard.<2/>'],
    ['Two words', 'Deux mots'],
  ]);
  assert.deepEqual(await memory(a, 'en>de'), [['The <1>report</1> was late.<2/>', 'Der Bericht kam & spät.']]);
  const out = await exportTmxText(a, 'en', 'fr');
  assert.match(out, /<tmx version="1.4">/);
  assert.match(out, /<bpt i="1" x="1">&lt;1&gt;<\/bpt>report<ept i="1">&lt;\/1&gt;<\/ept>/);
  assert.equal((await importTmx(b, out)).added, 2);
  assert.deepEqual(await memory(b, 'en>fr'), await memory(a, 'en>fr'));
  assert.equal(await exportTmxText(b, 'en', 'fr').then((t) => t.replace(/creationdate="[^"]*"/g, '')), out.replace(/creationdate="[^"]*"/g, ''));
  assert.equal((await importTmx(a, out)).added, 0, 'importing again adds nothing');
});

test('malformed TMX is refused with a clear message, nothing stored', async () => {
  const cases: [string, RegExp][] = [
    ['', /empty/],
    ['<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>x</seg></tuv></body></tmx>', /not well-formed/],
    ['<html><body>no</body></html>', /root element is <html>/],
    ['<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY e "boom">]><tmx><body/></tmx>', /internal subset/],
    ['<tmx><body><tu><tuv xml:lang="en"><seg>&eacute;</seg></tuv></tu></body></tmx>', /undefined entity/],
    [`<tmx>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</tmx>`, /nesting deeper than 32/],
  ];
  for (const [doc, why] of cases) await assert.rejects(importTmx(a, doc), (e: Error) => why.test(e.message) && /^TMX refused/.test(e.message), doc.slice(0, 60));
  assert.throws(() => readTmx('<tmx/>'.padEnd(2000, ' '), { maxBytes: 1000 }), /larger than 1000 bytes/);
  assert.throws(() => readTmx(Buffer.from([0x3c, 0x74, 0x6d, 0x78, 0x3e, 0xe9, 0x3c, 0x2f, 0x74, 0x6d, 0x78, 0x3e])), /not UTF-8/);
});

test('hostile XML corpus: every attack refused or read without expansion, no file content, bounded', { skip: !existsSync(ATTACKS) && 'needs ../shared/corpora/xml-attacks' }, async () => {
  const manifest = JSON.parse(readFileSync(join(ATTACKS, 'manifest.json'), 'utf8')) as { file: string; kind: string }[];
  const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8').split('\n')[0] : 'root:x:0:0';
  let refused = 0;
  for (const { file } of manifest) {
    if (!/\.(xml|svg)$/.test(file)) continue;
    const bytes = readFileSync(join(ATTACKS, file));
    let result: ReturnType<typeof readTmx> | Error;
    try {
      result = readTmx(bytes);
    } catch (err) {
      result = err as Error;
    }
    if (result instanceof Error) {
      assert.match(result.message, /^TMX refused: /, file);
      refused++;
      continue;
    }
    const text = JSON.stringify(result);
    assert.ok(!text.includes(passwd), `${file}: no file content`);
    assert.ok((text.match(/lol/g) ?? []).length < 20, `${file}: no entity expansion`);
  }
  assert.ok(refused >= 10, `most of the corpus is refused (${refused})`);
});
