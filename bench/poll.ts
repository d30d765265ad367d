// Feed poller benchmark: N feeds (default 10,000) served by a loopback server in a child process, polled by
// the real pipeline (leased DB claims → safe fetcher → parser → candidates → schedule) for a fixed time or
// until every feed was polled R times. Prints feeds/hour, status mix, latency percentiles and RSS over time.
// npm run bench:poll -- [--feeds 10000] [--seconds 60 | --rounds 3] [--db postgres://…] [--concurrency 64]
//                       [--per-host 8] [--hosts 50]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openStore, type Store } from '../src/store/db.ts';
import { createFetcher } from '../src/ingest/fetch/index.ts';
import { createPoller, type PollReport } from '../src/ingest/poll/index.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const FEEDS = Number(arg('feeds', '10000'));
const ROUNDS = Number(arg('rounds', '0'));
const SECONDS = Number(arg('seconds', ROUNDS ? '3600' : '60'));
const DB = arg('db', '');
const CONCURRENCY = Number(arg('concurrency', '64'));
const PER_HOST = Number(arg('per-host', '8'));
const HOSTS = Number(arg('hosts', '50'));

// Latency histogram with fixed buckets (memory stays flat whatever the number of polls).
const BUCKET_BASE = 0.05;
const BUCKET_GROWTH = 1.03;
const buckets = new Float64Array(700);
function record(ms: number): void {
  const i = Math.min(buckets.length - 1, Math.max(0, Math.floor(Math.log(Math.max(ms, BUCKET_BASE) / BUCKET_BASE) / Math.log(BUCKET_GROWTH))));
  buckets[i]!++;
}
function percentile(p: number): number {
  const total = buckets.reduce((a, b) => a + b, 0);
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i]!;
    if (seen >= total * p) return BUCKET_BASE * BUCKET_GROWTH ** (i + 1);
  }
  return NaN;
}

async function startServer(): Promise<{ port: number; stop(): Promise<string> }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./poll-server.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(Number(String(d).trim())));
    exited.then(() => reject(new Error('feed server exited')));
  });
  child.stdout.on('data', (d) => (out += d));
  return {
    port,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
      return out.trim();
    },
  };
}

