import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestContext } from '../../publish/test-context.ts';
import { addFeed, getFeed, listFeeds } from '../subscriptions/feeds.ts';
import { listCandidates } from '../subscriptions/candidates.ts';
import { fakeFetcher, rss, type FakeResponse } from '../subscriptions/testing.ts';
import { FetchResult } from '../fetch/index.ts';
import { createPoller, permanentRedirectOf, type PollReport } from './poller.ts';
import { claimDueFeeds } from './claim.ts';

const T0 = new Date('2026-06-01T08:00:00.000Z');

function clock(start = T0) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (s: number) => (t += s * 1000) };
}

test('polls due feeds: 200 then conditional 304, candidates once, schedule and validators stored', async () => {
  const c = clock();
  const ctx = await openTestContext({ now: c.now });
  try {
    const body = rss('Site', 'https://a.example.com/', [
      { guid: '1', title: 'One story', link: 'https://a.example.com/1', description: 'About one' },
      { guid: '2', title: 'Two story', link: 'https://a.example.com/2', description: 'About two' },
    ]);
    const fetcher = fakeFetcher({
      'https://a.example.com/feed': (_u, o) => (o.etag === '"v1"' ? { status: 304 } : { headers: { etag: '"v1"', 'content-type': 'application/rss+xml' }, body }),
    });
    const feed = (await addFeed(ctx, { url: 'https://a.example.com/feed' })).feed;
    const reports: PollReport[] = [];
    const poller = createPoller({ store: ctx.store, fetcher, now: c.now, random: () => 0.5, onPoll: (r) => reports.push(r) });

    assert.equal(await poller.runOnce(), 1);
    let f = await getFeed(ctx, feed.id);
    assert.deepEqual([f.etag, f.lastStatus, f.errorCount, f.title, f.siteUrl], ['"v1"', 200, 0, 'Site', 'https://a.example.com/']);
    assert.equal(f.nextCheckAt, new Date(T0.getTime() + 1800_000).toISOString());
    assert.equal(f.lastCheckedAt, T0.toISOString());
    assert.equal(reports[0]!.newCandidates, 2);
    assert.equal(await poller.runOnce(), 0, 'not due yet');

    c.advance(1800);
    assert.equal(await poller.runOnce(), 1);
    assert.deepEqual(fetcher.calls.map((x) => x.etag), [null, '"v1"']);
    f = await getFeed(ctx, feed.id);
    assert.equal(f.lastStatus, 304);
    assert.equal(reports[1]!.kind, 'not-modified');
    assert.equal((await listCandidates(ctx)).length, 2);
    assert.deepEqual(poller.stats.byKind, { ok: 1, 'not-modified': 1, 'parse-error': 0, 'http-error': 0, 'fetch-error': 0 });
  } finally {
    await ctx.store.close();
  }
});

test('an unchanged 200 body is not parsed again; a changed one adds only the new entries', async () => {
  const c = clock();
  const ctx = await openTestContext({ now: c.now });
  try {
    let items = [{ guid: '1', title: 'First entry', link: 'https://b.example.com/1' }];
    let parses = 0;
    const fetcher = fakeFetcher({ 'https://b.example.com/feed': () => ({ body: rss('B', 'https://b.example.com/', items) }) });
    await addFeed(ctx, { url: 'https://b.example.com/feed' });
    const { parseFeed } = await import('../feedparse/index.ts');
    const poller = createPoller({ store: ctx.store, fetcher, now: c.now, random: () => 0.5, parse: (b, o) => (parses++, parseFeed(b, o)) });
    await poller.runOnce();
    c.advance(3600);
    await poller.runOnce();
    assert.equal(parses, 1);
    items = [{ guid: '2', title: 'Second entry', link: 'https://b.example.com/2' }, ...items];
    c.advance(3600);
    await poller.runOnce();
    assert.equal(parses, 2);
    assert.deepEqual((await listCandidates(ctx)).map((x) => x.guid), ['2', '1']);
    assert.equal(poller.stats.newCandidates, 2);
  } finally {
    await ctx.store.close();
  }
});

