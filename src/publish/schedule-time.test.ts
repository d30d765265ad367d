// Scheduling compares instants, and a year outside 1900..2200 is refused (ISO text of a six-digit year
// sorts before "2026", so string comparison once published "+010000" at once).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../domain/accounts.ts';
import { openTestContext } from './test-context.ts';
import { createArticle, publishArticle } from './articles.ts';

const EDITOR: Actor = { kind: 'system', name: 'test' };

test('publishing at an absurd year is a clear 400; a far but sane date is scheduled, not published', async () => {
  const ctx = await openTestContext({ now: () => new Date('2026-03-01T10:00:00Z') });
  try {
    const a = await createArticle(ctx, { language: 'en', title: 'Later', bodyHtml: '<p>Text.</p>' }, EDITOR);
    for (const at of ['+010000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '2201-01-01T00:00:00Z']) {
      await assert.rejects(publishArticle(ctx, a.id, EDITOR, at), (e: Error & { status?: number; field?: string }) => {
        assert.equal(e.status, 400);
        assert.equal(e.field, 'publishedAt');
        assert.match(e.message, /between 1900 and 2200/);
        return true;
      });
    }
    const later = await publishArticle(ctx, a.id, EDITOR, '2199-06-01T00:00:00+02:00');
    assert.equal(later.status, 'scheduled');
    assert.equal(later.publishedAt, '2199-05-31T22:00:00.000Z');
    await assert.rejects(createArticle(ctx, { language: 'en', title: 'Odd', bodyHtml: '<p>x</p>', status: 'scheduled', publishedAt: '+010000-01-01T00:00:00Z' }, EDITOR), /between 1900 and 2200/);
  } finally {
    await ctx.store.close();
  }
});
