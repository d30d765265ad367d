import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestContext } from '../../publish/test-context.ts';
import { claimJobs, completeJob, countJobs, enqueueJob, extendLeases, failJob, getJob, pruneJobs } from './queue.ts';
import { retryDelayMs } from './backoff.ts';

const T0 = new Date('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

test('enqueue, claim with a lease, complete only while holding it', async () => {
  const ctx = await openTestContext();
  try {
    const db = ctx.store.db;
    const job = await enqueueJob(db, { kind: 'demo', payload: { n: 1 } }, T0);
    assert.ok(job);
    assert.equal(job.state, 'queued');
    assert.deepEqual(job.payload, { n: 1 });

    const [claimed] = await claimJobs(ctx.store, { owner: 'w1', limit: 5, leaseMs: 1000, now: T0 });
    assert.equal(claimed.id, job.id);
    assert.equal(claimed.state, 'running');
    assert.equal(claimed.attempts, 1);
    assert.match(claimed.leaseOwner!, /^w1\//);
    assert.deepEqual(await claimJobs(ctx.store, { owner: 'w2', limit: 5, leaseMs: 1000, now: at(500) }), [], 'held lease is not claimable');

    assert.equal(await completeJob(db, { id: job.id, leaseOwner: 'w1/other' }, at(600)), false, 'a wrong token cannot complete');
    assert.equal(await completeJob(db, claimed, at(600)), true);
    assert.equal((await getJob(db, job.id))!.state, 'done');
    assert.equal(await completeJob(db, claimed, at(700)), false, 'done only once');
  } finally {
    await ctx.store.close();
  }
});

test('run_at in the future and kind filters', async () => {
  const ctx = await openTestContext();
  try {
    await enqueueJob(ctx.store.db, { kind: 'a', runAt: at(10_000) }, T0);
    await enqueueJob(ctx.store.db, { kind: 'b' }, T0);
    assert.deepEqual(await claimJobs(ctx.store, { owner: 'w', kinds: ['a'], limit: 5, leaseMs: 1000, now: T0 }), []);
    const b = await claimJobs(ctx.store, { owner: 'w', kinds: ['a', 'b'], limit: 5, leaseMs: 1000, now: T0 });
    assert.deepEqual(b.map((j) => j.kind), ['b']);
    const a = await claimJobs(ctx.store, { owner: 'w', kinds: ['a'], limit: 5, leaseMs: 1000, now: at(10_000) });
    assert.deepEqual(a.map((j) => j.kind), ['a']);
  } finally {
    await ctx.store.close();
  }
});

test('dedup key allows one pending job, and a new one once it finished', async () => {
  const ctx = await openTestContext();
  try {
    const db = ctx.store.db;
    const first = await enqueueJob(db, { kind: 'poll', dedupKey: 'feed:1' }, T0);
    assert.ok(first);
    assert.equal(await enqueueJob(db, { kind: 'poll', dedupKey: 'feed:1' }, T0), null);
    assert.ok(await enqueueJob(db, { kind: 'poll', dedupKey: 'feed:2' }, T0));
    const claimed = await claimJobs(ctx.store, { owner: 'w', kinds: ['poll'], limit: 1, leaseMs: 1000, now: T0 });
    assert.equal(await enqueueJob(db, { kind: 'poll', dedupKey: 'feed:1' }, T0), null, 'still pending while running');
    await completeJob(db, claimed[0], T0);
    assert.ok(await enqueueJob(db, { kind: 'poll', dedupKey: 'feed:1' }, T0), 'allowed again once done');
  } finally {
    await ctx.store.close();
  }
});

test('an expired lease is reclaimed by another worker and the first cannot complete any more', async () => {
  const ctx = await openTestContext();
  try {
    const db = ctx.store.db;
    const job = (await enqueueJob(db, { kind: 'k' }, T0))!;
    const [mine] = await claimJobs(ctx.store, { owner: 'dead', limit: 1, leaseMs: 1000, now: T0 });
    assert.deepEqual(await claimJobs(ctx.store, { owner: 'other', limit: 1, leaseMs: 1000, now: at(999) }), []);
    const [theirs] = await claimJobs(ctx.store, { owner: 'other', limit: 1, leaseMs: 1000, now: at(1001) });
    assert.equal(theirs.id, job.id);
    assert.equal(theirs.attempts, 2);
    assert.equal(await completeJob(db, mine, at(1002)), false);
    assert.equal(await failJob(db, { ...mine }, new Error('late'), { now: at(1002) }), 'lost');
    assert.equal((await extendLeases(db, [mine], 1000, at(1002))).size, 0);
    assert.equal((await extendLeases(db, [theirs], 1000, at(1002))).has(job.id), true);
    assert.equal(await completeJob(db, theirs, at(1003)), true);
  } finally {
    await ctx.store.close();
  }
});

test('the same worker reclaiming its own expired job gets a new lease token', async () => {
  const ctx = await openTestContext();
  try {
    await enqueueJob(ctx.store.db, { kind: 'k' }, T0);
    const [first] = await claimJobs(ctx.store, { owner: 'w', limit: 1, leaseMs: 10, now: T0 });
    const [second] = await claimJobs(ctx.store, { owner: 'w', limit: 1, leaseMs: 10, now: at(20) });
    assert.notEqual(first.leaseOwner, second.leaseOwner);
    assert.equal(await completeJob(ctx.store.db, first, at(21)), false);
    assert.equal(await completeJob(ctx.store.db, second, at(21)), true);
  } finally {
    await ctx.store.close();
  }
});

test('failures back off exponentially, then fail for good keeping the error', async () => {
  const ctx = await openTestContext();
  try {
    const db = ctx.store.db;
    const job = (await enqueueJob(db, { kind: 'k', maxAttempts: 3 }, T0))!;
    const noJitter = { backoff: { baseMs: 1000, maxMs: 60_000, jitter: 0 } };
    let now = T0;
    const runAts: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const [c] = await claimJobs(ctx.store, { owner: 'w', limit: 1, leaseMs: 1000, now });
      assert.ok(c, `attempt ${i} claimed`);
      assert.equal(c.attempts, i);
      const outcome = await failJob(db, c, new Error(`boom ${i}`), { now, ...noJitter });
      assert.equal(outcome, i < 3 ? 'retry' : 'failed');
      const row = (await getJob(db, job.id))!;
      if (i < 3) {
        runAts.push(Date.parse(row.runAt) - now.getTime());
        assert.deepEqual(await claimJobs(ctx.store, { owner: 'w', limit: 1, leaseMs: 1000, now }), [], 'not before run_at');
        now = new Date(row.runAt);
      } else {
        assert.equal(row.state, 'failed');
        assert.equal(row.lastError, 'Error: boom 3');
      }
    }
    assert.deepEqual(runAts, [1000, 2000]);
    assert.deepEqual(await claimJobs(ctx.store, { owner: 'w', limit: 1, leaseMs: 1000, now: at(10 ** 9) }), []);
  } finally {
    await ctx.store.close();
  }
});

test('a job whose lease keeps expiring is failed once its attempts are used up', async () => {
  const ctx = await openTestContext();
  try {
    const job = (await enqueueJob(ctx.store.db, { kind: 'k', maxAttempts: 2 }, T0))!;
    await claimJobs(ctx.store, { owner: 'a', limit: 1, leaseMs: 10, now: T0 });
    await claimJobs(ctx.store, { owner: 'b', limit: 1, leaseMs: 10, now: at(20) });
    assert.deepEqual(await claimJobs(ctx.store, { owner: 'c', limit: 1, leaseMs: 10, now: at(40) }), []);
    const row = (await getJob(ctx.store.db, job.id))!;
    assert.equal(row.state, 'failed');
    assert.match(row.lastError!, /lease expired on attempt 2/);
    assert.deepEqual(await countJobs(ctx.store.db), { queued: 0, running: 0, done: 0, failed: 1 });
  } finally {
    await ctx.store.close();
  }
});

test('a permanent failure is final at once; prune removes old finished jobs', async () => {
  const ctx = await openTestContext();
  try {
    const db = ctx.store.db;
    await enqueueJob(db, { kind: 'k' }, T0);
    const [c] = await claimJobs(ctx.store, { owner: 'w', limit: 1, leaseMs: 1000, now: T0 });
    assert.equal(await failJob(db, c, 'bad input', { now: T0, retryable: false }), 'failed');
    assert.equal(await pruneJobs(db, at(1)), 0, 'failed kept by default');
    assert.equal(await pruneJobs(db, at(1), { includeFailed: true }), 1);
  } finally {
    await ctx.store.close();
  }
});

test('retryDelayMs grows exponentially, is capped, and jitter only shortens it', () => {
  const opts = { baseMs: 100, maxMs: 1000, jitter: 0 };
  assert.deepEqual([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, opts)), [100, 200, 400, 800, 1000, 1000]);
  assert.equal(retryDelayMs(1000, opts), 1000);
  assert.equal(retryDelayMs(3, { ...opts, jitter: 0.5 }, () => 1), 200);
  assert.equal(retryDelayMs(3, { ...opts, jitter: 0.5 }, () => 0), 400);
});
