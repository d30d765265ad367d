// Every state-changing API route, tried by each role by direct request (session cookie + CSRF token, as
// the newsroom sends): refused with 403 exactly when the permission table says so.
import test from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT_ROUTES, API_ROUTES } from './routes.ts';
import { openApiHarness } from './test-app.ts';
import { signInAs, type SignedIn } from './test-sessions.ts';
import { ROLES, type Role } from '../domain/accounts.ts';
import { can, type Action } from '../domain/permissions.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

test('every state-changing API route names its permission, except one’s own account routes', () => {
  for (const [method, url, , , config] of API_ROUTES)
    if (UNSAFE.has(method)) assert.ok(config?.permission, `${method} /api${url} has no permission`);
  for (const [method, url, , , config] of ACCOUNT_ROUTES)
    if (UNSAFE.has(method) && !config?.permission)
      assert.match(url, /^\/(setup|session|links|me)\b/, `${method} /api${url}: only sign-in and one's own account may go without a permission`);
});

test('each role on each state-changing route: 403 exactly when the permission table refuses', async () => {
  const h = await openApiHarness();
  try {
    const users = {} as Record<Role, SignedIn>;
    for (const role of ROLES) users[role] = await signInAs(h, role);
    const checked: string[] = [];
    for (const [method, url, , , config] of API_ROUTES) {
      if (!UNSAFE.has(method) || !config?.permission) continue;
      const path = '/api' + url.replace(/:(\w+)/g, '999999');
      for (const role of ROLES) {
        const allowed = can({ kind: 'user', user: users[role].user }, config.permission as Action);
        const r = await users[role].call(method, path, config.xmlBody ? undefined : {});
        if (allowed) assert.notEqual(r.statusCode, 403, `${role} ${method} ${url} should pass the permission check: ${r.body}`);
        else {
          assert.equal(r.statusCode, 403, `${role} ${method} ${url} should be refused: ${r.statusCode} ${r.body}`);
          assert.match(r.json().error, /^you may not /);
        }
      }
      checked.push(`${method} ${url}`);
    }
    assert.ok(checked.length >= 20, `checked ${checked.length} routes`);
  } finally {
    await h.close();
  }
});

test('the review routes on a translation in review: each account refused with 403 exactly when the permission table refuses with its facts', async () => {
  const h = await openApiHarness();
  try {
    const as = async (role: Role) => signInAs(h, role);
    const [owner, editor, translator, named, namedAuthor, unnamed, otherPair] = await Promise.all([as('owner'), as('editor'), as('translator'), as('translator'), as('author'), as('translator'), as('translator')]);
    for (const [who, from, to] of [[named, 'en', 'fr'], [namedAuthor, 'en', 'fr'], [translator, 'en', 'fr'], [otherPair, 'fr', 'en']] as const)
      assert.equal((await owner.call('POST', '/api/reviewers', { userId: who.user.id, from, to })).statusCode, 201);
    const src = (await h.call('POST', '/api/articles', { language: 'en', title: 'Checked', bodyHtml: '<p>One.</p><p>Two.</p>', status: 'published' })).json();
    const id = (await editor.call('POST', `/api/articles/${src.id}/translations`, { language: 'fr', translatorUserId: translator.user.id })).json().id;
    const segs = (await translator.call('GET', `/api/articles/${id}/segments`)).json() as { id: number }[];
    // One segment left untranslated: an approve that passes the check stops at 409, and the state stays.
    for (const s of segs.slice(1)) await translator.call('PUT', `/api/articles/${id}/segments/${s.id}`, { target: 'Un.', status: 'translated' });
    const submit = async () => assert.equal((await translator.call('POST', `/api/articles/${id}/translation/submit`)).statusCode, 200);
    await submit();
    const facts = async () => {
      const article = (await h.call('GET', `/api/articles/${id}`)).json();
      const view = (await h.call('GET', `/api/articles/${id}/translation`)).json();
      return { ...article, review: { state: view.status, translatorUserId: view.translator.userId, reviewerIds: view.reviewerIds } };
    };
    const people = { owner, editor, translator, named, namedAuthor, unnamed, otherPair };
    const seen = new Set<boolean>();
    for (const [label, who] of Object.entries(people)) {
      // The account as it is now (starting the translation linked the translator to a person).
      const actor = { kind: 'user' as const, user: { ...who.user, ...(await who.call('GET', '/api/me')).json() } };
      const review = can(actor, 'translation.review', await facts());
      seen.add(review);
      const tries: [string, string, unknown, boolean, number][] = [
        ['POST', `/api/articles/${id}/translation/approve`, {}, review, 409],
        ['POST', `/api/articles/${id}/segments/${segs[1].id}/comments`, { text: `from ${label}` }, review || can(actor, 'article.edit', await facts()), 201],
        // An invalid date: a publish that passes the check is refused after it (400), and nothing changes.
        ['POST', `/api/articles/${id}/translation/publish`, { at: 'not a date' }, can(actor, 'article.publish'), 400],
        ['POST', `/api/articles/${id}/translation/return`, { comment: `from ${label}` }, review, 200],
      ];
      for (const [method, url, body, allowed, ok] of tries) {
        const r = await who.call(method, url, body);
        if (allowed) assert.equal(r.statusCode, ok, `${label} ${url}: ${r.body}`);
        else assert.equal(r.statusCode, 403, `${label} ${url} should be refused: ${r.statusCode} ${r.body}`);
        if (r.statusCode === 200) await submit();
      }
    }
    assert.deepEqual([...seen].sort(), [false, true], 'some accounts may review and some may not');
    assert.equal(can({ kind: 'user', user: named.user }, 'translation.review', await facts()), true);
    assert.equal(can({ kind: 'user', user: translator.user }, 'translation.review', await facts()), false, 'named for the pair, but its translator');
    assert.equal(can({ kind: 'user', user: otherPair.user }, 'translation.review', await facts()), false, 'named for the other direction');
  } finally {
    await h.close();
  }
});
