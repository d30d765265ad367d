import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { openTestContext } from './test-context.ts';
import { actorOf, SYSTEM } from './test-actors.ts';
import { createArticle, publishArticle, removeArticle, unpublishArticle } from './articles.ts';
import { addCorrection } from './corrections.ts';
import { articleRevisions, restoreRevision } from './revisions.ts';
import { findArticleById } from '../store/articles.ts';
import { listAudit } from '../store/audit.ts';

let clock = new Date('2026-03-01T09:00:00.000Z');
let ctx: AppContext;
let editor: Actor & { kind: 'user' };
const tick = (ms = 1000) => (clock = new Date(clock.getTime() + ms));
const draft = (title: string) => ({ language: 'en', title, bodyHtml: `<p>${title}.</p>` });
const auditOf = async (id: number) => (await listAudit(ctx.store.db, { page: 1, pageSize: 100 })).items.filter((e) => e.target === `article:${id}`);

before(async () => {
  ctx = await openTestContext({ now: () => clock });
  editor = await actorOf(ctx, 'editor', { name: 'Eda' });
});
after(async () => ctx.store.close());

test('publish with a future time schedules; now publishes; unpublish goes back to draft; each is audited and a revision', async () => {
  const a = await createArticle(ctx, draft('Scheduled story'), editor);
  const later = new Date(clock.getTime() + 3600_000).toISOString();
  const scheduled = await publishArticle(ctx, a.id, editor, later);
  assert.equal(scheduled.status, 'scheduled');
  assert.equal(scheduled.publishedAt, later);
  tick();
  const published = await publishArticle(ctx, a.id, editor);
  assert.equal(published.status, 'published');
  assert.equal(published.publishedAt, clock.toISOString());
  tick();
  const back = await unpublishArticle(ctx, a.id, editor);
  assert.equal(back.status, 'draft');
  assert.equal(back.publishedAt, null);
  assert.equal(back.updatedAt, clock.toISOString());
  await assert.rejects(unpublishArticle(ctx, a.id, editor), (e: Error & { status?: number }) => e.status === 409);
  const audit = await auditOf(a.id);
  assert.deepEqual(audit.map((e) => e.action), ['article.unpublish', 'article.publish', 'article.schedule']);
  assert.ok(audit.every((e) => e.userId === editor.user.id && e.actor === `user:${editor.user.id}`));
  assert.equal(audit[2].detail.publishedAt, later);
  assert.deepEqual((await articleRevisions(ctx, a.id, editor)).map((r) => [r.kind, r.version]), [['unpublish', 4], ['publish', 3], ['schedule', 2], ['save', 1]]);
});

test('a correction note is dated, bumps updatedAt, shows in the read model, is audited; drafts take none', async () => {
  const a = await createArticle(ctx, { ...draft('Corrected story'), status: 'published' }, editor);
  await assert.rejects(addCorrection(ctx, (await createArticle(ctx, draft('Still a draft'), editor)).id, 'x', editor), /published article/);
  await assert.rejects(addCorrection(ctx, a.id, '   ', editor), /text is required/);
  tick(60_000);
  const c = await addCorrection(ctx, a.id, 'An earlier version gave the wrong date.', editor);
  assert.deepEqual(c, { id: c.id, at: clock.toISOString(), text: 'An earlier version gave the wrong date.' });
  const stored = (await findArticleById(ctx.store.db, a.id))!;
  assert.equal(stored.updatedAt, clock.toISOString());
  assert.deepEqual(stored.corrections, [c]);
  assert.equal(stored.version, a.version, 'a note is not an edit of the text: open editors do not conflict');
  assert.equal((await auditOf(a.id))[0].action, 'article.correct');
});

test('delete and restore are audited; a refused delete leaves neither the change nor an audit row', async () => {
  const source = await createArticle(ctx, draft('Source'), SYSTEM);
  const tr = await createArticle(ctx, { ...draft('Translation'), language: 'fr', provenance: { translationOfId: source.id } }, SYSTEM);
  await assert.rejects(removeArticle(ctx, source.id, editor), /source of/);
  assert.deepEqual(await auditOf(source.id), []);
  const [rev] = await articleRevisions(ctx, tr.id, editor);
  await restoreRevision(ctx, tr.id, rev.id, editor);
  const restore = (await auditOf(tr.id))[0];
  assert.equal(restore.action, 'article.restore');
  assert.equal(restore.detail.revision, rev.id);
  await removeArticle(ctx, tr.id, editor);
  const gone = (await auditOf(tr.id))[0];
  assert.equal(gone.action, 'article.delete');
  assert.equal(gone.detail.title, 'Translation');
  assert.equal(await findArticleById(ctx.store.db, tr.id), null);
});
