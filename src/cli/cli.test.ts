import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openCliHarness, type CliHarness } from './test-cli.ts';
import { checkApiToken } from '../store/tokens.ts';
import { queryArticles } from '../store/articles.ts';

let cli: CliHarness;
before(async () => {
  cli = await openCliHarness();
});
after(async () => cli.close());

async function tableCounts() {
  const store = await cli.openStore();
  try {
    const out: Record<string, number> = {};
    for (const t of ['articles', 'people', 'sections', 'outlets', 'provenance', 'article_people']) {
      const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(store.db);
      out[t] = Number(r.rows[0].n);
    }
    return out;
  } finally {
    await store.close();
  }
}

test('relais --help lists the commands; each command has --help; unknown commands fail', async () => {
  const help = await cli.run(['--help']);
  assert.equal(help.code, 0);
  for (const c of ['serve', 'init-demo', 'import-json', 'token', 'extract']) assert.match(help.stdout, new RegExp(`\\b${c}\\b`));
  for (const c of ['serve', 'init-demo', 'import-json', 'token', 'extract']) {
    const r = await cli.run([c, '--help']);
    assert.equal(r.code, 0, `${c} --help: ${r.stderr}`);
    assert.match(r.stdout, new RegExp(`usage: relais ${c}`));
  }
  const unknown = await cli.run(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command "frobnicate"/);
  const badOption = await cli.run(['init-demo', '--frobnicate']);
  assert.equal(badOption.code, 2);
  assert.match(badOption.stderr, /Unknown option '--frobnicate'/);
});

test('token create prints a working token once', async () => {
  const r = await cli.run(['token', 'create', 'newsroom-bot']);
  assert.equal(r.code, 0, r.stderr);
  const token = r.stdout.trim();
  assert.match(token, /^rl_[A-Za-z0-9_-]{40,}$/);
  assert.match(r.stderr, /cannot be shown again/);
  const store = await cli.openStore();
  try {
    assert.equal((await checkApiToken(store.db, token, new Date()))?.name, 'newsroom-bot');
    const rows = await store.db.selectFrom('api_tokens').select('token_hash').execute();
    assert.ok(rows.every((row) => !row.token_hash.includes(token)), 'only the hash is stored');
  } finally {
    await store.close();
  }
  const noName = await cli.run(['token', 'create']);
  assert.equal(noName.code, 2);
  assert.match(noName.stderr, /needs exactly one name/);
});

