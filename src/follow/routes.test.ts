// HTTP behaviour of share counting and copy attribution, through the real app, on SQLite or PostgreSQL.
import { test, before, after, mock } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Article } from '../domain/types.ts';
import { buildApp } from '../app.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { getCopyStats, getShareCounts } from '../store/counters.ts';
import { sql } from 'kysely';
import { registerFollowRoutes } from './routes.ts';
import { articleFollowStats } from './stats.ts';
import { signingSecret } from './secret.ts';
import { signCopyToken } from './token.ts';

let clock = new Date('2026-02-01T12:00:00Z');
let ctx: AppContext;
let app: FastifyInstance;
let fr: Article;
let en: Article;
let draft: Article;
let later: Article;

before(async () => {
  ctx = await openTestContext({ now: () => clock, baseUrl: 'https://relais.example' });
  fr = await createArticle(ctx, { language: 'fr', title: 'Les rivières montent & « débordent »', bodyHtml: '<p>Eau.</p>', status: 'published' }, SYSTEM);
  en = await createArticle(ctx, { language: 'en', title: 'Rivers rise', bodyHtml: '<p>Water.</p>', status: 'published' }, SYSTEM);
  draft = await createArticle(ctx, { language: 'en', title: 'Not yet', bodyHtml: '<p>Draft.</p>' }, SYSTEM);
  later = await createArticle(ctx, { language: 'en', title: 'Later', bodyHtml: '<p>Soon.</p>', status: 'scheduled', publishedAt: '2030-01-01T00:00:00Z' }, SYSTEM);
  app = await buildApp(ctx);
  secret = await signingSecret(ctx.store);
});
after(async () => {
  await app.close();
  await ctx.store.close();
});

const click = (id: number, network: string, reader: { ip?: string; ua?: string } = {}, query = '') =>
  app.inject({
    method: 'GET',
    url: `/share/${id}/${network}${query}`,
    remoteAddress: reader.ip ?? '198.51.100.1',
    headers: { 'user-agent': reader.ua ?? 'Mozilla/5.0 (X11) Kestrel/1.0' },
  });
