// Reviewers named per language pair, through the API with newsroom sessions: the owner names them; a named
// reviewer is told of a submission (newsroom and e-mail), finds it in their review list, comments, returns
// and approves it, but publishes nothing, reviews no other pair and never their own translation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness, type ApiHarness } from './test-app.ts';
import { signInAs, type SignedIn } from './test-sessions.ts';
import { smtpServer } from '../translate/test-smtp.ts';

let h: ApiHarness;
let owner: SignedIn;
let editor: SignedIn;
let translator: SignedIn;
let reviewer: SignedIn;
let outsider: SignedIn;
let author: SignedIn;
before(async () => {
  h = await openApiHarness();
  owner = await signInAs(h, 'owner');
  editor = await signInAs(h, 'editor');
  translator = await signInAs(h, 'translator');
  reviewer = await signInAs(h, 'translator');
  outsider = await signInAs(h, 'translator');
  author = await signInAs(h, 'author');
});
after(async () => h.close());

const name = async (userId: number, from: string, to: string) => owner.call('POST', '/api/reviewers', { userId, from, to });

/** An English article translated into French by `by`, every segment translated, submitted for review. */
async function submitted(title: string, by: SignedIn) {
  const src = await h.call('POST', '/api/articles', { language: 'en', title, summary: 'Summary.', bodyHtml: '<p>One line.</p><p>Another line.</p>', status: 'published' });
  assert.equal(src.statusCode, 201, src.body);
  const r = await editor.call('POST', `/api/articles/${src.json().id}/translations`, { language: 'fr', translatorUserId: by.user.id });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json().id as number;
  const segs = (await by.call('GET', `/api/articles/${id}/segments`)).json() as any[];
  for (const s of segs) assert.equal((await by.call('PUT', `/api/articles/${id}/segments/${s.id}`, { target: `fr ${s.sourceText}`, status: 'translated' })).statusCode, 200);
  const sub = await by.call('POST', `/api/articles/${id}/translation/submit`);
  assert.equal(sub.statusCode, 200, sub.body);
  return { id, segs };
}

const noticesOf = async (who: SignedIn, id: number) => ((await who.call('GET', '/api/notices?limit=200')).json().items as any[]).filter((n) => n.articleId === id);
const reviewList = async (who: SignedIn) => ((await who.call('GET', '/api/translations?reviewer=me')).json().items as any[]).map((x) => x.articleId);

test('the owner names reviewers per pair: by account or address, once per pair, listed, removed, audited; nobody else may', async () => {
  let r = await name(author.user.id, 'de', 'fr');
  assert.equal(r.statusCode, 201, r.body);
  const row = r.json();
  assert.deepEqual([row.userId, row.email, row.from, row.to, row.role], [author.user.id, author.user.email, 'de', 'fr', 'author']);
  assert.equal((await name(author.user.id, 'de', 'fr')).json().id, row.id, 'naming again is the same row');
  r = await owner.call('POST', '/api/reviewers', { email: author.user.email.toUpperCase(), from: 'fr', to: 'de' });
  assert.equal(r.statusCode, 201, r.body);
  const list = (await owner.call('GET', '/api/reviewers')).json() as any[];
  assert.deepEqual(list.filter((x) => x.userId === author.user.id).map((x) => `${x.from}>${x.to}`), ['de>fr', 'fr>de']);

  assert.equal((await name(999999, 'de', 'fr')).statusCode, 404);
  assert.equal((await name(author.user.id, 'fr', 'fr')).statusCode, 400);
  assert.equal((await name(author.user.id, 'fr', 'not a tag')).statusCode, 400);
  assert.equal((await owner.call('POST', '/api/reviewers', { userId: author.user.id, email: author.user.email, from: 'de', to: 'fr' })).statusCode, 400, 'one of userId and email');
  for (const who of [editor, translator, author]) {
    assert.equal((await who.call('GET', '/api/reviewers')).statusCode, 403);
    assert.equal((await who.call('POST', '/api/reviewers', { userId: who.user.id, from: 'de', to: 'fr' })).statusCode, 403);
    assert.equal((await who.call('DELETE', `/api/reviewers/${row.id}`)).statusCode, 403);
  }

  assert.equal((await owner.call('DELETE', `/api/reviewers/${row.id}`)).statusCode, 204);
  assert.equal((await owner.call('DELETE', `/api/reviewers/${row.id}`)).statusCode, 404);
  assert.deepEqual(((await owner.call('GET', '/api/reviewers')).json() as any[]).filter((x) => x.userId === author.user.id).map((x) => x.from), ['fr']);
  const audit = (await owner.call('GET', '/api/audit?pageSize=200')).json().items as any[];
  assert.ok(audit.some((e) => e.action === 'reviewer.add' && e.target === `user:${author.user.id}` && e.detail.from === 'de'));
  assert.ok(audit.some((e) => e.action === 'reviewer.remove' && e.detail.to === 'fr'));
});