test('errors: 429 with Retry-After, 500 backoff, 404 pauses after repeats, broken feed, timeout', async () => {
  const c = clock();
  const ctx = await openTestContext({ now: c.now });
  try {
    const routes: Record<string, FakeResponse> = {
      'https://r.example.com/feed': { status: 429, headers: { 'retry-after': '7200' } },
      'https://s.example.com/feed': { status: 500 },
      'https://g.example.com/feed': { status: 404 },
      'https://x.example.com/feed': { body: '<html><body><p>Moved to our app!</p></body></html>' },
      'https://t.example.com/feed': { error: 'timeout' },
    };
    const fetcher = fakeFetcher(routes);
    for (const url of Object.keys(routes)) await addFeed(ctx, { url });
    const poller = createPoller({ store: ctx.store, fetcher, now: c.now, random: () => 0, policy: { pauseAfterGoneErrors: 3 } });
    assert.equal(await poller.runOnce(), 5);
    const byHost = async () => Object.fromEntries((await listFeeds(ctx)).map((f) => [f.host.split('.')[0], f]));
    let f = await byHost();
    const delay = (x: { nextCheckAt: string }) => (Date.parse(x.nextCheckAt) - c.now().getTime()) / 1000;
    assert.equal(delay(f.r!), 7200);
    assert.deepEqual([f.r!.errorCount, f.r!.lastStatus], [1, 429]);
    assert.equal(delay(f.s!), 600);
    assert.equal(f.s!.lastError, 'HTTP 500');
    assert.equal(f.x!.errorCount, 1);
    assert.match(f.x!.lastError!, /not a usable feed/);
    assert.equal(f.t!.lastStatus, null);
    assert.match(f.t!.lastError!, /^timeout/);
    for (let i = 0; i < 3; i++) {
      c.advance(86400);
      await poller.runOnce();
    }
    f = await byHost();
    assert.equal(f.g!.status, 'paused');
    assert.match(f.g!.pauseReason!, /HTTP 404 \(3 consecutive failures\)/);
    assert.equal(f.s!.status, 'active', '5xx does not pause so soon');
    assert.equal(f.s!.errorCount, 4);
    const callsBefore = fetcher.calls.filter((x) => x.url.includes('g.example')).length;
    c.advance(86400 * 7);
    await poller.runOnce();
    assert.equal(fetcher.calls.filter((x) => x.url.includes('g.example')).length, callsBefore, 'a paused feed is not polled');
  } finally {
    await ctx.store.close();
  }
});

test('a permanent redirect moves the stored URL; onto an existing feed it pauses instead', async () => {
  const c = clock();
  const ctx = await openTestContext({ now: c.now });
  try {
    const moved = (to: string) => () => {
      const r: FakeResponse = { body: rss('M', 'https://m.example.com/', []), url: to, redirects: ['x'] };
      return r;
    };
    const fetcher = fakeFetcher({ 'https://old.example.com/feed': moved('https://new.example.com/feed'), 'https://dup.example.com/feed': moved('https://taken.example.com/feed') });
    // Statuses of the redirects, as the fetcher would report them.
    const real = fetcher.fetch;
    fetcher.fetch = async (u, o) => Object.assign(await real(u, o), { redirectStatuses: [301] });
    const old = (await addFeed(ctx, { url: 'https://old.example.com/feed' })).feed;
    const dup = (await addFeed(ctx, { url: 'https://dup.example.com/feed' })).feed;
    const taken = (await addFeed(ctx, { url: 'https://taken.example.com/feed' }, { nextCheckAt: new Date(T0.getTime() + 1e9) })).feed;
    await createPoller({ store: ctx.store, fetcher, now: c.now }).runOnce();
    const o = await getFeed(ctx, old.id);
    assert.deepEqual([o.url, o.host, o.status], ['https://new.example.com/feed', 'new.example.com', 'active']);
    const d = await getFeed(ctx, dup.id);
    assert.equal(d.status, 'paused');
    assert.match(d.pauseReason!, new RegExp(`already subscribed as feed ${taken.id}`));

    const base = { redirects: ['https://a/'], redirectStatuses: [] as number[], url: 'https://b/' };
    assert.equal(permanentRedirectOf(base), null, 'no statuses: not taken as permanent');
    assert.equal(permanentRedirectOf(Object.assign(base, { redirectStatuses: [302] })), null);
    assert.equal(permanentRedirectOf(Object.assign({ ...base }, { redirectStatuses: [308] })), 'https://b/');
    assert.ok(FetchResult);
  } finally {
    await ctx.store.close();
  }
});

