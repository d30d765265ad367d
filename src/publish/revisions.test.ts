import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { ConflictError } from '../domain/types.ts';
import { openTestContext } from './test-context.ts';
import { actorOf } from './test-actors.ts';
import { createArticle, editArticle, publishArticle } from './articles.ts';
import { articleRevision, articleRevisions, autosaveArticle, diffRevisions, restoreRevision } from './revisions.ts';
import { findArticleById } from '../store/articles.ts';

let clock = new Date('2026-03-01T09:00:00.000Z');
let ctx: AppContext;
let ann: Actor, bob: Actor;
const tick = (ms: number) => (clock = new Date(clock.getTime() + ms));
const body = (text: string) => ({ language: 'en', title: 'Floods', bodyHtml: `<p>${text}</p>` });

before(async () => {
  ctx = await openTestContext({ now: () => clock });
  ann = await actorOf(ctx, 'editor', { name: 'Ann' });
  bob = await actorOf(ctx, 'editor', { name: 'Bob' });
});
after(async () => ctx.store.close());

test('every save bumps the version; a save from an older version is refused with the difference, and kept', async () => {
  const a = await createArticle(ctx, body('The river rose.'), ann);
  assert.equal(a.version, 1);
  const annSave = await editArticle(ctx, a.id, body('The river rose two metres.'), ann, { expectedVersion: 1 });
  assert.equal(annSave.version, 2);
  const refused = await editArticle(ctx, a.id, body('The river rose overnight.'), bob, { expectedVersion: 1 }).then(
    () => assert.fail('a stale save must be refused'),
    (e: unknown) => e,
  );
  assert.ok(refused instanceof ConflictError);
  assert.equal(refused.status, 409);
  const { current, yours, diff, revisionId } = refused.conflict;
  assert.equal(current.version, 2);
  assert.equal(current.bodyHtml, '<p>The river rose two metres.</p>');
  assert.equal(yours.bodyHtml, '<p>The river rose overnight.</p>');
  assert.deepEqual(
    diff.body.filter((c) => c.op !== 'equal').map((c) => [c.op, c.text.trim()]),
    [['delete', 'two metres'], ['insert', 'overnight']],
  );
  // Nothing of the loser is lost: the refused text is a revision, and restoring it over v2 works.
  const kept = await articleRevision(ctx, a.id, revisionId!, bob);
  assert.equal(kept.kind, 'conflict');
  assert.equal(kept.snapshot.bodyHtml, '<p>The river rose overnight.</p>');
  assert.equal((await findArticleById(ctx.store.db, a.id))!.bodyHtml, '<p>The river rose two metres.</p>');
  const restored = await restoreRevision(ctx, a.id, revisionId!, bob, { expectedVersion: 2 });
  assert.equal(restored.bodyHtml, '<p>The river rose overnight.</p>');
  assert.equal(restored.version, 3);
});

test('of two concurrent saves of the same version exactly one wins', async () => {
  const a = await createArticle(ctx, body('Start.'), ann);
  const results = await Promise.allSettled([
    editArticle(ctx, a.id, body('Ann was here.'), ann, { expectedVersion: 1 }),
    editArticle(ctx, a.id, body('Bob was here.'), bob, { expectedVersion: 1 }),
  ]);
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.filter((r) => r.status === 'rejected');
  assert.equal(won.length, 1);
  assert.equal(lost.length, 1);
  assert.ok((lost[0] as PromiseRejectedResult).reason instanceof ConflictError);
  const stored = (await findArticleById(ctx.store.db, a.id))!;
  assert.equal(stored.version, 2);
  assert.equal(stored.bodyHtml, (won[0] as PromiseFulfilledResult<{ bodyHtml: string }>).value.bodyHtml);
  const kinds = (await articleRevisions(ctx, a.id, ann)).map((r) => r.kind);
  assert.deepEqual(kinds.sort(), ['conflict', 'save', 'save']);
});

