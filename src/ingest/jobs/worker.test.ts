import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { openTestContext } from '../../publish/test-context.ts';
import { claimJobs, completeJob, countJobs, enqueueJob, getJob } from './queue.ts';
import { LeaseLostError, PermanentJobError, runWorker } from './worker.ts';

async function sideEffects(db: Kysely<Database>): Promise<Map<number, number>> {
  const r = await sql<{ job_id: number; n: number }>`SELECT job_id, count(*) AS n FROM side_effects GROUP BY job_id`.execute(db);
  return new Map(r.rows.map((x) => [Number(x.job_id), Number(x.n)]));
}

test('two workers running together never run the same job, and every job runs once', async () => {
  const ctx = await openTestContext();
  try {
    const db = ctx.store.db;
    await sql`CREATE TABLE side_effects (job_id integer NOT NULL, worker text NOT NULL)`.execute(db);
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) ids.push((await enqueueJob(db, { kind: 'work', payload: { i } }))!.id);
    const ran: Array<[number, string]> = [];
    const worker = (name: string) =>
      runWorker({
        store: ctx.store,
        owner: name,
        concurrency: 3,
        pollIntervalMs: 5,
        stopWhenIdle: true,
        handlers: {
          work: async (job, jc) => {
            ran.push([job.id, name]);
            await new Promise((r) => setTimeout(r, job.id % 3));
            await jc.transact((tx) => sql`INSERT INTO side_effects (job_id, worker) VALUES (${job.id}, ${name})`.execute(tx));
          },
        },
      });
    const [a, b] = await Promise.all([worker('A'), worker('B')]);
    assert.equal(a.done + b.done, 40);
    assert.deepEqual(ran.map(([id]) => id).sort((x, y) => x - y), ids);
    const effects = await sideEffects(db);
    assert.equal(effects.size, 40);
    assert.ok([...effects.values()].every((n) => n === 1));
    assert.deepEqual(await countJobs(db), { queued: 0, running: 0, done: 40, failed: 0 });
  } finally {
    await ctx.store.close();
  }
});

test('a job whose worker died (lease expired, never completed) is run by another worker', async () => {
  const t0 = Date.now();
  const ctx = await openTestContext();
  try {
    const db = ctx.store.db;
    const job = (await enqueueJob(db, { kind: 'work' }, new Date(t0)))!;
    const [dead] = await claimJobs(ctx.store, { owner: 'dead', limit: 1, leaseMs: 30_000, now: new Date(t0) });
    assert.equal(dead.id, job.id);
    const seen: number[] = [];
    const stats = await runWorker({
      store: ctx.store,
      owner: 'alive',
      stopWhenIdle: true,
      now: () => new Date(Date.now() + 60_000), // later than the dead worker's lease
      handlers: { work: async (j) => void seen.push(j.attempts) },
    });
    assert.deepEqual(seen, [2]);
    assert.equal(stats.done, 1);
    assert.equal((await getJob(db, job.id))!.state, 'done');
    assert.equal(await completeJob(db, dead), false, 'the dead worker cannot complete it late');
  } finally {
    await ctx.store.close();
  }
});

test('a failing handler is retried with backoff; a permanent error fails at once with the message kept', async () => {
  const ctx = await openTestContext();
  try {
    const db = ctx.store.db;
    const flaky = (await enqueueJob(db, { kind: 'flaky', maxAttempts: 3 }))!;
    const bad = (await enqueueJob(db, { kind: 'bad' }))!;
    const unknown = (await enqueueJob(db, { kind: 'nobody' }))!;
    let calls = 0;
    const errors: unknown[] = [];
    const ac = new AbortController();
    let final = 0;
    await runWorker({
      store: ctx.store,
      kinds: ['flaky', 'bad', 'nobody'],
      pollIntervalMs: 2,
      backoff: { baseMs: 1, maxMs: 1, jitter: 0 },
      onError: (e) => errors.push(e),
      signal: AbortSignal.any([ac.signal, AbortSignal.timeout(20_000)]), // a bug fails the test instead of hanging it
      onJobDone: (_j, outcome) => {
        if ((outcome === 'done' || outcome === 'failed') && ++final === 3) ac.abort();
      },
      handlers: {
        flaky: async () => {
          if (++calls < 3) throw new Error(`try ${calls}`);
        },
        bad: async () => {
          throw new PermanentJobError('cannot ever work');
        },
      },
    });
    assert.equal(calls, 3);
    assert.equal((await getJob(db, flaky.id))!.state, 'done');
    const b = (await getJob(db, bad.id))!;
    assert.equal(b.state, 'failed');
    assert.equal(b.attempts, 1);
    assert.equal(b.lastError, 'PermanentJobError: cannot ever work');
    const u = (await getJob(db, unknown.id))!;
    assert.equal(u.state, 'failed');
    assert.match(u.lastError!, /no handler for job kind "nobody"/);
    assert.equal(errors.length, 4);
  } finally {
    await ctx.store.close();
  }
});

test('transact rolls back the side effect when the lease was lost meanwhile', async () => {
  const ctx = await openTestContext();
  try {
    const db = ctx.store.db;
    await sql`CREATE TABLE side_effects (job_id integer NOT NULL, worker text NOT NULL)`.execute(db);
    const job = (await enqueueJob(db, { kind: 'work' }))!;
    const outcomes: string[] = [];
    let thrown: unknown;
    await runWorker({
      store: ctx.store,
      stopWhenIdle: true,
      onJobDone: (_j, o) => outcomes.push(o),
      handlers: {
        work: async (j, jc) => {
          // Another worker steals the job (as if our lease had expired).
          await db.updateTable('jobs').set({ lease_owner: 'thief/1' }).where('id', '=', j.id).execute();
          try {
            await jc.transact((tx) => sql`INSERT INTO side_effects (job_id, worker) VALUES (${j.id}, 'me')`.execute(tx));
          } catch (e) {
            thrown = e;
            throw e;
          }
        },
      },
    });
    assert.ok(thrown instanceof LeaseLostError);
    assert.deepEqual(outcomes, ['lost']);
    assert.equal((await sideEffects(db)).size, 0);
    assert.equal((await getJob(db, job.id))!.state, 'running', 'left to the worker that holds it');
  } finally {
    await ctx.store.close();
  }
});

test('stopping the worker lets running jobs finish', async () => {
  const ctx = await openTestContext();
  try {
    await enqueueJob(ctx.store.db, { kind: 'work' });
    const ac = new AbortController();
    let finished = false;
    const stats = await runWorker({
      store: ctx.store,
      signal: ac.signal,
      handlers: {
        work: async () => {
          ac.abort();
          await new Promise((r) => setTimeout(r, 20));
          finished = true;
        },
      },
    });
    assert.equal(finished, true);
    assert.equal(stats.done, 1);
  } finally {
    await ctx.store.close();
  }
});
