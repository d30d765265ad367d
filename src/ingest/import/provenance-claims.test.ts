// A page's rel=canonical on another host is the page's claim, not proof: the fetched address stays the source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestContext } from '../../publish/test-context.ts';
import { findArticleById } from '../../store/articles.ts';
import { findOutletById } from '../../store/outlets.ts';
import { importFromHtml } from './index.ts';

const pageWith = (canonical: string): string => `<!doctype html><html lang="en"><head><title>Storm closes the harbour</title>
<link rel="canonical" href="${canonical}"></head><body><article><h1>Storm closes the harbour</h1>
<p>The harbour closed on Tuesday as the storm reached the coast, and the ferries stayed in port until the evening tide.</p>
<p>Fishermen moved their boats to the inner basin; the harbour master expects to reopen on Thursday morning.</p></article></body></html>`;

test('a canonical on another host is recorded as a claim; the fetched address stays the original', async () => {
  const ctx = await openTestContext();
  try {
    const o = await importFromHtml(ctx, pageWith('https://www.big-outlet.example/2026/storm'), 'https://copier.example/storm');
    assert.equal(o.kind, 'created');
    const a = (await findArticleById(ctx.store.db, o.article.id))!;
    assert.equal(a.provenance.original?.url, 'https://copier.example/storm');
    const outlet = await findOutletById(ctx.store.db, a.provenance.original!.outletId!);
    assert.equal(outlet?.homeUrl, 'https://copier.example/');
    assert.ok(o.notes?.some((n) => n.includes('https://www.big-outlet.example/2026/storm') && /claim/.test(n)), JSON.stringify(o.notes));
  } finally {
    await ctx.store.close();
  }
});

test('a canonical on the same host (with or without www) is the original address', async () => {
  const ctx = await openTestContext();
  try {
    const o = await importFromHtml(ctx, pageWith('https://outlet.example/2026/storm'), 'https://www.outlet.example/storm?utm=x');
    const a = (await findArticleById(ctx.store.db, o.article.id))!;
    assert.equal(a.provenance.original?.url, 'https://outlet.example/2026/storm');
  } finally {
    await ctx.store.close();
  }
});

test('a javascript: canonical is ignored with a note, not "name is required"', async () => {
  const ctx = await openTestContext();
  try {
    const o = await importFromHtml(ctx, pageWith('javascript:alert(1)'), 'https://outlet.example/storm');
    assert.equal(o.kind, 'created');
    const a = (await findArticleById(ctx.store.db, o.article.id))!;
    assert.equal(a.provenance.original?.url, 'https://outlet.example/storm');
    assert.ok(o.notes?.some((n) => /ignored/.test(n)), JSON.stringify(o.notes));
    const bare = await importFromHtml(ctx, pageWith('javascript:alert(2)').replaceAll('harbour', 'port'), null);
    assert.equal(bare.kind, 'created');
  } finally {
    await ctx.store.close();
  }
});
