import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { ForbiddenError, type Article } from '../domain/types.ts';
import { openTestContext } from './test-context.ts';
import { actorOf, SYSTEM } from './test-actors.ts';
import { createArticle, editArticle, publishArticle, removeArticle, submitArticle, unpublishArticle } from './articles.ts';
import { createPerson } from './people.ts';
import { addCorrection } from './corrections.ts';
import { bulkArticles } from './bulk.ts';
import { autosaveArticle, restoreRevision, articleRevisions } from './revisions.ts';

let ctx: AppContext;
let owner: Actor, editor: Actor, author: Actor & { kind: 'user' }, otherAuthor: Actor, translator: Actor & { kind: 'user' }, stranger: Actor;
let translatorPerson: number;

const forbidden = (p: Promise<unknown>) => assert.rejects(p, (e: unknown) => e instanceof ForbiddenError && e.status === 403);
const input = (title: string, extra: Partial<Article> = {}) => ({ language: 'en', title, bodyHtml: `<p>${title}</p>`, ...extra });

before(async () => {
  ctx = await openTestContext();
  translatorPerson = (await createPerson(ctx, { name: 'Tess Translator' })).id;
  owner = await actorOf(ctx, 'owner');
  editor = await actorOf(ctx, 'editor');
  author = await actorOf(ctx, 'author');
  otherAuthor = await actorOf(ctx, 'author');
  translator = await actorOf(ctx, 'translator', { personId: translatorPerson });
  stranger = await actorOf(ctx, 'translator', { personId: (await createPerson(ctx, { name: 'Not Assigned' })).id });
});
after(async () => ctx.store.close());

test('an author creates drafts as themself, edits only their own, and cannot publish, even through the save body', async () => {
  const mine = await createArticle(ctx, input('Mine'), author);
  assert.equal(mine.createdBy, author.user.id);
  assert.equal(mine.status, 'draft');
  const edited = await editArticle(ctx, mine.id, input('Mine, better'), author);
  assert.equal(edited.title, 'Mine, better');
  await forbidden(editArticle(ctx, mine.id, input('Not yours'), otherAuthor));
  await forbidden(editArticle(ctx, mine.id, input('Mine', { status: 'published' }), author));
  await forbidden(createArticle(ctx, input('Straight out', { status: 'published' }), author));
  await forbidden(publishArticle(ctx, mine.id, author));
  await forbidden(removeArticle(ctx, mine.id, author));
  await forbidden(autosaveArticle(ctx, mine.id, input('Sneaky autosave'), otherAuthor));
  // The refusals changed nothing.
  const [rev] = await articleRevisions(ctx, mine.id, author);
  assert.equal(rev.version, 2);
});

test('an author submits their draft for review, keeps editing it there, and loses it once published', async () => {
  const mine = await createArticle(ctx, input('For review'), author);
  await forbidden(submitArticle(ctx, mine.id, otherAuthor));
  const submitted = await submitArticle(ctx, mine.id, author);
  assert.equal(submitted.status, 'review');
  assert.equal((await editArticle(ctx, mine.id, input('For review, fixed'), author)).status, 'review');
  await publishArticle(ctx, mine.id, editor);
  await forbidden(editArticle(ctx, mine.id, input('After the fact'), author));
});

test('a translator edits the articles they are credited on, unpublished; cannot create, publish or touch others', async () => {
  const assigned = await createArticle(ctx, input('To translate', { translatorIds: [translatorPerson] }), editor);
  const other = await createArticle(ctx, input('Someone else'), editor);
  assert.equal((await editArticle(ctx, assigned.id, input('Translated', { translatorIds: [translatorPerson] }), translator)).title, 'Translated');
  await forbidden(editArticle(ctx, assigned.id, input('Not mine'), stranger));
  await forbidden(editArticle(ctx, other.id, input('Not mine either'), translator));
  await forbidden(createArticle(ctx, input('New one'), translator));
  await forbidden(publishArticle(ctx, assigned.id, translator));
  await forbidden(editArticle(ctx, assigned.id, input('Translated', { translatorIds: [translatorPerson], status: 'published' }), translator));
  assert.equal((await submitArticle(ctx, assigned.id, translator)).status, 'review');
  await publishArticle(ctx, assigned.id, editor);
  await forbidden(editArticle(ctx, assigned.id, input('Live edit', { translatorIds: [translatorPerson] }), translator));
});

test('editors and owners publish, unpublish, correct, restore and delete anything; a disabled account does nothing', async () => {
  const a = await createArticle(ctx, input('By an author'), author);
  await publishArticle(ctx, a.id, editor);
  await addCorrection(ctx, a.id, 'A name was misspelt.', editor);
  await forbidden(addCorrection(ctx, a.id, 'Authors cannot add notes.', author));
  await forbidden(unpublishArticle(ctx, a.id, translator));
  assert.equal((await unpublishArticle(ctx, a.id, owner)).status, 'draft');
  const [first] = (await articleRevisions(ctx, a.id, owner)).slice(-1);
  await restoreRevision(ctx, a.id, first.id, editor);
  const disabled = await actorOf(ctx, 'editor', { status: 'disabled' });
  await forbidden(editArticle(ctx, a.id, input('Disabled'), disabled));
  await removeArticle(ctx, a.id, owner);
});

test('a read-scoped token reads but changes nothing; system actors (CLI, importer) may do everything', async () => {
  const readOnly: Actor = { kind: 'token', name: 'reader', scope: 'read', user: null };
  await forbidden(createArticle(ctx, input('Via read token'), readOnly));
  const a = await createArticle(ctx, input('Via CLI', { status: 'published' }), SYSTEM);
  assert.equal(a.createdBy, null);
  assert.equal(a.status, 'published');
  assert.ok((await articleRevisions(ctx, a.id, readOnly)).length);
});

test('bulk actions check each article on its own and report what was refused', async () => {
  const mine = await createArticle(ctx, input('Bulk mine'), author);
  const theirs = await createArticle(ctx, input('Bulk theirs'), otherAuthor);
  const r = await bulkArticles(ctx, { ids: [mine.id, theirs.id, 999999], action: 'move', sectionIds: [] }, author);
  assert.deepEqual(r.done, [mine.id]);
  assert.deepEqual(r.refused.map((x) => [x.id, x.status]), [[theirs.id, 403], [999999, 404]]);
  const p = await bulkArticles(ctx, { ids: [mine.id, theirs.id], action: 'publish' }, author);
  assert.deepEqual(p.done, []);
  assert.equal(p.refused.length, 2);
  assert.match(p.refused[0].error, /may not publish/);
});
