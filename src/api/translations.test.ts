// The translation workspace through the API, with newsroom users of each role (session cookies).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness, type ApiHarness } from './test-app.ts';
import { signInAs, type SignedIn } from './test-sessions.ts';

let now = new Date('2026-03-01T12:00:00.000Z');
let h: ApiHarness;
let editor: SignedIn;
let translator: SignedIn;
let other: SignedIn;
before(async () => {
  h = await openApiHarness({ now: () => now });
  editor = await signInAs(h, 'editor');
  translator = await signInAs(h, 'translator');
  other = await signInAs(h, 'translator');
});
after(async () => h.close());

const BODY = '<h2>The river</h2><p>The <a href="https://example.org/report?id=7&amp;x=1">report</a> was <em>late</em>.</p>'
  + '<ul><li>First point</li><li>Second point</li></ul><blockquote><p>A quoted line.</p></blockquote>'
  + '<figure><img src="https://example.org/a.jpg" alt="A"><figcaption>The caption</figcaption></figure>';

async function source(extra: Record<string, unknown> = {}) {
  const writer = (await h.call('POST', '/api/people', { name: 'Wanda Writer' })).json();
  const r = await h.call('POST', '/api/articles', { language: 'en', title: 'River report', summary: 'A short summary.', bodyHtml: BODY, authorIds: [writer.id], status: 'published', ...extra });
  assert.equal(r.statusCode, 201, r.body);
  return { article: r.json(), writer };
}

async function start(sourceId: number, body: Record<string, unknown>) {
  const r = await editor.call('POST', `/api/articles/${sourceId}/translations`, body);
  assert.equal(r.statusCode, 201, r.body);
  return r.json();
}

const segments = async (id: number, who: SignedIn = editor) => {
  const r = await who.call('GET', `/api/articles/${id}/segments`);
  assert.equal(r.statusCode, 200, r.body);
  return r.json() as any[];
};

test('translate into: a draft with provenance, credits from the source, the translator assigned (a person made for them), segments ready', async () => {
  const { article: src, writer } = await source();
  const t = await start(src.id, { language: 'fr', translatorUserId: translator.user.id });
  assert.equal(t.language, 'fr');
  assert.equal(t.status, 'draft');
  assert.equal(t.provenance.translationOfId, src.id);
  assert.deepEqual(t.authorIds, [writer.id]);
  assert.equal(t.provenance.original.language, 'en');
  assert.deepEqual(t.provenance.original.authorNames, ['Wanda Writer']);
  assert.equal(t.provenance.original.url, `http://relais.test/en/${src.slug}`);
  const me = (await translator.call('GET', '/api/me')).json();
  assert.ok(me.personId, 'the translator account is now linked to a person');
  assert.deepEqual(t.translatorIds, [me.personId]);
  assert.equal((await h.call('GET', `/api/people/${me.personId}`)).json().name, translator.user.name);

  const segs = await segments(t.id);
  assert.deepEqual(segs.map((s) => s.kind), ['title', 'summary', 'heading', 'paragraph', 'list-item', 'list-item', 'quote', 'caption']);
  assert.ok(segs.every((s) => s.status === 'untranslated' && s.target === '' && !s.sourceChanged));
  const p = segs[3];
  assert.equal(p.sourceText, 'The <1>report</1> was <2>late</2>.');
  assert.equal(p.source, 'The <a href="https://example.org/report?id=7&amp;x=1" rel="noopener noreferrer">report</a> was <em>late</em>.');
  assert.deepEqual(p.placeholders.map((x: any) => [x.n, x.kind, x.tag, x.href]), [[1, 'pair', 'a', 'https://example.org/report?id=7&x=1'], [2, 'pair', 'em', undefined]]);
  const info = (await editor.call('GET', `/api/articles/${t.id}/translation`)).json();
  assert.equal(info.status, 'to-translate');
  assert.deepEqual([info.from, info.to, info.sourceId], ['en', 'fr', src.id]);
  assert.deepEqual(info.progress, { total: 8, untranslated: 8, draft: 0, translated: 0, reviewed: 0, sourceChanged: 0 });
  assert.equal(info.translator.userId, translator.user.id);
  const notices = (await translator.call('GET', '/api/notices')).json();
  assert.equal(notices.unread, 1);
  assert.match(notices.items[0].text, /assigned/);
  assert.equal((await translator.call('POST', `/api/notices/${notices.items[0].id}/read`)).statusCode, 204);
  assert.equal((await translator.call('GET', '/api/notices')).json().unread, 0);
  assert.equal((await other.call('POST', `/api/notices/${notices.items[0].id}/read`)).statusCode, 404);

  // A second French translation of the same source, a language the site does not have, the same language: refused.
  assert.equal((await editor.call('POST', `/api/articles/${src.id}/translations`, { language: 'fr' })).statusCode, 409);
  const r = await editor.call('POST', `/api/articles/${src.id}/translations`, { language: 'xx' });
  assert.equal(r.statusCode, 400);
  assert.match(r.json().error, /not a language of this site/);
  assert.equal((await editor.call('POST', `/api/articles/${src.id}/translations`, { language: 'en' })).statusCode, 400);
  assert.equal((await translator.call('POST', `/api/articles/${src.id}/translations`, { language: 'fr' })).statusCode, 403);
});

