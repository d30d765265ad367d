// The dashboards' API through the real app, on SQLite or PostgreSQL: page views counted on the public page,
// share clicks, copies and their visits, by day, network, language and article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness, type ApiHarness } from './test-app.ts';
import { signingSecret } from '../follow/secret.ts';
import { signCopyToken } from '../follow/token.ts';

let clock = new Date('2026-02-01T09:00:00Z');
let h: ApiHarness;
type Made = { id: number; slug: string; language: string };
let fr: Made;
let en: Made;
let other: Made;

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const reader = (n: number) => ({ ip: `198.51.100.${n}`, ua: BROWSER });

async function visit(a: Made, who: { ip: string; ua: string }, opts: { method?: 'GET' | 'HEAD'; headers?: Record<string, string> } = {}) {
  const r = await h.app.inject({
    method: opts.method ?? 'GET',
    url: `/${a.language}/${a.slug}`,
    remoteAddress: who.ip,
    headers: { 'user-agent': who.ua, ...opts.headers },
  });
  assert.equal(r.statusCode, 200);
}
const share = (a: Made, network: string, who: { ip: string; ua: string }) =>
  // A click in the browser: its Fetch Metadata says so (follow/person-click.ts).
  h.app.inject({ method: 'GET', url: `/share/${a.id}/${network}`, remoteAddress: who.ip, headers: { 'user-agent': who.ua, 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'same-origin', 'sec-fetch-user': '?1' } });
const beacon = (url: string, body: unknown, ip: string) =>
  h.app.inject({ method: 'POST', url, remoteAddress: ip, headers: { 'content-type': 'text/plain;charset=UTF-8' }, payload: JSON.stringify(body) });
const stats = async (query: string) => {
  const r = await h.call('GET', `/api/stats${query}`);
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
};

