// A worker process killed with SIGKILL in the middle of a job loses nothing: once its leases expire, another
// worker runs the unfinished jobs, and every job's side effect (a row, written with the completion) exists once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openStore, type Store } from '../../store/db.ts';
import { countJobs, enqueueJob, listJobs } from './queue.ts';
import { runWorker } from './worker.ts';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const pgUrl = process.env.DATABASE_URL && /^postgres/.test(process.env.DATABASE_URL) ? process.env.DATABASE_URL : null;

async function openShared(): Promise<{ store: Store; url: string; schema?: string; cleanup(): Promise<void> }> {
  if (pgUrl) {
    const schema = 'test_crash_' + randomBytes(5).toString('hex');
    const store = await openStore(pgUrl, { schema });
    return {
      store,
      url: pgUrl,
      schema,
      async cleanup() {
        await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(store.db);
        await store.close();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'relais-crash-'));
  const url = `sqlite:${join(dir, 'jobs.db')}`;
  const store = await openStore(url);
  return {
    store,
    url,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test(`a worker killed with SIGKILL mid-job: another finishes every job exactly once (${pgUrl ? 'PostgreSQL' : 'SQLite file'})`, async () => {
  const shared = await openShared();
  const { store } = shared;
  try {
    await sql`CREATE TABLE side_effects (job_id integer NOT NULL, worker text NOT NULL)`.execute(store.db);
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) {
      // Job 6 hangs: the child is killed while it (and maybe another) is running.
      ids.push((await enqueueJob(store.db, { kind: 'work', payload: { i, hang: i === 6 } }))!.id);
    }
    const child = spawn(process.execPath, [CHILD, shared.url, shared.schema ?? ''], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    const hangId = ids[6]!;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes(`started ${hangId}\n`)) resolve();
      });
      exited.then((c) => reject(new Error(`child exited early (${c}): ${stderr}`)));
    });
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');

    const before = await countJobs(store.db);
    assert.ok(before.running >= 1, 'the killed child left at least one job running');
    assert.ok(before.done >= 1, 'the child had finished some jobs');

    const stats = await runWorker({
      store,
      owner: 'survivor',
      concurrency: 3,
      stopWhenIdle: true,
      now: () => new Date(Date.now() + 120_000), // past the dead child's 60 s leases
      handlers: {
        work: async (job, ctx) => {
          await ctx.transact((tx) => sql`INSERT INTO side_effects (job_id, worker) VALUES (${job.id}, 'survivor')`.execute(tx));
        },
      },
    });
    assert.equal(stats.done, 30 - before.done);

    const rows = await sql<{ job_id: number; n: number }>`SELECT job_id, count(*) AS n FROM side_effects GROUP BY job_id ORDER BY job_id`.execute(store.db);
    assert.deepEqual(rows.rows.map((r) => Number(r.job_id)), ids);
    assert.ok(rows.rows.every((r) => Number(r.n) === 1), 'each side effect exactly once');
    assert.deepEqual(await countJobs(store.db), { queued: 0, running: 0, done: 30, failed: 0 });
    const hung = (await listJobs(store.db, { limit: 100 })).find((j) => j.id === hangId)!;
    assert.equal(hung.attempts, 2, 'the interrupted job was run a second time');
  } finally {
    await shared.cleanup();
  }
});

test(`worker processes claiming from the same queue at once run every job exactly once (${pgUrl ? 'PostgreSQL' : 'SQLite file'})`, async () => {
  const shared = await openShared();
  const { store } = shared;
  try {
    await sql`CREATE TABLE side_effects (job_id integer NOT NULL, worker text NOT NULL)`.execute(store.db);
    for (let i = 0; i < 150; i++) await enqueueJob(store.db, { kind: 'work', payload: { i } });
    const run = (name: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [CHILD, shared.url, shared.schema ?? '', '--until-idle', name], { stdio: ['ignore', 'ignore', 'inherit'] });
        child.on('exit', (code) => resolve(code));
      });
    assert.deepEqual(await Promise.all([run('p1'), run('p2'), run('p3')]), [0, 0, 0]);
    const rows = await sql<{ job_id: number; n: number }>`SELECT job_id, count(*) AS n FROM side_effects GROUP BY job_id`.execute(store.db);
    assert.equal(rows.rows.length, 150);
    assert.ok(rows.rows.every((r) => Number(r.n) === 1), 'no job ran twice');
    assert.deepEqual(await countJobs(store.db), { queued: 0, running: 0, done: 150, failed: 0 });
  } finally {
    await shared.cleanup();
  }
});
