// The shared rate limiter's behaviour, one table of cases run against each backend: the database (SQLite or
// PostgreSQL, as the suite runs) and Redis (RELAIS_TEST_REDIS_URL, default 127.0.0.1:6379; skipped when it
// does not answer). Two limiters of one name stand for two processes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../context.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createSharedRateLimiter } from './shared-limiter.ts';
import { openRedisRateCounter } from '../store/redis-windows.ts';
import type { RateCounter } from '../store/rate-windows.ts';
import { openTestRedis, TEST_REDIS_URL as REDIS_URL, testPrefix } from '../store/test-redis.ts';

const { client: redis, skip: redisSkip } = await openTestRedis();

let clock = new Date('2026-05-01T10:00:00Z');
let ctx: AppContext;
const closers: Array<() => Promise<unknown>> = [];
before(async () => {
  ctx = await openTestContext({ now: () => clock });
});
after(async () => {
  for (const close of closers) await close();
  await ctx.store.close();
  redis?.destroy();
});

interface Backend {
  name: string;
  skip: string | false;
  /** A counter (undefined: the database's) and what it stores, to check that no raw key reaches it. */
  open(): Promise<{ counter?: RateCounter; stored: () => Promise<string[]> }>;
  /** A counter whose backend is gone. */
  broken(): Promise<Pick<AppContext, 'store' | 'rateCounter'>>;
}

const BACKENDS: Backend[] = [
  {
    name: 'database',
    skip: false,
    open: async () => ({ stored: async () => (await ctx.store.db.selectFrom('rate_windows').select('key').execute()).map((r) => r.key) }),
    async broken() {
      const gone = await openTestContext();
      await gone.store.close();
      return { store: gone.store };
    },
  },
  {
    name: 'redis',
    skip: redisSkip,
    async open() {
      const prefix = testPrefix();
      const counter = openRedisRateCounter(REDIS_URL, { prefix });
      closers.push(() => counter.close());
      assert.equal(await counter.ready, true);
      return { counter, stored: () => redis!.keys(`${prefix}*`) };
    },
    async broken() {
      const counter = openRedisRateCounter('redis://127.0.0.1:1', { connectMs: 200 });
      closers.push(() => counter.close());
      await counter.ready;
      return { store: ctx.store, rateCounter: counter };
    },
  },
];

for (const backend of BACKENDS) {
  const opts = { skip: backend.skip };
  const limiter = (counter: RateCounter | undefined, name = 'share', limit = 3) =>
    createSharedRateLimiter({ store: ctx.store, now: () => clock, rateCounter: counter }, { name, limit, windowMs: 60_000 });
  const takes = async (l: { take(k: string): Promise<boolean> }, key: string, n: number) => {
    const out: boolean[] = [];
    for (let i = 0; i < n; i++) out.push(await l.take(key));
    return out;
  };

  test(`${backend.name}: a budget per key per window, shared by two processes`, opts, async () => {
    clock = new Date('2026-05-01T10:00:10Z');
    const { counter, stored } = await backend.open();
    const [one, two] = [limiter(counter), limiter(counter)];
    assert.deepEqual([await one.take('198.51.100.1'), await two.take('198.51.100.1'), await one.take('198.51.100.1')], [true, true, true]);
    assert.deepEqual(await takes(two, '198.51.100.1', 2), [false, false], 'the budget of 3 is used up, whichever process asks');
    assert.deepEqual(await takes(one, '198.51.100.2', 3), [true, true, true], 'another key has its own budget');
    assert.equal(await limiter(counter, 'copy').take('198.51.100.1'), true, 'another limit has its own budget');
    clock = new Date('2026-05-01T10:01:00Z');
    assert.deepEqual(await takes(two, '198.51.100.1', 4), [true, true, true, false], 'the next window starts afresh');
    const keys = await stored();
    assert.ok(keys.length > 0);
    for (const k of keys) assert.ok(!k.includes('198.51.100'), `no address stored: ${k}`);
  });

  test(`${backend.name}: simultaneous takes never exceed the budget`, opts, async () => {
    clock = new Date('2026-05-01T11:00:00Z');
    const { counter } = await backend.open();
    const [one, two] = [limiter(counter, 'visit', 5), limiter(counter, 'visit', 5)];
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).take('203.0.113.5')));
    assert.equal(all.filter(Boolean).length, 5);
  });

  test(`${backend.name}: an unreachable backend lets requests through and says why`, opts, async () => {
    const errors: unknown[] = [];
    const gone = await backend.broken();
    const l = createSharedRateLimiter({ ...gone, now: () => clock }, { name: 'share', limit: 1, windowMs: 60_000, onError: (e) => errors.push(e) });
    const started = Date.now();
    assert.deepEqual(await takes(l, '198.51.100.9', 3), [true, true, true]);
    assert.equal(errors.length, 3);
    assert.ok(Date.now() - started < 2000, 'fails fast');
  });
}

test('redis: a window expires at its end', { skip: redisSkip }, async () => {
  const prefix = testPrefix();
  const counter = openRedisRateCounter(REDIS_URL, { prefix });
  closers.push(() => counter.close());
  assert.equal(await counter.ready, true);
  assert.equal(await counter.take('k', 60_000, 60_000, 105_000), 1);
  assert.equal(await counter.take('k', 60_000, 60_000, 110_000), 2);
  const ttl = await redis!.pTTL(`${prefix}k:60000`);
  assert.ok(ttl > 14_000 && ttl <= 15_000, `expires with its window (15 s left), not later: ${ttl} ms`);
});