const shares = async (id: number) => getShareCounts(ctx.store.db, id);
let secret: Buffer;
// Tokens as the server signs them (POST /copy/token makes random ones; these are fixed for the tests).
const token = (id: number, random = 'BdcYKAD1mC1G6xXA') => signCopyToken(secret, `${random}.${id.toString(36)}`);
const postCopy = (body: unknown, opts: { ip?: string; type?: string } = {}) =>
  app.inject({
    method: 'POST',
    url: '/copy',
    remoteAddress: opts.ip ?? '198.51.100.1',
    headers: { 'content-type': opts.type ?? 'text/plain;charset=UTF-8' },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
const postVisit = (body: unknown, opts: { ip?: string; type?: string } = {}) =>
  app.inject({
    method: 'POST',
    url: '/copy/visit',
    remoteAddress: opts.ip ?? '198.51.100.1',
    headers: { 'content-type': opts.type ?? 'text/plain;charset=UTF-8' },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

test('a click counts once per reader within the window, redirects to the network, and is private', async () => {
  const r1 = await click(en.id, 'x');
  assert.equal(r1.statusCode, 302);
  const loc = new URL(r1.headers.location as string);
  assert.equal(loc.origin + loc.pathname, 'https://x.com/intent/post');
  assert.equal(loc.searchParams.get('text'), 'Rivers rise');
  assert.equal(loc.searchParams.get('url'), 'https://relais.example/en/rivers-rise');
  assert.equal(r1.headers['cache-control'], 'no-store');
  assert.equal(r1.headers['x-robots-tag'], 'noindex');
  assert.equal((await shares(en.id)).byNetwork.x, 1);

  const r2 = await click(en.id, 'x');
  assert.equal(r2.statusCode, 302, 'a repeated click still goes to the network');
  assert.equal(r2.headers.location, r1.headers.location);
  assert.equal((await shares(en.id)).byNetwork.x, 1, 'same reader within the window: not counted again');

  await click(en.id, 'x', { ua: 'Mozilla/5.0 (X11) Kestrel/2.0' });
  await click(en.id, 'x', { ip: '203.0.113.7' });
  assert.equal((await shares(en.id)).byNetwork.x, 3, 'other readers count');

  await click(en.id, 'facebook');
  assert.equal((await shares(en.id)).byNetwork.facebook, 1, 'the same reader on another network counts');

  clock = new Date(clock.getTime() + (ctx.site.shareDedupSeconds + 1) * 1000);
  await click(en.id, 'x');
  const counts = await shares(en.id);
  assert.equal(counts.byNetwork.x, 4, 'after the window, the same reader counts again');
  assert.equal(counts.total, 5);
});

test('the redirect Location of every network carries the title and article URL', async () => {
  const url = 'https://relais.example/fr/les-rivieres-montent-debordent';
  const expect: Record<string, (l: URL) => void> = {
    facebook: (l) => assert.equal(l.searchParams.get('u'), url),
    x: (l) => assert.equal(l.searchParams.get('url'), url),
    bluesky: (l) => assert.equal(l.searchParams.get('text'), `${fr.title} ${url}`),
    linkedin: (l) => assert.equal(l.searchParams.get('url'), url),
    whatsapp: (l) => assert.equal(l.searchParams.get('text'), `${fr.title} ${url}`),
    telegram: (l) => assert.equal(l.searchParams.get('text'), fr.title),
  };
  for (const [network, check] of Object.entries(expect)) {
    const r = await click(fr.id, network, { ip: '192.0.2.50' });
    assert.equal(r.statusCode, 302, network);
    check(new URL(r.headers.location as string));
  }
  const mail = await click(fr.id, 'email', { ip: '192.0.2.50' });
  const loc = mail.headers.location as string;
  assert.match(loc, /^mailto:\?subject=/);
  assert.match(decodeURIComponent(loc), /À lire\u00a0: Les rivières montent & « débordent »/);
  assert.ok(decodeURIComponent(loc).includes(url));
});

test('unknown network, unknown or hidden article: 404 and nothing counted', async () => {
  const before = await shares(fr.id);
  for (const url of [`/share/${fr.id}/myspace`, `/share/${fr.id}/constructor`, '/share/999999/x', '/share/0/x', '/share/abc/x', '/share/1e3/x', `/share/${draft.id}/x`, `/share/${later.id}/facebook`]) {
    const r = await app.inject({ url, remoteAddress: '192.0.2.99' });
    assert.equal(r.statusCode, 404, url);
    assert.equal(r.headers['cache-control'], 'no-store', url);
    assert.equal(r.headers['x-robots-tag'], 'noindex', url);
  }
  assert.deepEqual(await shares(fr.id), before);
  assert.equal((await shares(draft.id)).total, 0);
  assert.equal((await shares(later.id)).total, 0);
});

test('HEAD and browser prefetches redirect without counting; other methods are not routes', async () => {
  const before = (await shares(fr.id)).byNetwork.telegram;
  const head = await app.inject({ method: 'HEAD', url: `/share/${fr.id}/telegram`, remoteAddress: '192.0.2.60' });
  assert.equal(head.statusCode, 302);
  const prefetch = await app.inject({ url: `/share/${fr.id}/telegram`, remoteAddress: '192.0.2.61', headers: { 'sec-purpose': 'prefetch' } });
  assert.equal(prefetch.statusCode, 302);
  assert.equal((await shares(fr.id)).byNetwork.telegram, before);
  const post = await app.inject({ method: 'POST', url: `/share/${fr.id}/telegram`, remoteAddress: '192.0.2.62' });
  assert.equal(post.statusCode, 404);
  assert.equal((await shares(fr.id)).byNetwork.telegram, before);
});

test('mastodon: a localised form without an instance, a redirect with a valid one, the form again with a hostile one', async () => {
  const form = await click(fr.id, 'mastodon', { ip: '192.0.2.70' });
  assert.equal(form.statusCode, 200);
  assert.match(form.headers['content-type'] as string, /^text\/html/);
  assert.equal(form.headers['cache-control'], 'no-store');
  assert.match(form.body, /<html lang="fr">/);
  assert.match(form.body, /<label for="instance">Votre serveur Mastodon<\/label>/);
  assert.match(form.body, /<form method="get" action="\/share\/\d+\/mastodon">/);
  assert.doesNotMatch(form.body, /<script/);
  assert.match(form.body, /Les rivières montent &amp; « débordent »/);
  const enForm = await click(en.id, 'mastodon', { ip: '192.0.2.70' });
  assert.match(enForm.body, /<label for="instance">Your Mastodon server<\/label>/);
  assert.equal((await shares(fr.id)).byNetwork.mastodon, 0, 'showing the form is not a share');

  for (const bad of ['evil.com/@x', 'javascript:alert(1)', '127.0.0.1', 'a@b', 'mastodon.social:8443', '"><script>alert(1)</script>']) {
    const r = await click(fr.id, 'mastodon', { ip: '192.0.2.70' }, `?instance=${encodeURIComponent(bad)}`);
    assert.equal(r.statusCode, 400, bad);
    assert.equal(r.headers.location, undefined);
    assert.match(r.body, /role="alert"/);
    assert.match(r.body, /aria-invalid="true"/);
    assert.doesNotMatch(r.body, /<script>/);
  }
  const arr = await click(fr.id, 'mastodon', { ip: '192.0.2.70' }, '?instance=a.social&instance=b.social');
  assert.equal(arr.statusCode, 400, 'a repeated parameter is not an instance');
  assert.equal((await shares(fr.id)).byNetwork.mastodon, 0);

  const ok = await click(fr.id, 'mastodon', { ip: '192.0.2.70' }, '?instance=Mastodon.Social&confirm=1');
  assert.equal(ok.statusCode, 302);
  const loc = new URL(ok.headers.location as string);
  assert.equal(loc.origin, 'https://mastodon.social');
  assert.equal(loc.pathname, '/share');
  assert.equal(loc.searchParams.get('text'), `${fr.title} https://relais.example/fr/les-rivieres-montent-debordent`);
  assert.equal((await shares(fr.id)).byNetwork.mastodon, 1);
});

test('counts.json gives the counts of a visible article, uncached', async () => {
  const r = await app.inject(`/share/${en.id}/counts.json`);
  assert.equal(r.statusCode, 200);
  assert.equal(r.headers['cache-control'], 'no-store');
  assert.deepEqual(r.json(), await shares(en.id));
  assert.equal(r.json().byNetwork.x, 4);
  assert.equal((await app.inject(`/share/${draft.id}/counts.json`)).statusCode, 404);
  assert.equal((await app.inject('/share/424242/counts.json')).statusCode, 404);
});

test('a reported copy is recorded, and visits with its token count', async () => {
  const t = token(fr.id);
  const r = await postCopy({ token: t, articleId: fr.id, chars: 240 });
  assert.equal(r.statusCode, 204);
  assert.equal(r.headers['cache-control'], 'no-store');
  assert.deepEqual(await getCopyStats(ctx.store.db, fr.id), { copies: 1, visitsFromCopies: 0 });

  const json = await postCopy({ token: token(fr.id, 'abcdefghijklmnop'), articleId: fr.id, chars: 90 }, { type: 'application/json' });
  assert.equal(json.statusCode, 204, 'application/json is accepted too');
  assert.deepEqual(await getCopyStats(ctx.store.db, fr.id), { copies: 2, visitsFromCopies: 0 });

  assert.equal((await postCopy({ token: t, articleId: fr.id, chars: 240 })).statusCode, 204);
  assert.equal((await getCopyStats(ctx.store.db, fr.id)).copies, 2, 'the same token is one copy');

  assert.equal((await postVisit({ token: t }, { ip: '203.0.113.20' })).statusCode, 204);
  assert.equal((await getCopyStats(ctx.store.db, fr.id)).visitsFromCopies, 1);
  assert.equal((await postVisit({ token: t }, { ip: '203.0.113.20' })).statusCode, 204);
  assert.equal((await getCopyStats(ctx.store.db, fr.id)).visitsFromCopies, 1, 'one visit per reader per token');
  assert.equal((await postVisit({ token: t }, { ip: '203.0.113.21', type: 'application/json' })).statusCode, 204);
  assert.equal((await getCopyStats(ctx.store.db, fr.id)).visitsFromCopies, 2, 'another reader counts');
});

test('copy tokens come signed from POST /copy/token; forged and unsigned ones are refused', async () => {
  const issued = await app.inject({ method: 'POST', url: '/copy/token', remoteAddress: '198.51.100.70', headers: { 'content-type': 'text/plain' }, payload: JSON.stringify({ articleId: en.id }) });
  assert.equal(issued.statusCode, 200);
  assert.equal(issued.headers['cache-control'], 'no-store');
  const t = issued.json().token as string;
  assert.match(t, new RegExp(`^[0-9A-Za-z]{16}\\.${en.id.toString(36)}\\.[A-Za-z0-9_-]{16}$`));
  const before = await getCopyStats(ctx.store.db, en.id);
  const unsigned = t.slice(0, t.lastIndexOf('.'));
  const sig = t.slice(t.lastIndexOf('.') + 1);
  const forged = `${unsigned}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
  const otherArticle = `${t.slice(0, 16)}.${fr.id.toString(36)}.${sig}`; // a genuine signature moved to another id
  for (const bad of [forged, unsigned, otherArticle]) {
    const r = await postCopy({ token: bad, articleId: parseInt(bad.split('.')[1], 36), chars: 120 }, { ip: '198.51.100.71' });
    assert.equal(r.statusCode, 400, bad);
    assert.match(r.json().error, /not a copy token made by this site/);
  }
  assert.deepEqual(await getCopyStats(ctx.store.db, en.id), before);
  assert.equal((await postCopy({ token: t, articleId: en.id, chars: 120 }, { ip: '198.51.100.71' })).statusCode, 204);
  assert.equal((await getCopyStats(ctx.store.db, en.id)).copies, before.copies + 1);
  // A forged token brings no visit either.
  await postVisit({ token: forged }, { ip: '203.0.113.71' });
  assert.equal((await getCopyStats(ctx.store.db, en.id)).visitsFromCopies, before.visitsFromCopies);
  await postVisit({ token: t }, { ip: '203.0.113.71' });
  assert.equal((await getCopyStats(ctx.store.db, en.id)).visitsFromCopies, before.visitsFromCopies + 1);
  // No token for a hidden article or a bad body.
  const ask = (body: unknown) => app.inject({ method: 'POST', url: '/copy/token', remoteAddress: '198.51.100.72', headers: { 'content-type': 'text/plain' }, payload: JSON.stringify(body) });
  assert.equal((await ask({ articleId: draft.id })).statusCode, 404);
  assert.equal((await ask({ articleId: 'x' })).statusCode, 400);
});

test('unknown or malformed visit tokens are ignored with the same 204', async () => {
  const before = await getCopyStats(ctx.store.db, fr.id);
  for (const body of [{ token: token(fr.id, 'ZZZZZZZZZZZZZZZZ') }, { token: 'nope' }, { token: 42 }, {}, 'not json', '[]', 'null']) {
    const r = await postVisit(body, { ip: '203.0.113.30' });
    assert.equal(r.statusCode, 204, JSON.stringify(body));
    assert.equal(r.body, '');
  }
  assert.deepEqual(await getCopyStats(ctx.store.db, fr.id), before);
});

test('copies with a wrong id in the token, bad fields or hidden articles are refused and not recorded', async () => {
  const before = await getCopyStats(ctx.store.db, en.id);
  const cases: Array<[unknown, number]> = [
    [{ token: token(fr.id, 'qqqqqqqqqqqqqqqq'), articleId: en.id, chars: 200 }, 400], // token names another article
    [{ token: 'qqqqqqqqqqqqqqq.' + en.id.toString(36), articleId: en.id, chars: 200 }, 400],
    [{ token: token(en.id, 'qqqqqqqqqqqqqqqq'), articleId: String(en.id), chars: 200 }, 400],
    [{ token: token(en.id, 'qqqqqqqqqqqqqqqq'), articleId: en.id, chars: 0 }, 400],
    [{ token: token(en.id, 'qqqqqqqqqqqqqqqq'), articleId: en.id, chars: 2.5 }, 400],
    [{ token: token(en.id, 'qqqqqqqqqqqqqqqq'), articleId: en.id, chars: 1e9 }, 400],
    [{ token: token(en.id, 'qqqqqqqqqqqqqqqq'), articleId: en.id, chars: '200' }, 400],
    [{ token: token(en.id, 'qqqqqqqqqqqqqqqq'), articleId: en.id }, 400],
    ['{not json', 400],
    ['[1,2]', 400],
    [{ token: token(draft.id, 'qqqqqqqqqqqqqqqq'), articleId: draft.id, chars: 200 }, 404],
    [{ token: token(later.id, 'qqqqqqqqqqqqqqqq'), articleId: later.id, chars: 200 }, 404],
    [{ token: token(987654, 'qqqqqqqqqqqqqqqq'), articleId: 987654, chars: 200 }, 404],
  ];
  for (const [body, status] of cases) {
    const r = await postCopy(body, { ip: '203.0.113.40' });
    assert.equal(r.statusCode, status, JSON.stringify(body));
  }
  assert.deepEqual(await getCopyStats(ctx.store.db, en.id), before);
  assert.equal((await getCopyStats(ctx.store.db, draft.id)).copies, 0);
});

test('copy beacons take small bodies of the content types sendBeacon sends, nothing else', async () => {
  const big = JSON.stringify({ token: token(en.id), articleId: en.id, chars: 100, pad: 'x'.repeat(4000) });
  assert.equal((await postCopy(big, { ip: '203.0.113.50' })).statusCode, 413);
  assert.equal((await postVisit(big, { ip: '203.0.113.50' })).statusCode, 413);
  const form = await postCopy('token=x', { ip: '203.0.113.50', type: 'application/x-www-form-urlencoded' });
  assert.equal(form.statusCode, 415);
  assert.equal((await app.inject({ method: 'GET', url: '/copy' })).statusCode, 404);
});

test('one client cannot inflate copies or visits: reports past the budget are not recorded', async () => {
  const ip = '203.0.113.60';
  const { copies: before } = await getCopyStats(ctx.store.db, en.id);
  let accepted = 0;
  for (let i = 0; i < 40; i++) {
    const r = await postCopy({ token: token(en.id, `rate${String(i).padStart(12, '0')}`), articleId: en.id, chars: 100 }, { ip });
    if (r.statusCode === 204) accepted++;
    else assert.equal(r.statusCode, 429);
  }
  assert.equal(accepted, 30);
  assert.equal((await getCopyStats(ctx.store.db, en.id)).copies, before + 30);
  assert.equal((await postCopy({ token: token(en.id, 'otherclient00000'), articleId: en.id, chars: 100 }, { ip: '203.0.113.61' })).statusCode, 204);
});

test('share clicks past the per-IP budget still redirect but do not count', async () => {
  const c = await openTestContext({ now: () => clock });
  try {
    const a = await createArticle(c, { language: 'en', title: 'Budget', bodyHtml: '<p>b</p>', status: 'published' }, SYSTEM);
    const small = Fastify();
    await registerFollowRoutes(small, c, { sharesPerIp: 2 });
    for (let i = 0; i < 4; i++) {
      const r = await small.inject({ url: `/share/${a.id}/whatsapp`, remoteAddress: '198.51.100.200', headers: { 'user-agent': `Mozilla/5.0 (X11) Kestrel/${i}` } });
      assert.equal(r.statusCode, 302);
    }
    assert.equal((await getShareCounts(c.store.db, a.id)).byNetwork.whatsapp, 2);
    await small.close();
  } finally {
    await c.store.close();
  }
});

test('the copy script is served with an ETag, a cache header and 304 on revalidation', async () => {
  const r = await app.inject('/assets/relais-copy.js');
  assert.equal(r.statusCode, 200);
  assert.match(r.headers['content-type'] as string, /^text\/javascript/);
  assert.match(r.headers['cache-control'] as string, /max-age=\d+/);
  const etag = r.headers.etag as string;
  assert.match(etag, /^"[\w-]+"$/);
  assert.match(r.body, /En savoir plus sur /);
  assert.ok(r.rawPayload.length < 8192, 'a few KB');
  const again = await app.inject({ url: '/assets/relais-copy.js', headers: { 'if-none-match': etag } });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
  const other = await app.inject({ url: '/assets/relais-copy.js', headers: { 'if-none-match': '"stale"' } });
  assert.equal(other.statusCode, 200);
});

test('articleFollowStats gives editors shares and copies, and refuses unknown articles', async () => {
  const s = await articleFollowStats(ctx, fr.id);
  assert.deepEqual(s.shares, await shares(fr.id));
  assert.deepEqual(s.copies, { copies: 2, visitsFromCopies: 2 });
  const d = await articleFollowStats(ctx, draft.id);
  assert.equal(d.shares.total, 0);
  await assert.rejects(articleFollowStats(ctx, 999999), /no article/);
});

test('old dedup rows are pruned by a background timer, which app.close stops and waits for', async () => {
  let now = new Date('2026-04-01T08:00:00Z');
  const c = await openTestContext({ now: () => now });
  mock.timers.enable({ apis: ['setInterval'] });
  try {
    const a = await createArticle(c, { language: 'en', title: 'Prune', bodyHtml: '<p>p</p>', status: 'published' }, SYSTEM);
    const small = Fastify();
    await registerFollowRoutes(small, c);
    await small.inject({ url: `/share/${a.id}/linkedin`, remoteAddress: '198.51.100.201', headers: { 'user-agent': 'Mozilla/5.0 (X11) Kestrel/1.0' } });
    const rows = async () =>
      Number((await sql<{ n: number }>`select count(*) as n from share_clicks`.execute(c.store.db)).rows[0].n);
    assert.equal(await rows(), 1);
    mock.timers.tick(60 * 60_000);
    await small.close(); // waits for a prune in flight
    assert.equal(await rows(), 1, 'a click inside the window is kept');

    const again = Fastify();
    await registerFollowRoutes(again, c);
    now = new Date(now.getTime() + (c.site.shareDedupSeconds + 60) * 1000);
    mock.timers.tick(60 * 60_000);
    await again.close();
    assert.equal(await rows(), 0, 'a click older than the window is dropped');
    assert.equal((await getShareCounts(c.store.db, a.id)).byNetwork.linkedin, 1, 'counts are kept');
  } finally {
    mock.timers.reset();
    await c.store.close();
  }
});

test('simultaneous clicks from one reader (a double click) count once, on either database', async () => {
  const before = (await shares(en.id)).byNetwork.bluesky;
  const rs = await Promise.all(Array.from({ length: 8 }, () => click(en.id, 'bluesky', { ip: '198.51.100.77' })));
  assert.ok(rs.every((r) => r.statusCode === 302));
  assert.equal((await shares(en.id)).byNetwork.bluesky, before + 1);
});