test('a named reviewer: told on submit (newsroom and e-mail), sees it to review, comments, returns, approves; publishes nothing', async () => {
  assert.equal((await name(reviewer.user.id, 'en', 'fr')).statusCode, 201);
  assert.equal((await name(author.user.id, 'fr', 'en')).statusCode, 201, 'the other direction');
  const disabled = await signInAs(h, 'translator');
  assert.equal((await name(disabled.user.id, 'en', 'fr')).statusCode, 201);
  assert.equal((await owner.call('PUT', `/api/users/${disabled.user.id}`, { status: 'disabled' })).statusCode, 200);
  const srv = await smtpServer();
  process.env.RELAIS_SMTP_URL = `smtp://127.0.0.1:${srv.port}`;
  let t: Awaited<ReturnType<typeof submitted>>;
  try {
    t = await submitted('Reviewed by a colleague', translator);
  } finally {
    delete process.env.RELAIS_SMTP_URL;
    await srv.close();
  }
  const { id, segs } = t;
  assert.ok(srv.sessions.some((s) => s.commands.includes(`RCPT TO:<${reviewer.user.email}>`) && s.commands.includes(`RCPT TO:<${editor.user.email}>`)), 'e-mailed with the editors');
  assert.ok(!srv.sessions.some((s) => s.commands.includes(`RCPT TO:<${outsider.user.email}>`) || s.commands.includes(`RCPT TO:<${author.user.email}>`)));
  assert.deepEqual((await noticesOf(reviewer, id)).map((n) => n.kind), ['submitted']);
  assert.deepEqual(await noticesOf(outsider, id), []);
  const toDisabled = await h.ctx.store.db.selectFrom('notices').select('id').where('user_id', '=', disabled.user.id).where('article_id', '=', id).execute();
  assert.deepEqual(toDisabled, [], 'a disabled reviewer is not told');
  assert.deepEqual(await noticesOf(author, id), [], 'named for fr → en only');
  assert.ok((await reviewList(reviewer)).includes(id));
  assert.ok((await reviewList(editor)).includes(id), 'editors review every pair');
  assert.ok(!(await reviewList(outsider)).includes(id));
  assert.ok(!(await reviewList(author)).includes(id));
  assert.ok(!(await reviewList(translator)).includes(id), 'not their own');
  assert.deepEqual((await reviewer.call('GET', `/api/articles/${id}/translation`)).json().reviewerIds, [reviewer.user.id]);

  for (const who of [outsider, author]) {
    assert.equal((await who.call('POST', `/api/articles/${id}/segments/${segs[1].id}/comments`, { text: 'x' })).statusCode, 403);
    assert.equal((await who.call('POST', `/api/articles/${id}/translation/return`, { comment: 'x' })).statusCode, 403);
    assert.equal((await who.call('POST', `/api/articles/${id}/translation/approve`)).statusCode, 403);
  }
  let r = await reviewer.call('POST', `/api/articles/${id}/segments/${segs[1].id}/comments`, { text: 'Plus court ?' });
  assert.equal(r.statusCode, 201, r.body);
  assert.ok((await noticesOf(translator, id)).some((n) => n.kind === 'comment' && /Plus court/.test(n.text)));
  assert.equal((await reviewer.call('PUT', `/api/articles/${id}/segments/${segs[1].id}`, { target: 'x' })).statusCode, 403, 'a reviewer comments, the translator edits');
  r = await reviewer.call('POST', `/api/articles/${id}/translation/return`, { comment: 'One more pass.' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().status, 'in-translation');
  assert.ok((await noticesOf(translator, id)).some((n) => n.kind === 'returned' && /One more pass/.test(n.text)));
  assert.ok(!(await reviewList(reviewer)).includes(id), 'no longer in review');
  assert.equal((await reviewer.call('POST', `/api/articles/${id}/translation/approve`)).statusCode, 403, 'only while in review');
  assert.equal((await reviewer.call('POST', `/api/articles/${id}/segments/${segs[1].id}/comments`, { text: 'x' })).statusCode, 403, 'only while in review');

  assert.equal((await translator.call('POST', `/api/articles/${id}/translation/submit`)).statusCode, 200);
  r = await reviewer.call('POST', `/api/articles/${id}/translation/approve`);
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().status, 'approved');
  assert.ok((await noticesOf(editor, id)).some((n) => n.kind === 'approved' && /ready to publish/.test(n.text)), 'the editors are told it can be published');
  assert.equal((await reviewer.call('POST', `/api/articles/${id}/translation/publish`)).statusCode, 403);
  assert.equal((await reviewer.call('POST', `/api/articles/${id}/publish`, {})).statusCode, 403);
  r = await editor.call('POST', `/api/articles/${id}/translation/publish`);
  assert.equal(r.json().status, 'published');
});

test('a named reviewer never reviews a translation of their own: not told, not listed, refused', async () => {
  assert.equal((await name(reviewer.user.id, 'en', 'fr')).statusCode, 201);
  const { id, segs } = await submitted('Translated by the reviewer', reviewer);
  assert.ok(!(await noticesOf(reviewer, id)).some((n) => n.kind === 'submitted'));
  assert.ok(!(await reviewList(reviewer)).includes(id));
  assert.equal((await reviewer.call('POST', `/api/articles/${id}/translation/approve`)).statusCode, 403);
  assert.equal((await reviewer.call('POST', `/api/articles/${id}/translation/return`, {})).statusCode, 403);
  // Their own comment is the translator's answer: it goes to the reviewers, not back to them.
  assert.equal((await reviewer.call('POST', `/api/articles/${id}/segments/${segs[0].id}/comments`, { text: 'Note du traducteur' })).statusCode, 201);
  assert.ok((await noticesOf(editor, id)).some((n) => n.kind === 'comment'));
  // Removing the name ends the right at once.
  const other = await signInAs(h, 'author');
  const row = (await name(other.user.id, 'en', 'fr')).json();
  assert.ok((await reviewList(other)).includes(id));
  assert.equal((await owner.call('DELETE', `/api/reviewers/${row.id}`)).statusCode, 204);
  assert.ok(!(await reviewList(other)).includes(id));
  assert.equal((await other.call('POST', `/api/articles/${id}/translation/approve`)).statusCode, 403);
  assert.equal((await editor.call('POST', `/api/articles/${id}/translation/approve`)).statusCode, 200, 'an editor approves it');
});