test('autosaves of one person within ten minutes replace each other; another person or a later one adds a revision', async () => {
  const a = await createArticle(ctx, body('Draft one.'), ann);
  let r = await autosaveArticle(ctx, a.id, body('Draft one, typing'), ann, { expectedVersion: 1 });
  assert.equal(r.version, 2);
  tick(60_000);
  r = await autosaveArticle(ctx, a.id, body('Draft one, typing more'), ann, { expectedVersion: 2 });
  assert.equal(r.version, 3);
  let revs = await articleRevisions(ctx, a.id, ann);
  assert.deepEqual(revs.map((x) => [x.kind, x.version]), [['autosave', 3], ['save', 1]]);
  tick(11 * 60_000);
  await autosaveArticle(ctx, a.id, body('Later typing'), ann, { expectedVersion: 3 });
  await autosaveArticle(ctx, a.id, body('Bob typing'), bob, { expectedVersion: 4 });
  revs = await articleRevisions(ctx, a.id, ann);
  assert.deepEqual(revs.map((x) => [x.kind, x.version, x.userName]), [['autosave', 5, 'Bob'], ['autosave', 4, 'Ann'], ['autosave', 3, 'Ann'], ['save', 1, 'Ann']]);
  // Autosave keeps the status it found, whatever the body says.
  await autosaveArticle(ctx, a.id, { ...body('x'), status: 'published' }, ann, { expectedVersion: 5 });
  assert.equal((await findArticleById(ctx.store.db, a.id))!.status, 'draft');
  await assert.rejects(autosaveArticle(ctx, a.id, body('stale'), bob, { expectedVersion: 2 }), ConflictError);
});

test('autosave of a published article keeps a revision only; the live page changes at the explicit save', async () => {
  const a = await createArticle(ctx, body('Live text.'), ann);
  await publishArticle(ctx, a.id, ann);
  const live = (await findArticleById(ctx.store.db, a.id))!;
  const r = await autosaveArticle(ctx, a.id, body('Live text, being rewritten.'), bob, { expectedVersion: live.version });
  assert.equal(r.version, live.version);
  assert.ok(r.revisionId);
  const after = (await findArticleById(ctx.store.db, a.id))!;
  assert.equal(after.bodyHtml, '<p>Live text.</p>');
  assert.equal(after.version, live.version);
  const rev = await articleRevision(ctx, a.id, r.revisionId!, bob);
  assert.equal(rev.kind, 'autosave');
  assert.equal(rev.snapshot.bodyHtml, '<p>Live text, being rewritten.</p>');
  assert.equal(rev.snapshot.status, 'published');
  const saved = await editArticle(ctx, a.id, body('Live text, rewritten.'), bob, { expectedVersion: live.version });
  assert.equal(saved.bodyHtml, '<p>Live text, rewritten.</p>');
  assert.equal(saved.status, 'published');
});

test('the difference between any two revisions, fields and body words; restore keeps the current status', async () => {
  const a = await createArticle(ctx, { ...body('Alpha beta gamma.'), tags: ['rivers'] }, ann);
  tick(1000);
  await editArticle(ctx, a.id, { ...body('Alpha delta gamma.'), title: 'Floods again', tags: ['rivers', 'rain'] }, bob, { expectedVersion: 1 });
  const [second, first] = await articleRevisions(ctx, a.id, ann);
  const d = await diffRevisions(ctx, a.id, ann, first.id, second.id);
  assert.deepEqual(d.fields.map((f) => f.field), ['title', 'tags']);
  assert.deepEqual(d.fields[0], { field: 'title', before: 'Floods', after: 'Floods again' });
  assert.deepEqual(d.body.map((c) => [c.op, c.text]), [['equal', 'Alpha '], ['delete', 'beta'], ['insert', 'delta'], ['equal', ' gamma.']]);
  // A markup-only change shows as bodyHtml; no end given means the article as it is now.
  await editArticle(ctx, a.id, { ...body('x'), bodyHtml: '<p>Alpha <em>delta</em> gamma.</p>', title: 'Floods again', tags: ['rivers', 'rain'] }, ann);
  const now = await diffRevisions(ctx, a.id, ann, second.id);
  assert.deepEqual(now.fields.map((f) => f.field), ['bodyHtml']);
  assert.ok(now.body.every((c) => c.op === 'equal'));
  await publishArticle(ctx, a.id, ann);
  const restored = await restoreRevision(ctx, a.id, first.id, ann);
  assert.equal(restored.status, 'published');
  assert.equal(restored.title, 'Floods');
  assert.equal((await articleRevisions(ctx, a.id, ann))[0].kind, 'restore');
  await assert.rejects(restoreRevision(ctx, a.id, 999999, ann), /no revision/);
});
