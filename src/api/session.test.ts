import test from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness, type ApiHarness } from './test-app.ts';
import { signInAs } from './test-sessions.ts';
import { issueLink } from '../accounts/links.ts';
import { addUser } from '../accounts/users.ts';
import { totpAt } from '../accounts/totp.ts';

const SYSTEM = { kind: 'system', name: 'test' } as const;
const json = { 'content-type': 'application/json' };
const cookieOf = (r: { headers: Record<string, unknown> }) => String(r.headers['set-cookie']).split(';')[0];

async function withHarness(fn: (h: ApiHarness) => Promise<void>) {
  const h = await openApiHarness();
  try {
    await fn(h);
  } finally {
    await h.close();
  }
}

test('first run: the setup creates the owner while no account exists, and only then', () =>
  withHarness(async (h) => {
    assert.deepEqual((await h.app.inject({ url: '/api/setup' })).json(), { needsSetup: true });
    const body = { email: 'Owner@Example.org', name: 'Owner', password: 'a password long enough' };
    const r = await h.app.inject({ method: 'POST', url: '/api/setup', headers: json, payload: body });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().user.role, 'owner');
    assert.equal(r.json().user.email, 'owner@example.org');
    const cookie = String(r.headers['set-cookie']);
    assert.match(cookie, /relais_session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/, 'plain http test site: no Secure flag');
    assert.deepEqual((await h.app.inject({ url: '/api/setup' })).json(), { needsSetup: false });
    const again = await h.app.inject({ method: 'POST', url: '/api/setup', headers: json, payload: { ...body, email: 'x@example.org' } });
    assert.equal(again.statusCode, 409);
  }));

test('sign-in gives a new session each time; the cookie works; sign-out ends it', () =>
  withHarness(async (h) => {
    const a = await signInAs(h, 'editor');
    const me = await a.call('GET', '/api/session');
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.id, a.user.id);
    const r = await h.app.inject({ method: 'POST', url: '/api/session', headers: json, payload: { email: a.user.email, password: 'correct horse battery staple' } });
    assert.notEqual(cookieOf(r), a.cookie, 'a new session id at sign-in');
    assert.equal((await a.call('DELETE', '/api/session')).statusCode, 204);
    assert.equal((await a.call('GET', '/api/articles')).statusCode, 401);
  }));

test('state-changing requests with the session cookie need the CSRF token', () =>
  withHarness(async (h) => {
    const a = await signInAs(h, 'editor');
    const body = { language: 'fr', title: 'Un titre', bodyHtml: '<p>Texte</p>' };
    const without = await h.app.inject({ method: 'POST', url: '/api/articles', headers: { cookie: a.cookie, ...json }, payload: body });
    assert.equal(without.statusCode, 403);
    assert.match(without.json().error, /CSRF/);
    const wrong = await a.call('POST', '/api/articles', body, { 'x-csrf-token': 'x'.repeat(32) });
    assert.equal(wrong.statusCode, 403);
    const crossSite = await a.call('POST', '/api/articles', body, { 'sec-fetch-site': 'cross-site' });
    assert.equal(crossSite.statusCode, 403);
    assert.equal((await a.call('POST', '/api/articles', body)).statusCode, 201);
    assert.equal((await h.app.inject({ url: '/api/articles', headers: { cookie: a.cookie } })).statusCode, 200, 'reads need no token');
  }));

test('wrong passwords are limited per account with a clear message, and the right one then waits too', () =>
  withHarness(async (h) => {
    await addUser(h.ctx, SYSTEM, { email: 'who@example.org', name: 'Who', role: 'author', password: 'the right password' });
    const attempt = (password: string, ip = '192.0.2.7') =>
      h.app.inject({ method: 'POST', url: '/api/session', headers: json, remoteAddress: ip, payload: { email: 'who@example.org', password } });
    for (let i = 0; i < 5; i++) {
      const r = await attempt('not the password');
      assert.equal(r.statusCode, 401);
      assert.equal(r.json().error, 'wrong email or password');
    }
    const limited = await attempt('the right password', '198.51.100.9');
    assert.equal(limited.statusCode, 429);
    assert.match(limited.json().error, /Too many failed sign-ins for this account\. Try again in \d+ minutes?\./);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    const unknown = await h.app.inject({ method: 'POST', url: '/api/session', headers: json, payload: { email: 'nobody@example.org', password: 'whatever it is' } });
    assert.equal(unknown.statusCode, 401, 'unknown emails answer like wrong passwords');
    const audit = await h.call('GET', '/api/audit');
    assert.ok(audit.json().items.some((e: { action: string }) => e.action === 'sign-in.failed'));
  }));

