import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestContext } from '../publish/test-context.ts';
import { createArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { importFromHtml } from '../ingest/import/index.ts';
import { listFoundCopies } from '../store/copies-found.ts';
import { findCopies } from './match.ts';
import { suspectFromText } from './suspect.ts';
import { bodyHtml, HARBOUR, ORCHARD } from './testdata/articles.ts';

test('an imported page is checked against the index, and its original is indexed in turn', async () => {
  const ctx = await openTestContext();
  const harbour = await createArticle(ctx, { language: 'en', title: HARBOUR.title, bodyHtml: bodyHtml(HARBOUR.paragraphs), status: 'published' }, SYSTEM);
  const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
  const copied = await importFromHtml(ctx, page('Sea wall', bodyHtml(HARBOUR.paragraphs)), 'https://copier.example/sea-wall');
  const found = await listFoundCopies(ctx.store.db, { articleId: harbour.id });
  assert.deepEqual(found.map((c) => [c.source, c.url, c.flagged]), [['import', 'https://copier.example/sea-wall', true]]);

  const orchard = await importFromHtml(ctx, page(ORCHARD.title, bodyHtml(ORCHARD.paragraphs)), 'https://orchards.example/lautrec');
  assert.equal(orchard.article.status, 'draft');
  const m = await findCopies(ctx.store.db, suspectFromText(ORCHARD.paragraphs.slice(0, 2).join('\n')));
  assert.deepEqual(m.map((x) => [x.articleId, x.kind]), [[orchard.article.id, 'original']], 'the draft is not indexed, its original is');
  assert.notEqual(copied.article.id, harbour.id);
  await ctx.store.close();
});