test('per-host and global concurrency limits hold', async () => {
  const ctx = await openTestContext();
  try {
    const hosts = ['h1', 'h2', 'h3', 'h4'];
    for (const h of hosts) for (let i = 0; i < 6; i++) await addFeed(ctx, { url: `https://${h}.example.com/feed${i}` });
    let active = 0;
    let peak = 0;
    const perHost = new Map<string, number>();
    let peakHost = 0;
    const gates: Array<() => void> = [];
    const fetcher = fakeFetcher();
    fetcher.fetch = async (u) => {
      const host = new URL(String(u)).hostname;
      active++;
      perHost.set(host, (perHost.get(host) ?? 0) + 1);
      peak = Math.max(peak, active);
      peakHost = Math.max(peakHost, perHost.get(host)!);
      await new Promise<void>((r) => gates.push(r));
      await new Promise((r) => setTimeout(r, 1));
      active--;
      perHost.set(host, perHost.get(host)! - 1);
      return new FetchResult({ status: 304, url: String(u), headers: {}, body: Buffer.alloc(0), etag: undefined, lastModified: undefined, notModified: true, redirects: [] });
    };
    const release = setInterval(() => gates.splice(0).forEach((g) => g()), 2);
    const ac = new AbortController();
    let polled = 0;
    await createPoller({
      store: ctx.store, fetcher, concurrency: 5, perHost: 2, maxBuffered: 6, flushIntervalMs: 1,
      onPoll: () => {
        if (++polled === 24) ac.abort();
      },
    }).run(AbortSignal.any([ac.signal, AbortSignal.timeout(20_000)])); // the timeout turns a bug into a failure, not a hang
    clearInterval(release);
    assert.equal(polled, 24);
    assert.ok(peak <= 5 && peak >= 3, `global peak ${peak}`);
    assert.equal(peakHost, 2);
    assert.equal((await listFeeds(ctx)).filter((f) => f.lastStatus === 304).length, 24);
  } finally {
    await ctx.store.close();
  }
});

test('a claim is a lease: a second poller cannot take claimed feeds, and a lost lease writes nothing', async () => {
  const ctx = await openTestContext({ now: () => T0 });
  try {
    const feed = (await addFeed(ctx, { url: 'https://l.example.com/feed' })).feed;
    const a = await claimDueFeeds(ctx.store, { token: 'A/1', limit: 10, leaseMs: 60_000, now: T0 });
    assert.equal(a.length, 1);
    assert.equal((await claimDueFeeds(ctx.store, { token: 'B/1', limit: 10, leaseMs: 60_000, now: T0 })).length, 0);
    const later = new Date(T0.getTime() + 61_000);
    assert.equal((await claimDueFeeds(ctx.store, { token: 'B/2', limit: 10, leaseMs: 60_000, now: later })).length, 1, 'expired lease: due again');
    const { applyOutcomes } = await import('./claim.ts');
    const { planAfterPoll } = await import('./policy.ts');
    const plan = planAfterPoll({ kind: 'not-modified', headers: {} }, { errorCount: 0, etag: null, lastModified: null, bodyHash: null, lastStatus: null }, T0);
    const [res] = await applyOutcomes(ctx.store, [{ feedId: feed.id, token: 'A/1', checkedAt: T0, plan, candidates: [], title: null, siteUrl: null }]);
    assert.equal(res!.applied, false);
    assert.equal((await getFeed(ctx, feed.id)).lastStatus, null);
  } finally {
    await ctx.store.close();
  }
});

