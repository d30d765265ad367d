// Several processes on one PostgreSQL database: two `relais serve` (one of them a cluster of two) and two
// `relais worker`. A publish on one server shows on the other within a second; a share click and a reader's
// page views count once across both; each due feed is polled once, with the per-host limit held by both
// pollers together; a worker killed with SIGKILL mid-poll loses nothing (its feeds are polled when their lease ends) and
// repeats nothing it had finished; a server killed with SIGKILL leaves the other serving, the counts kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { openCliHarness, type CliHarness } from './test-cli.ts';
import type { Store } from '../store/db.ts';

const PG = /^postgres/.test(process.env.DATABASE_URL ?? '');
const SKIP = PG ? false : 'needs DATABASE_URL=postgres://… (several processes share one PostgreSQL database; SQLite serves as one process)';
const HOSTS = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6'];
const PER_HOST = 2; // the poller's default

interface Proc {
  child: ChildProcess;
  out: { text: string };
}

let cli: CliHarness;
let feeds: { server: Server; port: number; hits: Map<string, number>; peak: Map<string, number>; slowMs: number };
const procs: Proc[] = [];

function feedServer(): Promise<typeof feeds> {
  const hits = new Map<string, number>();
  const active = new Map<string, number>();
  const peak = new Map<string, number>();
  const state = { slowMs: 2500 } as typeof feeds;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    hits.set(path, (hits.get(path) ?? 0) + 1);
    active.set(host, (active.get(host) ?? 0) + 1);
    peak.set(host, Math.max(peak.get(host) ?? 0, active.get(host)!));
    const done = () => active.set(host, active.get(host)! - 1);
    const n = path.replace(/\W/g, '');
    const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title><link>http://${host}/</link><description>t</description>` +
      `<item><title>Entry one of ${n}</title><guid isPermaLink="false">${n}-1</guid><link>http://${host}/${n}/1</link><description>First.</description></item>` +
      `<item><title>Entry two of ${n}</title><guid isPermaLink="false">${n}-2</guid><link>http://${host}/${n}/2</link><description>Second.</description></item>` +
      `</channel></rss>`;
    setTimeout(() => {
      done();
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
    }, path.startsWith('/slow/') ? state.slowMs : 150);
  });
  return new Promise((resolve) =>
    server.listen(0, '0.0.0.0', () => resolve(Object.assign(state, { server, port: (server.address() as AddressInfo).port, hits, peak }))),
  );
}

function start(args: string[], env: NodeJS.ProcessEnv = {}): Proc {
  const child = cli.start(args, env);
  const out = { text: '' };
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out.text += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out.text += d));
  const p = { child, out };
  procs.push(p);
  return p;
}

function waitFor(p: Proc, pattern: RegExp, ms = 60_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms:\n${p.out.text}`)), ms);
    const check = () => {
      const m = pattern.exec(p.out.text);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    p.child.stdout!.on('data', check);
    p.child.stderr!.on('data', check);
    p.child.on('exit', (code) => reject(new Error(`exited (${code}) before ${pattern}:\n${p.out.text}`)));
    check();
  });
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined | null | false>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const exited = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r())));

/** Subscribes to `paths` (spread over the hosts), first due at `dueAt` (an import spreads first checks out). */
async function addFeeds(paths: string[], dueAt: Date): Promise<void> {
  const opml = join(cli.dataDir, `feeds-${Date.now()}.opml`);
  const outlines = paths.map((p, i) => `<outline text="f${i}" xmlUrl="http://${HOSTS[i % HOSTS.length]}:${feeds.port}${p}"/>`).join('');
  writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><body>${outlines}</body></opml>`);
  const r = await cli.run(['feeds', 'import-opml', opml], { RELAIS_FETCH_ALLOW: HOSTS.map((h) => `${h}:${feeds.port}`).join(',') });
  assert.equal(r.code, 0, r.stderr + r.stdout);
  const urls = paths.map((p, i) => `http://${HOSTS[i % HOSTS.length]}:${feeds.port}${p}`);
  await store.db.updateTable('feeds').set({ next_check_at: dueAt.toISOString() }).where('url', 'in', urls).execute();
}

