// A reader counts once a day across processes: two counters on one database stand for two processes (each
// its own batch and seen set; the database and the day's shared secret in common), on SQLite or PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../context.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createPageViewCounter, type PageViewRequest } from './page-views.ts';
import { createPixelCounter } from './republish/pixel-counter.ts';
import { createDailyBatch } from './daily-batch.ts';
import { addDailyCounts, type DailyIncrement } from '../store/daily-counts.ts';

let clock = new Date('2026-03-01T09:00:00Z');
let ctx: AppContext;
before(async () => {
  ctx = await openTestContext({ now: () => clock });
});
after(async () => {
  await ctx.store.close();
});

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const view = (ip: string): PageViewRequest => ({ method: 'GET', ip, headers: { 'user-agent': BROWSER } });

async function views(articleId: number): Promise<Record<string, number>> {
  const rows = await ctx.store.db.selectFrom('daily_counts').select(['day', 'count']).where('article_id', '=', articleId).where('metric', '=', 'view').execute();
  return Object.fromEntries(rows.map((r) => [r.day, Number(r.count)]));
}

const days = async () => (await ctx.store.db.selectFrom('daily_readers').select('day').distinct().orderBy('day').execute()).map((r) => r.day);

test('a reader seen by two processes counts once; other readers and a new day count', async () => {
  const [one, two] = [createPageViewCounter(ctx, { flushMs: 60_000 }), createPageViewCounter(ctx, { flushMs: 60_000 })];
  assert.equal(one.record(view('198.51.100.7'), 11), true);
  assert.equal(two.record(view('198.51.100.7'), 11), true, 'the other process has not seen the reader');
  await Promise.all([one.flush(), two.flush()]); // both claim the reader at once: one insert wins
  assert.deepEqual(await views(11), { '2026-03-01': 1 });

  two.record(view('198.51.100.7'), 11);
  one.record(view('203.0.113.8'), 11);
  two.record(view('203.0.113.9'), 11);
  await one.flush();
  await two.flush();
  assert.deepEqual(await views(11), { '2026-03-01': 3 }, 'a later flush of a counted reader adds nothing; new readers add');

  clock = new Date('2026-03-02T00:00:05Z');
  two.record(view('198.51.100.7'), 11);
  one.record(view('198.51.100.7'), 11);
  await two.flush();
  await one.flush();
  assert.deepEqual(await views(11), { '2026-03-01': 3, '2026-03-02': 1 }, 'a new day counts the reader again, once');
});

test('days before yesterday are pruned at the flush', async () => {
  clock = new Date('2026-03-04T10:00:00Z');
  const counter = createPageViewCounter(ctx, { flushMs: 60_000 });
  assert.ok((await days()).includes('2026-03-01'));
  counter.record(view('198.51.100.7'), 12);
  await counter.flush();
  assert.deepEqual(await days(), ['2026-03-04']);
});

test('the kit pixel: one reader through two processes counts once per placement', async () => {
  clock = new Date('2026-03-04T11:00:00Z');
  const at = clock.toISOString();
  const article = await ctx.store.db
    .insertInto('articles')
    .values({ slug: 'flood', language: 'en', title: 'Flood', summary: '', body_html: '<p>x</p>', image_json: null, status: 'published', published_at: at, updated_at: at, created_at: at, canonical_url: null, canonical_policy: 'self', created_by: null, licence: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const hit = (ip: string) => ({ method: 'GET', ip, headers: { 'user-agent': BROWSER, referer: 'https://other.example/flood' } });
  const [one, two] = [createPixelCounter(ctx, { flushMs: 60_000 }), createPixelCounter(ctx, { flushMs: 60_000 })];
  for (const c of [one, two, one]) c.record(hit('198.51.100.20'), article.id, 'placement-a');
  two.record(hit('198.51.100.21'), article.id, 'placement-a');
  await one.flush();
  await two.flush();
  const rows = await ctx.store.db.selectFrom('republisher_views').select(['day', 'count']).execute();
  assert.deepEqual(rows.map((r) => [r.day, Number(r.count)]), [['2026-03-04', 2]]);
});

test('a write failing after the claim rolls the claim back: the retry still counts', async () => {
  let fail = true;
  const batch = createDailyBatch<DailyIncrement>({
    db: () => ctx.store.db,
    keyOf: (inc) => `${inc.articleId}`,
    write: async (db, b) => {
      if (fail) throw new Error('disk full');
      await addDailyCounts(db, b);
    },
  });
  batch.add('2026-03-04', 'digest-x', { articleId: 13, metric: 'view', day: '2026-03-04', count: 1 });
  await assert.rejects(batch.flush(), /disk full/);
  fail = false;
  await batch.flush();
  assert.deepEqual(await views(13), { '2026-03-04': 1 });
});