test('run() loops until stopped, then gives unpolled feeds back', async () => {
  const ctx = await openTestContext();
  try {
    for (let i = 0; i < 30; i++) await addFeed(ctx, { url: `https://h${i % 3}.example.com/f${i}` });
    const fetcher = fakeFetcher();
    let n = 0;
    const ac = new AbortController();
    fetcher.fetch = async (u) => {
      if (++n === 10) ac.abort();
      await new Promise((r) => setTimeout(r, 2));
      return new FetchResult({ status: 304, url: String(u), headers: {}, body: Buffer.alloc(0), etag: undefined, lastModified: undefined, notModified: true, redirects: [] });
    };
    const stats = await createPoller({ store: ctx.store, fetcher, concurrency: 4, perHost: 1, flushIntervalMs: 5 }).run(ac.signal);
    assert.ok(stats.polls >= 1 && stats.polls < 30);
    const feeds = await listFeeds(ctx);
    const leased = await ctx.store.db.selectFrom('feeds').select('id').where('lease_owner', 'is not', null).execute();
    assert.equal(leased.length, 0, 'no lease left behind');
    assert.equal(feeds.filter((f) => f.lastStatus === 304).length, stats.polls);
    assert.ok(feeds.filter((f) => f.lastStatus === null).every((f) => Date.parse(f.nextCheckAt) <= Date.now()), 'unpolled feeds are due again');
  } finally {
    await ctx.store.close();
  }
});

test('two pollers sharing the database poll each due feed once', async () => {
  const ctx = await openTestContext();
  try {
    for (let i = 0; i < 40; i++) await addFeed(ctx, { url: `https://h${i % 5}.example.com/f${i}` });
    const calls = new Map<string, number>();
    const mk = () => {
      const f = fakeFetcher();
      f.fetch = async (u) => {
        calls.set(String(u), (calls.get(String(u)) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 1));
        return new FetchResult({ status: 304, url: String(u), headers: {}, body: Buffer.alloc(0), etag: undefined, lastModified: undefined, notModified: true, redirects: [] });
      };
      return f;
    };
    const [a, b] = await Promise.all([
      createPoller({ store: ctx.store, fetcher: mk(), owner: 'A', concurrency: 3, maxBuffered: 4 }).runOnce(),
      createPoller({ store: ctx.store, fetcher: mk(), owner: 'B', concurrency: 3, maxBuffered: 4 }).runOnce(),
    ]);
    assert.equal(a + b, 40);
    assert.equal(calls.size, 40);
    assert.ok([...calls.values()].every((n) => n === 1));
  } finally {
    await ctx.store.close();
  }
});

test('a claim takes at most the room left per host, oldest due first, and a release keeps the place in line', async () => {
  const ctx = await openTestContext({ now: () => T0 });
  try {
    for (let i = 0; i < 10; i++) await addFeed(ctx, { url: `https://busy.example.com/f${i}` }, { nextCheckAt: new Date(T0.getTime() - 10_000 + i) });
    for (let i = 0; i < 3; i++) await addFeed(ctx, { url: `https://quiet${i}.example.com/f` }, { nextCheckAt: new Date(T0.getTime() - 5_000 + i) });
    const rows = await claimDueFeeds(ctx.store, { token: 'A/1', limit: 6, leaseMs: 60_000, now: T0, hostRoom: (h) => (h === 'busy.example.com' ? 2 : 4) });
    assert.deepEqual(rows.map((r) => r.url.replace('https://', '')), ['busy.example.com/f0', 'busy.example.com/f1', 'quiet0.example.com/f', 'quiet1.example.com/f', 'quiet2.example.com/f']);
    assert.equal(rows[0]!.next_check_at, new Date(T0.getTime() - 10_000).toISOString(), 'rows carry when they were due');
    const { releaseFeeds } = await import('./claim.ts');
    await releaseFeeds(ctx.store.db, 'A/1', [{ id: Number(rows[0]!.id), dueAt: rows[0]!.next_check_at }]);
    const again = await claimDueFeeds(ctx.store, { token: 'B/1', limit: 1, leaseMs: 60_000, now: T0 });
    assert.equal(again[0]!.id, rows[0]!.id, 'first in line again');
  } finally {
    await ctx.store.close();
  }
});