const FAST = Array.from({ length: 20 }, (_, i) => `/f/${i}.xml`);
// Twice what the per-host limits let through at once: the first round is written before the kill.
const SLOW = Array.from({ length: HOSTS.length * PER_HOST * 2 }, (_, i) => `/slow/${i}.xml`);

let store: Store;
let a: string;
let b: string;
let token: string;
let workers: Proc[];
let serveB: Proc;

before(async () => {
  if (SKIP) return;
  cli = await openCliHarness();
  feeds = await feedServer();
  token = (await cli.run(['token', 'create', 'processes-test'])).stdout.trim();
  store = await cli.openStore();
  const http = { RELAIS_POLL: '0', RELAIS_FOLLOW_JOBS: '0' };
  const serveA = start(['serve', '--port', '0', '--workers', '2'], http);
  serveB = start(['serve', '--port', '0', '--workers', '1'], http);
  a = (await waitFor(serveA, /serving on (http:\/\/[^/\s]+)/))[1]!;
  b = (await waitFor(serveB, /serving on (http:\/\/[^/\s]+)/))[1]!;
});

after(async () => {
  if (SKIP) return;
  for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
  await Promise.all(procs.map((p) => exited(p.child)));
  await store?.close();
  feeds?.server.close();
  await cli?.close();
});

test('a publish on one server is on the other\'s cached front page within a second', { skip: SKIP, timeout: 60_000 }, async () => {
  const front = async () => (await fetch(`${b}/`)).text();
  await front();
  await front(); // cached now
  const title = `Harbour reopens ${Date.now()}`;
  const r = await fetch(`${a}/api/articles`, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ language: 'en', title, bodyHtml: '<p>The harbour opened again this morning.</p>', status: 'published' }),
  });
  assert.equal(r.status, 201, await r.clone().text());
  const published = Date.now();
  await until('the title on the other server', 5_000, async () => (await front()).includes(title));
  const ms = Date.now() - published;
  assert.ok(ms < 1000, `visible after ${ms} ms`);
});

test('a share click counts once across both servers', { skip: SKIP, timeout: 60_000 }, async () => {
  const article = await store.db.selectFrom('articles').select('id').where('status', '=', 'published').executeTakeFirstOrThrow();
  const headers = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'sec-fetch-dest': 'document', 'sec-fetch-user': '?1', 'sec-fetch-site': 'same-origin' };
  for (const base of [a, b, a, b]) {
    const r = await fetch(`${base}/share/${article.id}/facebook`, { headers, redirect: 'manual' });
    assert.equal(r.status, 302);
  }
  for (const base of [a, b]) {
    const counts = (await (await fetch(`${base}/share/${article.id}/counts.json`)).json()) as { total: number };
    assert.equal(counts.total, 1, `counts on ${base}`);
  }
});

test('a reader\'s page views count once a day across both servers; another reader counts too', { skip: SKIP, timeout: 60_000 }, async () => {
  const article = await store.db.selectFrom('articles').select(['id', 'slug', 'language']).where('status', '=', 'published').executeTakeFirstOrThrow();
  const reader = (v: string) => ({ 'user-agent': `Mozilla/5.0 (X11; Linux x86_64; rv:${v}) Gecko/20100101 Firefox/${v}` });
  // Server a is a cluster of two: its requests reach either worker, so the first reader meets three processes.
  for (const base of [a, b, a, b, a, a]) assert.equal((await fetch(`${base}/${article.language}/${article.slug}`, { headers: reader('128.0') })).status, 200);
  assert.equal((await fetch(`${b}/${article.language}/${article.slug}`, { headers: reader('129.0') })).status, 200);
  const viewed = async () => {
    const r = await store.db.selectFrom('daily_counts').select((eb) => eb.fn.sum<number>('count').as('n')).where('article_id', '=', article.id).where('metric', '=', 'view').executeTakeFirst();
    return Number(r?.n ?? 0);
  };
  await until('both readers counted', 10_000, async () => (await viewed()) >= 2);
  await new Promise((r) => setTimeout(r, 2500)); // every process has flushed its batch (every 2 s) by now
  assert.equal(await viewed(), 2);
});

