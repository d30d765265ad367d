import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCliHarness } from '../cli/test-cli.ts';
import { loadConfig } from '../config.ts';
import { createArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { bodyHtml, HARBOUR, HARBOUR_FR, HARBOUR_OTHER, ORCHARD } from './testdata/articles.ts';

test('relais copies match FILE... --json: one line per file, only the copies, best first', async () => {
  const h = await openCliHarness();
  try {
    const store = await h.openStore();
    const ctx = { store, site: loadConfig(h.env).site, now: () => new Date(), mediaDir: h.dataDir, cacheDir: h.dataDir };
    const harbour = await createArticle(ctx, { language: 'en', title: HARBOUR.title, bodyHtml: bodyHtml(HARBOUR.paragraphs), status: 'published' }, SYSTEM);
    const orchard = await createArticle(ctx, { language: 'en', title: ORCHARD.title, bodyHtml: bodyHtml(ORCHARD.paragraphs), status: 'published' }, SYSTEM);
    await store.close();
    const files = {
      page: join(h.dataDir, 'page.html'),
      text: join(h.dataDir, 'excerpt.txt'),
      other: join(h.dataDir, 'other.txt'),
      fr: join(h.dataDir, 'fr.html'),
    };
    // A page holding the whole harbour story and the orchard story's first paragraphs: both, harbour first.
    writeFileSync(files.page, `<!doctype html><html><head><title>Digest</title></head><body><h1>Digest</h1>${bodyHtml(HARBOUR.paragraphs)}${bodyHtml(ORCHARD.paragraphs.slice(0, 2))}</body></html>`);
    writeFileSync(files.text, HARBOUR.paragraphs.slice(0, 2).join('\n\n'));
    writeFileSync(files.other, HARBOUR_OTHER.paragraphs.join('\n\n'));
    writeFileSync(files.fr, `<!doctype html><html lang="fr"><body><article>${bodyHtml(HARBOUR_FR)}</article></body></html>`);
    const r = await h.run(['copies', 'match', files.page, files.text, files.other, files.fr, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.file), [files.page, files.text, files.other, files.fr]);
    const site = loadConfig(h.env).site.baseUrl;
    assert.deepEqual(lines[0].matches.map((m: any) => m.articleId), [harbour.id, orchard.id]);
    assert.ok(lines[0].matches[0].similarity >= lines[0].matches[1].similarity);
    assert.deepEqual(Object.keys(lines[0].matches[0]), ['articleId', 'url', 'similarity', 'language']);
    assert.deepEqual({ ...lines[1].matches[0], similarity: 0 }, { articleId: harbour.id, url: `${site}/en/${harbour.slug}`, similarity: 0, language: 'en' });
    assert.deepEqual(lines[2].matches, []);
    assert.deepEqual(lines[3].matches.map((m: any) => [m.articleId, m.language]), [[harbour.id, 'en']]);

    const missing = await h.run(['copies', 'match', join(h.dataDir, 'nope.txt'), '--json']);
    assert.equal(missing.code, 1);
    assert.match(JSON.parse(missing.stdout).error, /ENOENT|no such file/);
    const usage = await h.run(['copies', 'match']);
    assert.equal(usage.code, 2);
  } finally {
    await h.close();
  }
});