before(async () => {
  h = await openApiHarness({ now: () => clock });
  const make = async (language: string, title: string): Promise<Made> => {
    const r = await h.call('POST', '/api/articles', { language, title, bodyHtml: '<p>Texte.</p>', status: 'published' });
    assert.equal(r.statusCode, 201, r.body);
    return r.json();
  };
  fr = await make('fr', 'Les rivières montent');
  en = await make('en', 'Rivers rise');
  other = await make('en', 'Orchards bloom');

  // Day 1: fr seen by two readers (one of them twice), en by one; machines and speculative loads do not count.
  await visit(fr, reader(1));
  await visit(fr, reader(1));
  await visit(fr, reader(2));
  await visit(fr, reader(3), { method: 'HEAD' });
  await visit(fr, reader(3), { headers: { 'sec-purpose': 'prefetch' } });
  await visit(fr, reader(3), { headers: { purpose: 'prefetch' } });
  await visit(fr, { ip: '198.51.100.3', ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
  await visit(en, reader(1));
  assert.equal((await share(en, 'x', reader(1))).statusCode, 302);
  await share(en, 'x', reader(1)); // the same click again: counted once
  await share(en, 'email', reader(1));
  await share(fr, 'facebook', reader(2));

  // Day 2: the first reader is counted again; the third article is read, copied and copied back to.
  clock = new Date('2026-02-02T10:00:00Z');
  await visit(fr, reader(1));
  for (const n of [1, 2, 3]) await visit(other, reader(n));
  const token = signCopyToken(await signingSecret(h.ctx.store), `BdcYKAD1mC1G6xXA.${other.id.toString(36)}`);
  assert.equal((await beacon('/copy', { token, articleId: other.id, chars: 80 }, '198.51.100.1')).statusCode, 204);
  assert.equal((await beacon('/copy', { token, articleId: other.id, chars: 80 }, '198.51.100.1')).statusCode, 204); // same token
  assert.equal((await beacon('/copy/visit', { token }, '203.0.113.5')).statusCode, 204);
  clock = new Date('2026-02-03T08:00:00Z');
});
after(async () => {
  await h.close();
});

test('site series by day, zero-filled, with shares per network', async () => {
  const s = await stats('?from=2026-02-01&to=2026-02-04');
  assert.deepEqual(s.days, ['2026-02-01', '2026-02-02', '2026-02-03', '2026-02-04']);
  assert.deepEqual(s.series, { views: [3, 4, 0, 0], shares: [3, 0, 0, 0], copies: [0, 1, 0, 0], copyVisits: [0, 1, 0, 0] });
  assert.deepEqual(s.totals, { views: 7, shares: 3, copies: 1, copyVisits: 1 });
  assert.equal(s.sharesByNetwork.x, 1);
  assert.equal(s.sharesByNetwork.email, 1);
  assert.equal(s.sharesByNetwork.facebook, 1);
  assert.equal(s.sharesByNetwork.mastodon, 0);
  assert.equal(s.language, null);
});

test('top articles by views, ties broken by shares, and the split by language', async () => {
  const s = await stats('?from=2026-02-01&to=2026-02-02');
  assert.deepEqual(
    s.topArticles.map((a: { id: number; views: number; shares: number }) => [a.id, a.views, a.shares]),
    [[fr.id, 3, 1], [other.id, 3, 0], [en.id, 1, 2]],
  );
  assert.deepEqual(s.topArticles[1], { id: other.id, title: 'Orchards bloom', language: 'en', views: 3, shares: 0, copies: 1, copyVisits: 1 });
  assert.deepEqual(s.byLanguage, [
    { language: 'en', views: 4, shares: 2, copies: 1, copyVisits: 1 },
    { language: 'fr', views: 3, shares: 1, copies: 0, copyVisits: 0 },
  ]);
  assert.deepEqual((await stats('?from=2026-02-01&to=2026-02-02&limit=1')).topArticles.map((a: { id: number }) => a.id), [fr.id]);
  assert.deepEqual((await stats('?from=2026-02-02&to=2026-02-02')).topArticles.map((a: { id: number }) => a.id), [other.id, fr.id]);
});

test('one language: every figure is that language only', async () => {
  const s = await stats('?from=2026-02-01&to=2026-02-02&language=fr');
  assert.equal(s.language, 'fr');
  assert.deepEqual(s.series.views, [2, 1]);
  assert.deepEqual(s.series.shares, [1, 0]);
  assert.equal(s.sharesByNetwork.x, 0);
  assert.deepEqual(s.topArticles.map((a: { id: number }) => a.id), [fr.id]);
  assert.deepEqual(s.byLanguage.map((l: { language: string }) => l.language), ['fr']);
});

test('the default range is the 30 days ending today', async () => {
  const s = await stats('');
  assert.equal(s.days.length, 30);
  assert.equal(s.to, '2026-02-03');
  assert.equal(s.from, '2026-01-05');
  assert.equal(s.totals.views, 7);
});

test('one article: all-time counts as before, plus its day series and networks', async () => {
  const r = await h.call('GET', `/api/articles/${en.id}/stats?from=2026-02-01&to=2026-02-02`);
  assert.equal(r.statusCode, 200, r.body);
  const s = r.json();
  assert.equal(s.articleId, en.id);
  assert.equal(s.shares.total, 2);
  assert.equal(s.shares.byNetwork.x, 1);
  assert.deepEqual(s.copies, { copies: 0, visitsFromCopies: 0 });
  assert.deepEqual(s.days, ['2026-02-01', '2026-02-02']);
  assert.deepEqual(s.series, { views: [1, 0], shares: [2, 0], copies: [0, 0], copyVisits: [0, 0] });
  assert.equal(s.sharesByNetwork.email, 1);
  const copied = (await h.call('GET', `/api/articles/${other.id}/stats?from=2026-02-02&to=2026-02-02`)).json();
  assert.deepEqual(copied.series, { views: [3], shares: [0], copies: [1], copyVisits: [1] });
  assert.deepEqual(copied.copies, { copies: 1, visitsFromCopies: 1 });
});

test('bad ranges and filters are 400s that say why; unknown articles 404', async () => {
  const refused = async (url: string, field: string, message: RegExp) => {
    const r = await h.call('GET', url);
    assert.equal(r.statusCode, 400, url);
    assert.equal(r.json().field, field);
    assert.match(r.json().error, message);
  };
  await refused('/api/stats?from=2026-02-05&to=2026-02-01', 'from', /after/);
  await refused('/api/stats?from=2025-01-01&to=2026-02-01', 'from', /at most 366 days/);
  await refused('/api/stats?from=yesterday', 'from', /YYYY-MM-DD/);
  await refused('/api/stats?to=2026-02-31', 'to', /calendar date/);
  await refused('/api/stats?language=French!', 'language', /language code/);
  await refused('/api/stats?limit=0', 'limit', /1 to 100/);
  await refused(`/api/articles/${fr.id}/stats?from=2026-13-01`, 'from', /YYYY-MM-DD|calendar/);
  assert.equal((await h.call('GET', '/api/articles/999999/stats')).statusCode, 404);
  const anonymous = await h.app.inject({ method: 'GET', url: '/api/stats' });
  assert.equal(anonymous.statusCode, 401);
});

test('views still waiting in memory are written when the app closes', async () => {
  const h2 = await openApiHarness({ now: () => clock });
  const a: Made = (await h2.call('POST', '/api/articles', { language: 'en', title: 'Closing time', bodyHtml: '<p>x</p>', status: 'published' })).json();
  const r = await h2.app.inject({ method: 'GET', url: `/en/${a.slug}`, remoteAddress: '198.51.100.9', headers: { 'user-agent': BROWSER } });
  assert.equal(r.statusCode, 200);
  await h2.app.close();
  const rows = await h2.ctx.store.db.selectFrom('daily_counts').select(['metric', 'day', 'count']).where('article_id', '=', a.id).execute();
  await h2.ctx.store.close();
  assert.deepEqual(rows.map((x) => [x.metric, x.day, Number(x.count)]), [['view', '2026-02-03', 1]]);
});