test('import-json imports a good file, and a bad file changes nothing', async () => {
  const good = join(cli.dataDir, 'good.json');
  writeFileSync(
    good,
    JSON.stringify({
      sections: [{ slug: 'valley', name: 'Vallée', names: { fr: 'Vallée', en: 'Valley' } }],
      people: [{ key: 'mae', name: 'Mae Inkwell', bio: 'Writes about the valley.' }],
      outlets: [{ key: 'valley-times', name: 'Valley Times', homeUrl: 'https://valley-times.example/', language: 'en' }],
      articles: [
        { key: 'orig', language: 'en', title: 'Ferry returns', bodyHtml: '<p>The ferry is back.</p>', sections: ['valley'], authors: ['mae'], status: 'published', publishedAt: '2026-01-05T09:00:00Z' },
        {
          key: 'fr',
          language: 'fr',
          title: 'Le bac revient',
          bodyHtml: '<p>Le bac est de retour.</p>',
          sections: ['valley'],
          authors: ['mae'],
          status: 'published',
          publishedAt: '2026-01-06T09:00:00Z',
          provenance: { translationOf: 'orig', original: { url: 'https://valley-times.example/ferry', outlet: 'valley-times', authorNames: ['Mae Inkwell'], language: 'en' } },
        },
      ],
    }),
  );
  const ok = await cli.run(['import-json', good]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /Imported 1 sections, 1 people, 1 outlets and 2 articles/);
  const afterGood = await tableCounts();
  assert.equal(afterGood.articles, 2);
  assert.equal(afterGood.people, 1);

  const bad = join(cli.dataDir, 'bad.json');
  writeFileSync(
    bad,
    JSON.stringify({
      sections: [{ slug: 'hills', name: 'Collines' }],
      people: [{ key: 'bo', name: 'Bo Pencil' }],
      outlets: [{ key: 'hill-news', name: 'Hill News', homeUrl: 'https://hill-news.example/' }],
      articles: [
        { key: 'one', language: 'en', title: 'Good one', bodyHtml: '<p>fine</p>', authors: ['bo'], sections: ['hills'] },
        { key: 'two', language: 'fr', title: 'Bonne aussi', bodyHtml: '<p>bien</p>', provenance: { translationOf: 'one' } },
        { key: 'three', language: 'en', title: 'Bad date', bodyHtml: '<p>x</p>', status: 'published', publishedAt: 'yesterday-ish' },
      ],
    }),
  );
  const refused = await cli.run(['import-json', bad]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /nothing changed/);
  assert.match(refused.stderr, /articles\[2\] \(key "three"\), field publishedAt/);
  assert.deepEqual(await tableCounts(), afterGood);

  const dangling = join(cli.dataDir, 'dangling.json');
  writeFileSync(dangling, JSON.stringify({ people: [{ key: 'cy', name: 'Cy' }], articles: [{ language: 'en', title: 'x', bodyHtml: 'x', authors: ['nobody'] }] }));
  const refused2 = await cli.run(['import-json', dangling]);
  assert.equal(refused2.code, 1);
  assert.match(refused2.stderr, /authors names "nobody"/);
  assert.deepEqual(await tableCounts(), afterGood);

  const notJson = join(cli.dataDir, 'not.json');
  writeFileSync(notJson, '{"articles": [');
  const broken = await cli.run(['import-json', notJson]);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /cannot read/);
  const missing = await cli.run(['import-json', join(cli.dataDir, 'missing.json')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no such file/);
  assert.deepEqual(await tableCounts(), afterGood);
});

test('init-demo fills sections, people and 30+ fr/en articles with the chain, and refuses to run twice', async () => {
  const r = await cli.run(['init-demo']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Demo content added/);
  const store = await cli.openStore();
  try {
    const { items } = await queryArticles(store.db, { limit: 1000, offset: 0 });
    const demo = items.filter((a) => a.image?.file.startsWith('demo/'));
    assert.ok(demo.length >= 30, `${demo.length} demo articles`);
    assert.ok(demo.filter((a) => a.language === 'fr').length >= 10);
    assert.ok(demo.filter((a) => a.language === 'en').length >= 10);
    const counts = await tableCounts();
    assert.ok(counts.sections >= 3 + 1, 'demo sections besides the imported one');
    assert.ok(counts.people >= 4 + 1);
    const rep = demo.find((a) => a.provenance.republicationOfId != null && a.canonicalPolicy === 'original' && a.language === 'fr');
    assert.ok(rep, 'the republication');
    const tr = demo.find((a) => a.id === rep.provenance.republicationOfId);
    assert.ok(tr && tr.language === 'fr' && tr.translatorIds.length > 0, 'the translation');
    assert.equal(tr.provenance.original?.language, 'en');
    assert.ok(tr.provenance.original?.outletId, 'the outside original');
  } finally {
    await store.close();
  }
  const before = await tableCounts();
  const again = await cli.run(['init-demo']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already in the database; use --force/);
  assert.deepEqual(await tableCounts(), before);
  const forced = await cli.run(['init-demo', '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.deepEqual(await tableCounts(), before);
});

test('extract delegates to the extraction module', async () => {
  const page = join(cli.dataDir, 'page.html');
  writeFileSync(
    page,
    '<!doctype html><html lang="en"><head><title>Kite festival</title></head><body><article><h1>Kite festival</h1>' +
      '<p>Hundreds of kites filled the sky above the dunes on Sunday, as the festival returned for a tenth year.</p>' +
      '<p>Organisers counted more than two hundred flyers, some of whom had travelled from the coast.</p></article></body></html>',
  );
  const r = await cli.run(['extract', page, '--url', 'https://kites.example/festival']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n')[0]);
  assert.match(String(out.title), /Kite festival/);
  const none = await cli.run(['extract']);
  assert.notEqual(none.code, 0);
});
