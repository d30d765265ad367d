// PostgreSQL stopped and started again under a running `relais serve` (a private server: the shared one on
// 5432 serves other suites meanwhile), with API writes going on throughout: the writes during the outage
// get a 503 that says the database is unavailable, the process stays up, it serves again within 5 s of the
// server accepting connections, and every write it acknowledged is in the database afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { openCliHarness, type CliHarness } from './test-cli.ts';
import { privatePostgresUnavailable, startPrivatePostgres, type PrivatePostgres } from '../store/test-private-postgres.ts';

const PG = /^postgres/.test(process.env.DATABASE_URL ?? '');
const SKIP = PG ? privatePostgresUnavailable() : 'runs in the PostgreSQL pass (DATABASE_URL=postgres://…), on a private server';
const OUTAGE_MS = 1500;

interface Outcome {
  at: number;
  status: number | 'network';
  title: string;
  id?: number;
  body: string;
}

let server: PrivatePostgres;
let cli: CliHarness;
let serve: ChildProcess;
let log = '';
let base: string;
let token: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  if (SKIP) return;
  server = await startPrivatePostgres();
  cli = await openCliHarness({ databaseUrl: server.url });
  token = (await cli.run(['token', 'create', 'faults'])).stdout.trim();
  serve = cli.start(['serve', '--port', '0'], { RELAIS_C2PA: '0' });
  serve.stdout!.setEncoding('utf8').on('data', (d: string) => (log += d));
  serve.stderr!.setEncoding('utf8').on('data', (d: string) => (log += d));
  for (let end = Date.now() + 60_000; !/serving on http/.test(log); await sleep(50))
    if (Date.now() > end || serve.exitCode !== null) throw new Error(`serve did not start:\n${log}`);
  base = /serving on (http:\/\/\S+?)\/?\s/.exec(log)![1]!;
});

after(async () => {
  if (SKIP) return;
  if (serve && serve.exitCode === null && serve.signalCode === null) {
    serve.kill('SIGTERM');
    await new Promise((r) => serve.once('exit', r));
  }
  await cli?.close();
  await server?.close();
});

const headers = () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

async function writer(tag: string, outcomes: Outcome[], running: { on: boolean }): Promise<void> {
  for (let i = 0; running.on; i++) {
    const title = `Fault ${tag} ${i}`;
    const at = Date.now();
    try {
      const r = await fetch(`${base}/api/articles`, {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify({ language: 'en', title, bodyHtml: `<p>Write ${i} of writer ${tag}.</p>`, status: 'published' }),
        signal: AbortSignal.timeout(15_000),
      });
      const body = await r.text();
      outcomes.push({ at, status: r.status, title, body, ...(r.status === 201 ? { id: (JSON.parse(body) as { id: number }).id } : {}) });
    } catch (err) {
      outcomes.push({ at, status: 'network', title, body: String(err) });
    }
    await sleep(20);
  }
}

/** The first moment a fresh connection to the server succeeds. */
async function acceptingSince(url: string): Promise<number> {
  for (;;) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      const at = Date.now();
      await c.end();
      return at;
    } catch {
      await c.end().catch(() => {});
      await sleep(25);
    }
  }
}

test('PostgreSQL restarted mid-run: 503s during the outage, serving within 5 s after, no acknowledged write lost', { skip: SKIP, timeout: 120_000 }, async (t) => {
  const outcomes: Outcome[] = [];
  const running = { on: true };
  const writers = ['a', 'b'].map((t) => writer(t, outcomes, running));
  const acked = () => outcomes.filter((o) => o.status === 201);
  const alive = () => serve.exitCode === null && serve.signalCode === null;
  let upAt = 0;
  let recoveredAt = 0;
  try {
    for (const end = Date.now() + 20_000; acked().length < 10; await sleep(20))
      assert.ok(Date.now() < end && alive(), `10 writes not acknowledged before the restart:\n${log}`);

    await server.stop();
    await sleep(OUTAGE_MS);
    const starting = server.start();
    upAt = await acceptingSince(server.url);
    await starting;

    // Served again: a read that goes to the database (auth, article) and the front page.
    const firstId = acked()[0]!.id!;
    for (const end = upAt + 10_000; Date.now() < end && alive(); await sleep(25)) {
      const ok = async (url: string, init?: RequestInit) => (await fetch(url, init).catch(() => null))?.status === 200;
      if ((await ok(`${base}/api/articles/${firstId}`, { headers: headers() })) && (await ok(`${base}/`))) {
        recoveredAt = Date.now();
        break;
      }
    }
    while (!acked().some((o) => o.at > upAt) && Date.now() < upAt + 10_000 && alive()) await sleep(25);
    await sleep(500);
  } finally {
    running.on = false;
    await Promise.all(writers);
  }

  assert.ok(recoveredAt > 0, `not serving 10 s after PostgreSQL came back:\n${log}`);
  const firstWriteAfter = acked().find((o) => o.at > upAt);
  assert.ok(firstWriteAfter, 'no write succeeded after PostgreSQL came back');
  t.diagnostic(`reads served ${recoveredAt - upAt} ms after PostgreSQL accepted connections; a write started ${firstWriteAfter.at - upAt} ms after it succeeded`);
  assert.ok(recoveredAt - upAt < 5000, `serving again ${recoveredAt - upAt} ms after PostgreSQL came back`);
  assert.ok(firstWriteAfter.at - upAt < 5000);

  assert.equal(serve.exitCode, null, `serve exited:\n${log}`);
  assert.equal(serve.signalCode, null);
  const failed = outcomes.filter((o) => o.status !== 201);
  assert.ok(failed.length > 0, 'no write met the outage');
  for (const f of failed) {
    assert.equal(f.status, 503, `${f.title}: ${f.status} ${f.body}`);
    assert.match((JSON.parse(f.body) as { error: string }).error, /database is unavailable/);
  }

  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: number; title: string }>('SELECT id, title FROM articles');
    const stored = new Map(rows.map((r) => [r.id, r.title]));
    for (const o of acked()) assert.equal(stored.get(o.id!), o.title, `acknowledged write "${o.title}" (#${o.id}) is not in the database`);
    t.diagnostic(`${acked().length} writes acknowledged, ${failed.length} refused with 503, all acknowledged ones stored`);
  } finally {
    await c.end();
  }
});