test('one address trying many accounts is limited per address', () =>
  withHarness(async (h) => {
    let last;
    for (let i = 0; i < 21; i++)
      last = await h.app.inject({ method: 'POST', url: '/api/session', headers: json, remoteAddress: '203.0.113.5', payload: { email: `n${i}@example.org`, password: 'wrong password' } });
    assert.equal(last!.statusCode, 429);
    assert.match(last!.json().error, /for your address/);
  }));

test('invitation links are single use and expire; the invitee sets a password', () =>
  withHarness(async (h) => {
    const owner = await signInAs(h, 'owner');
    const inv = await owner.call('POST', '/api/users', { email: 'tr@example.org', name: 'Translator', role: 'translator' });
    assert.equal(inv.statusCode, 201, inv.body);
    const token = new URL(inv.json().link).pathname.split('/').pop()!;
    const info = await h.app.inject({ url: `/api/links/${token}` });
    assert.deepEqual(info.json(), { purpose: 'invite', email: 'tr@example.org', name: 'Translator', needsPassword: true });
    const noPassword = await h.app.inject({ method: 'POST', url: `/api/links/${token}`, headers: json, payload: {} });
    assert.equal(noPassword.statusCode, 400);
    const used = await h.app.inject({ method: 'POST', url: `/api/links/${token}`, headers: json, payload: { password: 'my new password!' } });
    assert.equal(used.statusCode, 200, used.body);
    assert.equal(used.json().user.role, 'translator');
    const twice = await h.app.inject({ method: 'POST', url: `/api/links/${token}`, headers: json, payload: { password: 'my new password!' } });
    assert.equal(twice.statusCode, 404);
    assert.match(twice.json().error, /expired or was already used/);
    const signIn = await h.app.inject({ method: 'POST', url: '/api/session', headers: json, payload: { email: 'tr@example.org', password: 'my new password!' } });
    assert.equal(signIn.statusCode, 200);
  }));

test('an expired link does not work', async () => {
  let now = new Date('2026-01-01T00:00:00Z');
  const h = await openApiHarness({ now: () => now });
  try {
    const u = await addUser(h.ctx, SYSTEM, { email: 'late@example.org', name: 'Late', role: 'author' });
    const { token } = await issueLink(h.ctx, SYSTEM, u.id, 'sign-in');
    now = new Date('2026-01-02T00:00:01Z');
    assert.equal((await h.app.inject({ url: `/api/links/${token}` })).statusCode, 404);
  } finally {
    await h.close();
  }
});

test('TOTP: enrolment needs a right code; then sign-in is pending until a code or a recovery code is given', async () => {
  let now = new Date('2026-03-01T10:00:00Z');
  const h = await openApiHarness({ now: () => now });
  try {
    const a = await signInAs(h, 'editor');
    const setup = (await a.call('POST', '/api/me/totp/setup')).json();
    assert.match(setup.uri, /^otpauth:\/\/totp\//);
    assert.match(setup.qrSvg, /^<svg/);
    assert.equal((await a.call('POST', '/api/me/totp/confirm', { code: '000000' })).statusCode, 400);
    const confirmed = await a.call('POST', '/api/me/totp/confirm', { code: totpAt(setup.secret, now) });
    now = new Date(now.getTime() + 60_000);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const codes: string[] = confirmed.json().recoveryCodes;
    assert.equal(codes.length, 10);

    const r = await h.app.inject({ method: 'POST', url: '/api/session', headers: json, payload: { email: a.user.email, password: 'correct horse battery staple' } });
    assert.equal(r.json().secondFactor, 'pending');
    assert.deepEqual(r.json().methods, ['totp', 'recovery']);
    const cookie = cookieOf(r);
    const csrf = r.json().csrfToken;
    const headers = { cookie, 'x-csrf-token': csrf, ...json };
    assert.equal((await h.app.inject({ url: '/api/articles', headers })).statusCode, 403, 'nothing else until the second factor');
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/session/totp', headers, payload: { code: '123456' } })).statusCode, 401);
    const ok = await h.app.inject({ method: 'POST', url: '/api/session/recovery', headers, payload: { code: codes[0] } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await h.app.inject({ url: '/api/articles', headers })).statusCode, 200);

    const r2 = await h.app.inject({ method: 'POST', url: '/api/session', headers: json, payload: { email: a.user.email, password: 'correct horse battery staple' } });
    const h2 = { cookie: cookieOf(r2), 'x-csrf-token': r2.json().csrfToken, ...json };
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/session/recovery', headers: h2, payload: { code: codes[0] } })).statusCode, 401, 'a recovery code works once');
    const code = totpAt(setup.secret, now);
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/session/totp', headers: h2, payload: { code } })).statusCode, 200);
    const r3 = await h.app.inject({ method: 'POST', url: '/api/session', headers: json, payload: { email: a.user.email, password: 'correct horse battery staple' } });
    const h3 = { cookie: cookieOf(r3), 'x-csrf-token': r3.json().csrfToken, ...json };
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/session/totp', headers: h3, payload: { code } })).statusCode, 401, 'a TOTP code is good once');
  } finally {
    await h.close();
  }
});

test('when the owner requires two-factor, a user without one may only enrol', () =>
  withHarness(async (h) => {
    const owner = await signInAs(h, 'owner');
    const ed = await signInAs(h, 'editor');
    assert.equal((await owner.call('PUT', '/api/settings', { requireTwoFactor: true })).statusCode, 200);
    assert.equal((await ed.call('GET', '/api/session')).json().mustEnrolTwoFactor, true);
    const refused = await ed.call('GET', '/api/articles');
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().mustEnrolTwoFactor, true);
    assert.equal((await ed.call('POST', '/api/me/totp/setup')).statusCode, 200);
  }));