test('each due feed is polled once by the two workers, at most the per-host limit at a time between them', { skip: SKIP, timeout: 60_000 }, async () => {
  // The workers start with every feed subscribed (a poller sleeps until the next feed is due; another
  // process's subscription does not wake it): the fast ones due now, the slow ones (next test) a bit later.
  const paths = FAST;
  await addFeeds(FAST, new Date());
  await addFeeds(SLOW, new Date(Date.now() + 6000));
  const allow = HOSTS.map((h) => `${h}:${feeds.port}`).join(',');
  workers = [0, 1].map(() => start(['worker'], { RELAIS_FETCH_ALLOW: allow, RELAIS_POLL_LEASE_MS: '5000', RELAIS_FOLLOW_JOBS: '0' }));
  await Promise.all(workers.map((w) => waitFor(w, /worker running: poller/)));
  await until('every feed checked', 30_000, async () => {
    const r = await store.db.selectFrom('feeds').select((eb) => eb.fn.countAll<number>().as('n')).where('last_checked_at', 'is', null).where('url', 'like', '%/f/%').executeTakeFirstOrThrow();
    return Number(r.n) === 0;
  });
  for (const p of paths) assert.equal(feeds.hits.get(p), 1, `${p} polled ${feeds.hits.get(p)} times`);
  for (const h of HOSTS) assert.ok((feeds.peak.get(h) ?? 0) <= PER_HOST, `${h}: ${feeds.peak.get(h)} polls at once`);
  const candidates = await store.db.selectFrom('import_candidates').select((eb) => eb.fn.countAll<number>().as('n')).where('guid', 'like', 'f%').executeTakeFirstOrThrow();
  assert.equal(Number(candidates.n), 40);
});

test('kill -9 of a worker mid-poll loses nothing and repeats nothing it had written', { skip: SKIP, timeout: 90_000 }, async () => {
  const paths = SLOW;
  const feedIds = async () =>
    (await store.db.selectFrom('feeds').select(['id', 'url', 'lease_owner', 'last_checked_at']).where('url', 'like', '%/slow/%').execute());
  // Once some slow feeds are written: a worker holding a slow feed whose request is in flight.
  const victim = await until('a worker polling a slow feed', 30_000, async () => {
    const rows = await feedIds();
    if (!rows.some((f) => f.last_checked_at)) return undefined;
    for (const f of rows) {
      if (f.last_checked_at) continue;
      const pid = /:(\d+)\//.exec(f.lease_owner ?? '')?.[1];
      const path = new URL(f.url).pathname;
      if (pid && feeds.hits.get(path)) return workers.find((w) => String(w.child.pid) === pid);
    }
    return undefined;
  });
  victim.child.kill('SIGKILL');
  await exited(victim.child);
  const writtenBefore = new Set((await feedIds()).filter((f) => f.last_checked_at).map((f) => new URL(f.url).pathname));
  await until('every slow feed checked', 45_000, async () => (await feedIds()).every((f) => f.last_checked_at && !f.lease_owner));
  for (const p of paths) assert.ok((feeds.hits.get(p) ?? 0) >= 1, `${p} never polled`);
  for (const p of writtenBefore) assert.equal(feeds.hits.get(p), 1, `${p} was written before the kill, yet polled again`);
  assert.ok(writtenBefore.size < paths.length, 'the kill came mid-work');
  const rows = await store.db.selectFrom('import_candidates').select(['guid']).where('guid', 'like', 'slow%').execute();
  assert.equal(rows.length, paths.length * 2, 'each entry stored once');
  assert.equal(new Set(rows.map((r) => r.guid)).size, rows.length);
});

test('kill -9 of a server leaves the other serving, with what was counted', { skip: SKIP, timeout: 30_000 }, async () => {
  serveB.child.kill('SIGKILL');
  await exited(serveB.child);
  const article = await store.db.selectFrom('articles').select('id').where('status', '=', 'published').executeTakeFirstOrThrow();
  const counts = (await (await fetch(`${a}/share/${article.id}/counts.json`)).json()) as { total: number };
  assert.equal(counts.total, 1);
  assert.equal((await fetch(`${a}/`)).status, 200);
});

test('on SQLite, serve refuses more than one worker with a clear message', { skip: PG ? 'runs on SQLite' : false, timeout: 60_000 }, async () => {
  const h = await openCliHarness();
  try {
    const r = await h.run(['serve', '--port', '0', '--workers', '2']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--workers 2 needs PostgreSQL/);
  } finally {
    await h.close();
  }
});
