// The page-view counter on its own, on SQLite or PostgreSQL: who counts, once per day, batched writes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../context.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createPageViewCounter, type PageViewRequest } from './page-views.ts';

let clock = new Date('2026-02-01T12:00:00Z');
let ctx: AppContext;
before(async () => {
  ctx = await openTestContext({ now: () => clock });
});
after(async () => {
  await ctx.store.close();
});

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const view = (over: Partial<PageViewRequest> & { ua?: string | null } = {}): PageViewRequest => ({
  method: over.method ?? 'GET',
  ip: over.ip ?? '198.51.100.1',
  headers: { ...(over.ua === null ? {} : { 'user-agent': over.ua ?? BROWSER }), ...over.headers },
});

async function stored(articleId: number): Promise<Record<string, number>> {
  const rows = await ctx.store.db.selectFrom('daily_counts').selectAll().where('article_id', '=', articleId).execute();
  for (const r of rows) assert.deepEqual([r.metric, r.key], ['view', '']);
  return Object.fromEntries(rows.map((r) => [r.day, Number(r.count)]));
}

test('a reader counts once per article per day; writes wait for the flush', async () => {
  clock = new Date('2026-02-01T12:00:00Z');
  const views = createPageViewCounter(ctx, { flushMs: 60_000 });
  assert.equal(views.record(view(), 101), true);
  assert.equal(views.record(view(), 101), false, 'same reader, same article, same day');
  assert.equal(views.record(view(), 102), true, 'another article');
  assert.equal(views.record(view({ ua: BROWSER.replace('126', '127') }), 101), true, 'another browser');
  assert.equal(views.record(view({ ip: '203.0.113.9' }), 101), true, 'another address');
  assert.equal(views.record(view({ ip: '2001:db8:5:6::1' }), 101), true);
  assert.equal(views.record(view({ ip: '2001:db8:5:6:ffff::2' }), 101), false, 'same IPv6 /64');
  assert.deepEqual(await stored(101), {}, 'nothing written on the hit path');
  await views.flush();
  assert.deepEqual(await stored(101), { '2026-02-01': 4 });
  assert.deepEqual(await stored(102), { '2026-02-01': 1 });

  clock = new Date('2026-02-02T00:00:01Z');
  assert.equal(views.record(view(), 101), true, 'a new day counts the reader again');
  assert.equal(views.record(view(), 101), false);
  await views.flush();
  assert.equal(views.record(view({ ip: '203.0.113.10' }), 101), true);
  await views.flush();
  assert.deepEqual(await stored(101), { '2026-02-01': 4, '2026-02-02': 2 }, 'later flushes add to the day');
});

test('bots, prefetches, previews, HEAD and requests without a User-Agent do not count', async () => {
  const views = createPageViewCounter(ctx, { flushMs: 60_000 });
  const ignored: PageViewRequest[] = [
    view({ method: 'HEAD' }),
    view({ headers: { 'sec-purpose': 'prefetch' } }),
    view({ headers: { 'sec-purpose': 'prefetch;prerender' } }),
    view({ headers: { purpose: 'prefetch' } }),
    view({ headers: { 'x-purpose': 'preview' } }),
    view({ ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }),
    view({ ua: 'curl/8.5.0' }),
    view({ ua: null }),
    view({ ua: '' }),
  ];
  for (const req of ignored) assert.equal(views.record(req, 201), false, JSON.stringify(req));
  assert.equal(views.record(view(), 201), true, 'the same reader in a plain GET does count');
  await views.flush();
  assert.deepEqual(await stored(201), { '2026-02-02': 1 });
});

test('a failed write keeps its counts for the next flush', async () => {
  let fail = true;
  const flaky = {
    ...ctx,
    store: {
      ...ctx.store,
      // Only what the counter uses: the plugin-free handle it writes through.
      db: {
        withoutPlugins: () => {
          if (fail) throw new Error('database away');
          return ctx.store.db.withoutPlugins();
        },
      } as unknown as AppContext['store']['db'],
    },
  };
  const views = createPageViewCounter(flaky, { flushMs: 60_000 });
  views.record(view(), 301);
  views.record(view({ ip: '203.0.113.1' }), 301);
  await assert.rejects(views.flush(), /database away/);
  fail = false;
  views.record(view({ ip: '203.0.113.2' }), 301);
  await views.flush();
  assert.deepEqual(await stored(301), { '2026-02-02': 3 });
});