async function openBenchStore(): Promise<{ store: Store; label: string; cleanup(): Promise<void> }> {
  if (DB.startsWith('postgres')) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const store = await openStore(DB, { schema });
    return {
      store,
      label: `PostgreSQL (schema ${schema})`,
      async cleanup() {
        await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(store.db);
        await store.close();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'relais-bench-poll-'));
  const path = join(dir, 'poll.db');
  const store = await openStore(`sqlite:${path}`);
  return {
    store,
    label: `SQLite file ${path}`,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const server = await startServer();
const { store, label, cleanup } = await openBenchStore();
try {
  // Seed the subscriptions directly (the OPML/subscribe paths are not what is measured here).
  const stamp = new Date().toISOString();
  const rows = [];
  for (let id = 1; id <= FEEDS; id++) {
    // Contiguous blocks, so that every host serves the same mix of feed kinds (the kind is id % 100).
    const host = `h${Math.floor(((id - 1) * HOSTS) / FEEDS)}.bench.test`;
    rows.push({
      url: `http://${host}:${server.port}/f/${id}.xml`, host, status: 'active', next_check_at: stamp,
      error_count: 0, backoff_seconds: 0, created_at: stamp, updated_at: stamp,
    });
  }
  for (let i = 0; i < rows.length; i += 500) await store.db.insertInto('feeds').values(rows.slice(i, i + 500)).execute();
  const idBase = Number((await store.db.selectFrom('feeds').select((eb) => eb.fn.min('id').as('m')).executeTakeFirstOrThrow()).m);

  const fetcher = createFetcher({
    allowHosts: [`127.0.0.1:${server.port}`],
    resolver: async () => ['127.0.0.1'], // every bench host name is the loopback server
    connectionsPerOrigin: PER_HOST,
    timeoutMs: 10_000,
  });
  const pollsPerFeed = new Uint16Array(FEEDS + 1);
  const statusMix = new Map<string, number>();
  let polls = 0;
  let newCandidates = 0;
  const ac = new AbortController();
  const onPoll = (r: PollReport) => {
    polls++;
    newCandidates += r.newCandidates;
    record(r.ms);
    const key = r.status === null ? `${r.kind}:${r.error}` : r.kind === 'parse-error' ? `${r.status} (unparseable)` : String(r.status);
    statusMix.set(key, (statusMix.get(key) ?? 0) + 1);
    const i = r.feedId - idBase + 1;
    if (i > 0 && i <= FEEDS) pollsPerFeed[i]!++;
    if (ROUNDS && polls >= ROUNDS * FEEDS && Math.min(...pollsPerFeed.subarray(1)) >= ROUNDS) ac.abort();
  };
  const poller = createPoller({
    store,
    fetcher,
    concurrency: CONCURRENCY,
    perHost: PER_HOST,
    fetchTimeoutMs: 10_000,
    // Every feed is due again as soon as it was polled, so the poller runs flat out.
    policy: { defaultIntervalSeconds: 0, minIntervalSeconds: 0, jitter: 0, errorBaseSeconds: 1, maxBackoffSeconds: 2, pauseAfterErrors: 1e9, pauseAfterGoneErrors: 1e9 },
    onPoll,
    onError: (e) => console.error('poller error:', e),
  });

  const rss: number[] = [];
  const t0 = performance.now();
  const heap: number[] = [];
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rss.push(m.rss);
    heap.push(m.heapUsed);
    if (process.env.BENCH_VERBOSE) console.log(`  t=${((performance.now() - t0) / 1000).toFixed(0)}s polls=${polls} rss=${mb(m.rss)}MB heap=${mb(m.heapUsed)}MB external=${mb(m.external)}MB`);
  }, 1000);
  rss.push(process.memoryUsage().rss);
  const timer = setTimeout(() => ac.abort(), SECONDS * 1000);
  let halfPolls = 0;
  let halfAt = 0;
  const half = setTimeout(() => {
    halfPolls = polls;
    halfAt = performance.now();
  }, (SECONDS * 1000) / 2);
  console.log(`poll benchmark: ${fmt(FEEDS)} feeds on ${HOSTS} host names, loopback server in a child process, ${label}`);
  console.log(`  concurrency ${CONCURRENCY}, per host ${PER_HOST}; ${ROUNDS ? `until every feed was polled ${ROUNDS} times (at most ${SECONDS} s)` : `for ${SECONDS} s`}`);
  await poller.run(ac.signal);
  const elapsed = (performance.now() - t0) / 1000;
  clearTimeout(timer);
  clearTimeout(half);
  clearInterval(sampler);
  rss.push(process.memoryUsage().rss);
  await fetcher.close();

  const perHour = (polls / elapsed) * 3600;
  console.log(`\npolls: ${fmt(polls)} in ${elapsed.toFixed(1)} s = ${fmt(perHour)} feeds/hour sustained (${fmt(polls / elapsed)}/s)`);
  if (halfAt) {
    const secondHalf = (polls - halfPolls) / ((performance.now() - halfAt) / 1000);
    console.log(`second half only: ${fmt(secondHalf * 3600)} feeds/hour (after every feed's first full fetch)`);
  }
  const counts = [...pollsPerFeed.subarray(1)];
  console.log(`polls per feed: min ${Math.min(...counts)}, max ${Math.max(...counts)}`);
  if (process.env.BENCH_VERBOSE) {
    const least = Math.min(...counts);
    const ids = counts.map((n, i) => [n, i + 1] as const).filter(([n]) => n === least).slice(0, 8).map(([, i]) => i);
    const rowsLeast = await store.db.selectFrom('feeds').select(['id', 'url', 'next_check_at', 'error_count', 'last_status', 'lease_owner']).where('id', 'in', ids.map((i) => i + idBase - 1)).execute();
    console.log(`  seeded at ${stamp}; least polled (${least}):`, rowsLeast.map((r) => `${r.url.replace(/^.*\/f\//, '')} kind=${(Number(r.id) - idBase + 1) % 100} next=${r.next_check_at} err=${r.error_count} st=${r.last_status}`));
  }
  console.log('status mix:');
  for (const [k, n] of [...statusMix].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(24)} ${fmt(n).padStart(9)}  ${((100 * n) / polls).toFixed(1)}%`);
  console.log(`poll latency (fetch + parse): p50 ${percentile(0.5).toFixed(1)} ms, p99 ${percentile(0.99).toFixed(1)} ms`);
  console.log(`new import candidates: ${fmt(newCandidates)}`);
  const at = (f: number) => mb(rss[Math.min(rss.length - 1, Math.floor((rss.length - 1) * f))]!);
  console.log(`RSS MB: start ${at(0)}, 25% ${at(0.25)}, middle ${at(0.5)}, 75% ${at(0.75)}, end ${at(1)}, peak ${mb(Math.max(...rss))}`);
  if (heap.length) console.log(`JS heap used MB: middle ${mb(heap[Math.floor(heap.length / 2)]!)}, end ${mb(heap.at(-1)!)}, peak ${mb(Math.max(...heap))}`);
  if (process.env.BENCH_VERBOSE) {
    const { readFileSync } = await import('node:fs');
    const status = readFileSync('/proc/self/status', 'utf8').split('\n').filter((l) => /^(RssAnon|RssFile|RssShmem|VmHWM)/.test(l));
    console.log(`  ${status.join(' | ').replace(/\s+/g, ' ')}`);
  }
  const leased = await store.db.selectFrom('feeds').select((eb) => eb.fn.countAll<number>().as('n')).where('lease_owner', 'is not', null).executeTakeFirstOrThrow();
  console.log(`leases left after stop: ${Number(leased.n)}`);
} finally {
  const counts = await server.stop();
  if (counts) console.log(`feed server: ${counts} (keep-alive: many requests per connection)`);
  await cleanup();
}