test('sessions: listed, revoked one by one, and "sign out everywhere" ends the others', () =>
  withHarness(async (h) => {
    const a = await signInAs(h, 'author');
    const second = await h.app.inject({ method: 'POST', url: '/api/session', headers: { ...json, 'user-agent': 'Phone' }, payload: { email: a.user.email, password: 'correct horse battery staple' } });
    const other = cookieOf(second);
    const list = (await a.call('GET', '/api/me/sessions')).json();
    assert.equal(list.length, 2);
    assert.equal(list.filter((s: { current: boolean }) => s.current).length, 1);
    assert.ok(list.every((s: { id: string }) => /^[0-9a-f]{16}$/.test(s.id)));
    assert.equal((await a.call('POST', '/api/me/sessions/revoke-others')).json().revoked, 1);
    assert.equal((await h.app.inject({ url: '/api/session', headers: { cookie: other } })).statusCode, 401);
    assert.equal((await a.call('GET', '/api/session')).statusCode, 200);
  }));

test('a disabled user is signed out at once and cannot sign in', () =>
  withHarness(async (h) => {
    const owner = await signInAs(h, 'owner');
    const a = await signInAs(h, 'author');
    assert.equal((await owner.call('PUT', `/api/users/${a.user.id}`, { status: 'disabled' })).statusCode, 200);
    assert.equal((await a.call('GET', '/api/session')).statusCode, 401);
    const r = await h.app.inject({ method: 'POST', url: '/api/session', headers: json, payload: { email: a.user.email, password: 'correct horse battery staple' } });
    assert.equal(r.statusCode, 401);
    const log = (await owner.call('GET', '/api/audit')).json().items.map((e: { action: string }) => e.action);
    assert.ok(log.includes('user.status'));
  }));

test('API tokens: named, scoped, listed with last use, revoked; a read token cannot write', () =>
  withHarness(async (h) => {
    const ed = await signInAs(h, 'editor');
    assert.equal((await ed.call('POST', '/api/tokens', { name: 'bot', scope: 'admin' })).statusCode, 403, 'an editor cannot mint an admin token');
    const made = await ed.call('POST', '/api/tokens', { name: 'reader', scope: 'read' });
    assert.equal(made.statusCode, 201, made.body);
    const token = made.json().token;
    const bearer = { authorization: `Bearer ${token}`, ...json };
    assert.equal((await h.app.inject({ url: '/api/articles', headers: bearer })).statusCode, 200);
    const write = await h.app.inject({ method: 'POST', url: '/api/articles', headers: bearer, payload: { language: 'fr', title: 'T', bodyHtml: '<p>x</p>' } });
    assert.equal(write.statusCode, 403);
    const listed = (await ed.call('GET', '/api/tokens')).json();
    assert.equal(listed.length, 1);
    assert.equal(listed[0].scope, 'read');
    assert.ok(listed[0].lastUsedAt);
    assert.equal((await ed.call('DELETE', `/api/tokens/${listed[0].id}`)).statusCode, 204);
    assert.equal((await h.app.inject({ url: '/api/articles', headers: bearer })).statusCode, 401);
  }));