test('segments: placeholders checked, the body rebuilt with the source structure and hrefs, through the publish operation', async () => {
  const { article: src } = await source({ title: 'Second report' });
  const t = await start(src.id, { language: 'fr', translatorUserId: translator.user.id });
  const segs = await segments(t.id, translator);
  const put = (who: SignedIn, seg: any, body: unknown) => who.call('PUT', `/api/articles/${t.id}/segments/${seg.id}`, body);
  let r = await put(translator, segs[3], { target: 'Le rapport était en retard.', status: 'translated' });
  assert.equal(r.statusCode, 400);
  assert.match(r.json().error, /drops placeholders <1>…<\/1>, <2>…<\/2>/);
  r = await put(translator, segs[3], { target: 'Le <3>rapport</3> <1>était</1> <2>en retard</2>.' });
  assert.match(r.json().error, /<3> is not in the source/);
  r = await put(translator, segs[3], { target: 'Le <2>rapport <1>était</2></1> en retard.' });
  assert.match(r.json().error, /closes before/);
  r = await put(translator, segs[3], { target: 'Le <2>retard</2> du <1>rapport</1>.', status: 'translated' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().segment.target, 'Le <em>retard</em> du <a href="https://example.org/report?id=7&amp;x=1" rel="noopener noreferrer">rapport</a>.');
  assert.equal(r.json().translation.status, 'in-translation');
  await put(translator, segs[0], { target: 'Second rapport', status: 'translated' });
  await put(translator, segs[4], { target: 'Premier point', status: 'draft' });
  r = await put(translator, segs[7], { target: 'La légende', status: 'translated' });
  const article = (await editor.call('GET', `/api/articles/${t.id}`)).json();
  assert.equal(article.title, 'Second rapport');
  assert.equal(article.slug, 'second-rapport');
  assert.equal(article.bodyHtml, '<p>Le <em>retard</em> du <a href="https://example.org/report?id=7&amp;x=1" rel="noopener noreferrer">rapport</a>.</p>'
    + '<ul><li>Premier point</li></ul><figure><img src="https://example.org/a.jpg" alt="A" /><figcaption>La légende</figcaption></figure>');
  const revisions = (await editor.call('GET', `/api/articles/${t.id}/revisions`)).json();
  assert.ok(revisions.length >= 4, 'each segment save is a revision of the article');
  const info = (await editor.call('GET', `/api/articles/${t.id}/translation`)).json();
  assert.deepEqual(info.progress, { total: 8, untranslated: 4, draft: 1, translated: 3, reviewed: 0, sourceChanged: 0 });
  assert.equal((await put(translator, segs[1], { target: 'x', status: 'reviewed' })).statusCode, 403, 'reviewed is for editors');
  assert.equal((await put(translator, segs[1], { target: '', status: 'translated' })).statusCode, 400);
  assert.equal((await put(editor, segs[1], { target: 'Un court résumé.', status: 'reviewed' })).statusCode, 200);
  assert.equal((await put(other, segs[2], { target: 'La rivière' })).statusCode, 403, 'a translator not assigned to it');
  const reader = await h.call('POST', '/api/tokens', { name: 'ro', scope: 'read' });
  assert.equal(reader.statusCode, 201, reader.body);
  const ro = reader.json().token;
  assert.equal((await h.app.inject({ method: 'PUT', url: `/api/articles/${t.id}/segments/${segs[2].id}`, headers: { authorization: `Bearer ${ro}`, 'content-type': 'application/json' }, payload: { target: 'x' } })).statusCode, 403);
  assert.equal((await put(translator, { id: 999999 }, { target: 'x' })).statusCode, 404);
  assert.equal((await put(translator, segs[2], { target: 'x', status: 'done' })).statusCode, 400);
});

test('review: submit, comment on a segment, return with a comment, fix, approve (memory filled), publish; lists by status and my work', async () => {
  const { article: src } = await source({ title: 'Third report' });
  const t = await start(src.id, { language: 'fr', translatorUserId: translator.user.id });
  const segs = await segments(t.id, translator);
  const texts = ['Troisième rapport', 'Un court résumé.', 'La rivière', 'Le <1>rapport</1> était <2>en retard</2>.', 'Premier point', 'Deuxième point', 'Une ligne citée.', 'La légende'];
  for (const [i, s] of segs.entries()) assert.equal((await translator.call('PUT', `/api/articles/${t.id}/segments/${s.id}`, { target: texts[i], status: 'translated' })).statusCode, 200);
  const mine = (await translator.call('GET', '/api/translations?assignee=me')).json();
  assert.ok(mine.items.some((x: any) => x.articleId === t.id));
  assert.ok(!(await other.call('GET', '/api/translations?assignee=me')).json().items.some((x: any) => x.articleId === t.id));
  assert.equal((await other.call('POST', `/api/articles/${t.id}/translation/submit`)).statusCode, 403);
  let r = await translator.call('POST', `/api/articles/${t.id}/translation/submit`);
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().status, 'in-review');
  assert.equal((await editor.call('GET', `/api/articles/${t.id}`)).json().status, 'review');
  assert.ok((await editor.call('GET', '/api/notices')).json().items.some((n: any) => n.kind === 'submitted' && n.articleId === t.id));
  assert.ok((await editor.call('GET', '/api/translations?status=in-review')).json().items.some((x: any) => x.articleId === t.id));
  assert.equal((await translator.call('POST', `/api/articles/${t.id}/translation/approve`)).statusCode, 403);
  r = await editor.call('POST', `/api/articles/${t.id}/segments/${segs[4].id}/comments`, { text: 'Say “Premier élément”.' });
  assert.equal(r.statusCode, 201, r.body);
  r = await editor.call('POST', `/api/articles/${t.id}/translation/return`, { comment: 'One list item to fix.' });
  assert.equal(r.json().status, 'in-translation');
  assert.deepEqual(r.json().comments.map((c: any) => c.text), ['One list item to fix.']);
  assert.equal((await editor.call('GET', `/api/articles/${t.id}`)).json().status, 'draft');
  const returned = await segments(t.id, translator);
  assert.deepEqual(returned[4].comments.map((c: any) => [c.text, c.author]), [['Say “Premier élément”.', editor.user.name]]);
  assert.ok((await translator.call('GET', '/api/notices?unread=true')).json().items.some((n: any) => n.kind === 'returned' && /One list item/.test(n.text)));
  await translator.call('PUT', `/api/articles/${t.id}/segments/${segs[4].id}`, { target: 'Premier élément', status: 'translated' });
  await translator.call('POST', `/api/articles/${t.id}/translation/submit`);
  r = await editor.call('POST', `/api/articles/${t.id}/translation/approve`);
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().status, 'approved');
  assert.equal(r.json().progress.reviewed, 8);
  const m = (await editor.call('GET', `/api/tm/matches?from=en&to=fr&source=${encodeURIComponent('The <1>report</1> was <2>late</2>.')}`)).json();
  assert.equal(m[0].target, 'Le <1>rapport</1> était <2>en retard</2>.');
  assert.equal(m[0].score, 1);
  r = await editor.call('POST', `/api/articles/${t.id}/translation/publish`);
  assert.equal(r.json().status, 'published');
  const page = await h.app.inject({ method: 'GET', url: `/fr/${(await editor.call('GET', `/api/articles/${t.id}`)).json().slug}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Wanda Writer/);
  assert.match(page.body, new RegExp(translator.user.name));
  assert.doesNotMatch(page.body, /assistée par machine/);
  assert.ok((await editor.call('GET', '/api/translations?status=published')).json().items.some((x: any) => x.articleId === t.id));
  assert.equal((await editor.call('GET', '/api/translations?status=nonsense')).statusCode, 400);
  const ofSource = (await editor.call('GET', `/api/articles/${src.id}/translations`)).json();
  assert.deepEqual(ofSource.items.map((x: any) => x.to), ['fr']);

  // A published translation keeps its text while its update is being made; publishing the update shows it.
  const before = (await editor.call('GET', `/api/articles/${t.id}`)).json().bodyHtml;
  r = await editor.call('PUT', `/api/articles/${t.id}/segments/${segs[2].id}`, { target: 'Le fleuve', status: 'translated' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().translation.status, 'in-translation');
  assert.equal(r.json().translation.pendingUpdate, true);
  assert.equal((await editor.call('GET', `/api/articles/${t.id}`)).json().bodyHtml, before);
  r = await editor.call('POST', `/api/articles/${t.id}/translation/publish`);
  assert.equal(r.json().status, 'published');
  assert.match((await editor.call('GET', `/api/articles/${t.id}`)).json().bodyHtml, /<h2>Le fleuve<\/h2>/);
});

test('the original changes: changed segments flagged with the source diff, new ones added, unchanged targets kept; the translation body untouched', async () => {
  const { article: src } = await source({ title: 'Fourth report' });
  const t = await start(src.id, { language: 'fr', translatorUserId: translator.user.id });
  const segs = await segments(t.id, translator);
  for (const [i, s] of segs.entries()) await translator.call('PUT', `/api/articles/${t.id}/segments/${s.id}`, { target: i === 3 ? 'Le <1>rapport</1> était <2>en retard</2>.' : `cible ${i}`, status: 'translated' });
  const body = (await editor.call('GET', `/api/articles/${t.id}`)).json().bodyHtml;
  const current = (await h.call('GET', `/api/articles/${src.id}`)).json();
  const changed = current.bodyHtml.replace('First point', 'First main point').replace('</ul>', '<li>A new third point</li></ul>');
  const { language, title, summary, authorIds, status, version } = current;
  const r = await h.call('PUT', `/api/articles/${src.id}`, { language, title, summary, authorIds, status, version, bodyHtml: changed });
  assert.equal(r.statusCode, 200, r.body);
  const after = await segments(t.id, translator);
  assert.equal(after.length, 9);
  const first = after.find((s) => s.sourceText === 'First main point');
  assert.equal(first.sourceChanged, true);
  assert.equal(first.targetText, 'cible 4');
  assert.equal(first.previousSourceText, 'First point');
  assert.deepEqual(first.sourceDiff.filter((d: any) => d.op !== 'equal').map((d: any) => [d.op, d.text.trim()]), [['insert', 'main']]);
  const added = after.find((s) => s.sourceText === 'A new third point');
  assert.deepEqual([added.status, added.targetText, added.sourceChanged], ['untranslated', '', true]);
  assert.ok(after.filter((s) => s !== first && s !== added).every((s) => !s.sourceChanged && s.status === 'translated'));
  const info = (await editor.call('GET', `/api/articles/${t.id}/translation`)).json();
  assert.equal(info.sourceUpdatedSinceTranslation, true);
  assert.equal(info.progress.sourceChanged, 2);
  assert.equal((await editor.call('GET', `/api/articles/${t.id}`)).json().bodyHtml, body, 'the source change does not rebuild the translation');
  assert.ok((await editor.call('GET', '/api/translations')).json().items.find((x: any) => x.articleId === t.id).sourceUpdatedSinceTranslation);
  // The translator updates the flagged segment: the flag goes, the body now has the new item in place.
  await translator.call('PUT', `/api/articles/${t.id}/segments/${first.id}`, { target: 'Premier point principal', status: 'translated' });
  await translator.call('PUT', `/api/articles/${t.id}/segments/${added.id}`, { target: 'Un troisième point', status: 'translated' });
  const done = (await editor.call('GET', `/api/articles/${t.id}/translation`)).json();
  assert.equal(done.sourceUpdatedSinceTranslation, false);
  assert.match((await editor.call('GET', `/api/articles/${t.id}`)).json().bodyHtml, /<ul><li>Premier point principal<\/li><li>cible 5<\/li><li>Un troisième point<\/li><\/ul>/);
});

test('glossary: terms marked in the sources with their rendering; entries listed, replaced, deleted', async () => {
  const { article: src } = await source({ title: 'United Nations report', bodyHtml: '<p>The united nations met the <a href="https://un.org">UN Council</a>.</p>' });
  const t = await start(src.id, { language: 'fr', translatorUserId: translator.user.id });
  let r = await translator.call('POST', '/api/glossary', { from: 'en', to: 'fr', term: 'United Nations', rendering: 'Nations unies' });
  assert.equal(r.statusCode, 201, r.body);
  const council = (await editor.call('POST', '/api/glossary', { from: 'en', to: 'fr', term: 'council', rendering: 'Conseil', note: 'institution' })).json();
  const segs = await segments(t.id, translator);
  assert.deepEqual(segs[0].terms.map((x: any) => [x.term, x.rendering, segs[0].sourceText.slice(x.start, x.end)]), [['United Nations', 'Nations unies', 'United Nations']]);
  const p = segs.find((x) => x.kind === 'paragraph');
  assert.deepEqual(p.terms.map((x: any) => [x.rendering, p.sourceText.slice(x.start, x.end)]), [['Nations unies', 'united nations'], ['Conseil', 'Council']]);
  r = await editor.call('POST', '/api/glossary', { from: 'en', to: 'fr', term: 'united  nations', rendering: 'ONU' });
  assert.equal(r.statusCode, 201);
  const list = (await editor.call('GET', '/api/glossary?from=en&to=fr')).json();
  assert.deepEqual(list.map((e: any) => e.rendering).sort(), ['Conseil', 'ONU']);
  assert.equal((await editor.call('DELETE', `/api/glossary/${council.id}`)).statusCode, 204);
  assert.equal((await editor.call('DELETE', `/api/glossary/${council.id}`)).statusCode, 404);
  assert.equal((await editor.call('GET', '/api/glossary?from=en&to=en')).statusCode, 400);
  assert.equal((await editor.call('POST', '/api/glossary', { from: 'en', to: 'fr', term: '…', rendering: 'x' })).statusCode, 400);
});

test('machine translation is off by default', async () => {
  const { article: src } = await source({ title: 'Fifth report' });
  const t = await start(src.id, { language: 'fr', translatorUserId: translator.user.id });
  const segs = await segments(t.id, translator);
  const r = await translator.call('POST', `/api/articles/${t.id}/segments/${segs[0].id}/machine`);
  assert.equal(r.statusCode, 409);
  assert.match(r.json().error, /machine translation is off/);
});
