// Import keeps an imported page's Content Credentials: verified at import, shown in the credits, and the
// page's manifest becomes the ingredient (a signed hop) of the article Relais publishes from it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../app.ts';
import { importFromHtml, importFromPaste } from '../ingest/import/index.ts';
import { openTestContext } from '../publish/test-context.ts';
import { publishArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { resolveCredits } from '../provenance/credits.ts';
import { findImportedCredentials } from '../store/imported-credentials.ts';
import { signHtml } from './html.ts';
import { signText } from './text.ts';
import { verifyAsset } from './verify.ts';
import { testCredentials } from './test-support.ts';
import type { ManifestSpec } from './spec.ts';

// Certificates are made now: the import's clock is the real one, within their validity.
const NOW = new Date();
const ctx = await openTestContext({ now: () => NOW });
after(() => ctx.store.close());
// The outside outlet signs with its own development CA; this site trusts that CA too.
const outside = await testCredentials('Gazette du Val');
const ours = await testCredentials('Relais Test');
ctx.credentials = { ...ours.credentials, anchors: [...ours.credentials.anchors, ...outside.credentials.anchors] };

const paragraph = 'Le conseil municipal a voté mardi la réouverture du pont des Tanneurs aux piétons, après deux ans de travaux sur ses piles et son tablier. ';
const spec: ManifestSpec = {
  title: 'Le pont des Tanneurs rouvert', url: 'https://gazette.example/pont', language: 'fr', format: 'text/html', instanceId: 'xmp:iid:gazette-1',
  kind: 'original', authors: ['Lina Marchal'], translators: [], editor: null, publisher: 'Gazette du Val', licence: 'CC BY 4.0',
  fromLanguage: null, updated: false, publishedAt: '2026-02-28T08:00:00Z', ingredients: [],
};
const page = Buffer.from(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Le pont des Tanneurs rouvert</title>
<meta name="author" content="Lina Marchal"></head><body><article><h1>Le pont des Tanneurs rouvert</h1>
${[1, 2, 3, 4].map((i) => `<p>${paragraph.repeat(2)}(${i})</p>`).join('\n')}</article></body></html>`);
const signed = await signHtml(page, spec, outside.credentials.signer, { manifestUrl: 'https://gazette.example/pont.c2pa' });

test('an imported signed page: verified, kept, shown in the credits, and a signed hop of what Relais publishes', async () => {
  const outcome = await importFromHtml(ctx, signed.page.toString(), 'https://gazette.example/pont');
  assert.equal(outcome.kind, 'created');
  const id = outcome.article.id;
  const kept = await findImportedCredentials(ctx.store.db, id);
  assert.equal(kept?.status, 'intact');
  assert.deepEqual(kept.store, signed.store);
  const credits = await resolveCredits(ctx.store.db, ctx.site, outcome.article);
  assert.match(credits.chain.find((l) => l.credentials)?.credentials?.summary ?? '', /^signed by Gazette du Val .*, intact$/);

  await publishArticle(ctx, id, SYSTEM);
  const app = await buildApp(ctx);
  try {
    const res = await app.inject({ url: `/${outcome.article.language}/${outcome.article.slug}` });
    assert.match(res.body, /class="credit-c2pa" data-status="intact"/);
    const v = await verifyAsset({ bytes: res.rawPayload, mimeType: 'text/html', trustAnchors: ctx.credentials!.anchors });
    assert.equal(v.status, 'intact', v.summary);
    assert.equal(v.hops.length, 2);
    assert.match(v.hops[1].signer?.name ?? '', /^Gazette du Val/);
    assert.equal(v.hops[1].signatureValid, true);
  } finally {
    await app.close();
  }
});

test('a page changed after signing is imported with "signature broken: changed after signing"', async () => {
  const changed = signed.page.toString().replace('(2)', '(2) Et une phrase ajoutée après la signature.').replace('pont des Tanneurs rouvert</h1>', 'pont des Tanneurs rouvert enfin</h1>');
  const outcome = await importFromHtml(ctx, changed, 'https://gazette.example/pont-bis');
  const kept = await findImportedCredentials(ctx.store.db, outcome.article.id);
  assert.equal(kept?.status, 'changed');
  const credits = await resolveCredits(ctx.store.db, ctx.site, outcome.article);
  assert.match(credits.chain.find((l) => l.credentials)?.credentials?.summary ?? '', /signature broken: changed after signing/);
});

test('pasted text carrying the wrapper is verified at import too', async () => {
  const text = `Le marché passe au dimanche\n\nPar Lina Marchal\n\n${paragraph.repeat(4)}\n\nSource : https://gazette.example/marche\n`;
  const t = await signText(text, { ...spec, format: 'text/plain', instanceId: 'xmp:iid:gazette-2', title: 'Le marché passe au dimanche' }, outside.credentials.signer);
  const outcome = await importFromPaste(ctx, t.text);
  const kept = await findImportedCredentials(ctx.store.db, outcome.article.id);
  assert.equal(kept?.status, 'intact', kept?.summary);
});
