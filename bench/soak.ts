// npm run bench:soak -- [--minutes 10] [--rate 1] [--feeds 10000] [--flat 1]
// A real `relais serve` (SQLite in a throwaway folder; a throwaway PostgreSQL database when DATABASE_URL is
// set, with the poller in its own `relais worker`) under a mixed load at a fixed rate (open loop, see
// bench/soak/routes.ts; --rate scales every route) while it polls `--feeds` subscriptions from a loopback feed
// server, first polls spread over the run. Prints errors and p50/p99 by route, each process's RSS and JS heap
// every minute, and whether memory is flat after warm-up: least-squares slope over the second half of the
// run growing at most --flat MB/min, for RSS less V8's young generation (which V8 resizes between fixed bounds)
// and for the old generation's floor (its lowest point each minute); raw RSS is printed beside. Goal: 0 errors, memory flat.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { openThrowawayDatabase } from '../src/store/test-store.ts';
import { httpClient } from './soak/http.ts';
import { startOpenLoop, type RouteFigures } from './soak/open-loop.ts';
import { soakRoutes } from './soak/routes.ts';
import { findSiteFacts } from './soak/site-facts.ts';
import { pollCoverage, seedSoak } from './soak/seed.ts';
import { oldGeneration, rssOutsideYoung, startFeedServer, startRelais, type Relais } from './soak/processes.ts';
import { percentile, secondHalf, slope, windowMinima } from './soak/stats.ts';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '1' },
    feeds: { type: 'string', default: '10000' },
    flat: { type: 'string', default: '1' },
  },
});
const minutes = Number(args.minutes);
const rate = Number(args.rate);
const feedCount = Number(args.feeds);
const flatMbPerMin = Number(args.flat);
if (!(minutes > 0) || !(rate > 0) || !(feedCount >= 0) || !(flatMbPerMin > 0)) throw new Error('--minutes, --rate and --flat must be positive, --feeds a number');
const seconds = Math.round(minutes * 60);
const pg = /^postgres/.test(process.env.DATABASE_URL ?? '');
const FEED_HOSTS = Array.from({ length: 50 }, (_, i) => `127.0.0.${i + 2}`); // the poller allows 2 polls at once per host
const SETUP_SECONDS = 20; // first polls start about when the load does
const mb = (n: number) => (n / 1048576).toFixed(0);

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });

async function waitForHttp(url: string, p: Relais): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (p.child.exitCode != null) throw new Error(`${p.name} exited with code ${p.child.exitCode}:\n${readFileSync(p.log, 'utf8')}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${p.name} did not answer at ${url}`);
}

const dir = mkdtempSync(join(tmpdir(), 'relais-bench-soak-'));
mkdirSync(join(dir, 'data'));
const database = await openThrowawayDatabase(join(dir, 'data'), 'relais_soak');
const feedServer = await startFeedServer(FEED_HOSTS);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = {
  ...process.env, RELAIS_DATA_DIR: join(dir, 'data'), DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', RELAIS_BASE_URL: base,
  NODE_ENV: 'production', RELAIS_LICENCE: 'CC-BY-4.0', RELAIS_WORKERS: '1', RELAIS_FETCH_ALLOW: FEED_HOSTS.map((h) => `${h}:${feedServer.port}`).join(','),
};
const feedUrls = Array.from({ length: feedCount }, (_, i) => `http://${FEED_HOSTS[i % FEED_HOSTS.length]}:${feedServer.port}/f/${i + 1}.xml`);
const pollsFrom = new Date(Date.now() + SETUP_SECONDS * 1000);
const { login, token } = await seedSoak(env, feedUrls, pollsFrom, seconds);
const procs: Relais[] = [];
let failed = false;
try {
  // On PostgreSQL the poller and jobs run in their own process, as a production set-up would have them.
  const serve = startRelais('serve', ['serve', '--demo', '--workers', '1'], pg ? { ...env, RELAIS_POLL: '0', RELAIS_FOLLOW_JOBS: '0' } : env, dir);
  procs.push(serve);
  await waitForHttp(base + '/', serve);
  if (pg) procs.push(startRelais('worker', ['worker'], env, dir));
  const http = httpClient(base);
  const site = await findSiteFacts(http, base, login, token);
  const routes = soakRoutes(http, site, rate);
  const total = routes.reduce((s, r) => s + r.perSecond, 0);
  console.log(`bench:soak — ${minutes} min, ${total.toFixed(1)} requests/s in all (--rate ${rate}), Node ${process.version}, ${pg ? 'PostgreSQL (throwaway database), poller in relais worker' : 'SQLite (throwaway folder), poller in relais serve'}`);
  console.log(`${feedCount.toLocaleString('en-US')} feeds on ${FEED_HOSTS.length} loopback hosts, first polls spread over the run (${(feedCount / seconds).toFixed(1)} polls/s); ${site.articlePaths.length} articles, ${site.pixelPaths.length} pixels, ${site.words.length} search words`);
  console.log(`rates per second: ${routes.map((r) => `${r.name} ${+r.perSecond.toFixed(2)}`).join(', ')}\n`);

  const t0 = performance.now();
  const samples = new Map(procs.map((p) => [p.name, [] as { x: number; rss: number; kept: number; heap: number; old: number }[]]));
  const sample = () => {
    for (const p of procs) {
      const m = p.memory();
      if (m) samples.get(p.name)!.push({ x: (performance.now() - t0) / 60_000, rss: m.rss / 1048576, kept: rssOutsideYoung(m) / 1048576, heap: m.heapUsed / 1048576, old: oldGeneration(m) / 1048576 });
    }
  };
  const sampler = setInterval(sample, 2000);
  const { figures, done } = startOpenLoop(routes, seconds);
  const totals = () => [...figures.values()].reduce((t, f) => ({ sent: t.sent + f.sent, errors: t.errors + f.unexpected + f.socketErrors }), { sent: 0, errors: 0 });
  console.log(`| minute | requests | errors | p99 ms | ${procs.map((p) => `${p.name} RSS (anonymous) / heap used of committed (old generation) / external MB, loop delay max ms`).join(' | ')} | feed server requests | load (1 min) |`);
  console.log(`|---:|---:|---:|---:|${procs.map(() => '---:|').join('')}---:|---:|`);
  let last = { sent: 0, errors: 0 };
  const seen = new Map<string, number>();
  const minuteP99: number[] = [];
  const minute = async (m: number) => {
    const now = totals();
    // The minute's latencies, all routes together: does the server slow down as the run goes on?
    const recent = [...figures].flatMap(([name, f]) => f.latenciesMs.slice(seen.get(name) ?? 0));
    for (const [name, f] of figures) seen.set(name, f.latenciesMs.length);
    minuteP99.push(percentile(recent, 0.99));
    const mem = procs.map((p) => p.memory()).map((x) => (x ? `${mb(x.rss)} (${mb(x.rssAnon)}) / ${mb(x.heapUsed)} of ${mb(x.heapTotal)} (${mb(oldGeneration(x))}) / ${mb(x.external)}, ${x.loopDelayMaxMs.toFixed(0)}` : '?'));
    console.log(`| ${m} | ${now.sent - last.sent} | ${now.errors - last.errors} | ${minuteP99.at(-1)!.toFixed(0)} | ${mem.join(' | ')} | ${await feedServer.requests()} | ${loadavg()[0]!.toFixed(2)} |`);
    last = now;
  };
  let m = 0;
  const ticker = setInterval(() => void minute(++m), 60_000);
  await done;
  clearInterval(ticker);
  clearInterval(sampler);
  if (m < Math.ceil(seconds / 60)) await minute(m + 1);

  console.log('\n| route | rate/s | sent | errors | statuses | p50 ms | p99 ms |');
  console.log('|---|---:|---:|---:|---|---:|---:|');
  let errors = 0;
  for (const r of routes) {
    const f = figures.get(r.name) as RouteFigures;
    errors += f.unexpected + f.socketErrors;
    const statuses = [...f.statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}: ${n}`).join(', ');
    console.log(`| ${r.name} | ${+r.perSecond.toFixed(2)} | ${f.sent} | ${f.unexpected + f.socketErrors} | ${statuses}${f.socketErrors ? `, socket: ${f.socketErrors}` : ''}${f.skipped ? `, skipped: ${f.skipped}` : ''} | ${percentile(f.latenciesMs, 0.5).toFixed(1)} | ${percentile(f.latenciesMs, 0.99).toFixed(1)} |`);
    if (f.samples.length) console.log(`  ${r.name}: ${f.samples.join('; ')}`);
  }
  console.log(`\nerrors: ${errors} (goal 0)`);
  let flat = true;
  for (const p of procs) {
    const s = samples.get(p.name)!;
    const late = secondHalf(s);
    const rss = slope(late.map((x) => ({ x: x.x, y: x.rss })));
    // RSS less the young generation, which V8 resizes between fixed bounds: native memory that stays shows here.
    const kept = slope(late.map((x) => ({ x: x.x, y: x.kept })));
    // The heap's floor (lowest point of each half minute), not its sawtooth between collections.
    const heap = slope(windowMinima(late.map((x) => ({ x: x.x, y: x.heap })), 0.5));
    // What a leak fills: the old generation (objects that survived collections), its floor each minute. The
    // young generation is a sawtooth of its own, up to its fixed size, between scavenges.
    const old = slope(windowMinima(late.map((x) => ({ x: x.x, y: x.old })), 1));
    // Flat means not growing: memory that falls after warm-up (caches settling, the heap shrinking) is no leak.
    const ok = kept <= flatMbPerMin && old <= flatMbPerMin;
    flat &&= ok;
    const range = (k: 'rss' | 'kept' | 'heap' | 'old') => `${Math.min(...late.map((x) => x[k])).toFixed(0)}–${Math.max(...late.map((x) => x[k])).toFixed(0)}`;
    const end = p.memory();
    if (end) {
      console.log(`${p.name} at the end: RSS ${mb(end.rss)} MB (anonymous ${mb(end.rssAnon)}, file ${mb(end.rssFile)}), heap ${mb(end.heapUsed)} of ${mb(end.heapTotal)} MB, external ${mb(end.external)} MB (array buffers ${mb(end.arrayBuffers)})`);
      const spaces = Object.entries(end.spaces ?? {}).filter(([, [size]]) => size >= 1048576);
      console.log(`${p.name} heap spaces at the end, committed / used MB: ${spaces.map(([name, [size, used]]) => `${name} ${mb(size)} / ${mb(used)}`).join(', ')}`);
    }
    console.log(`${p.name}: second half RSS ${range('rss')} MB, slope ${rss.toFixed(2)} MB/min; RSS less the young generation ${range('kept')} MB, slope ${kept.toFixed(2)} MB/min; heap ${range('heap')} MB, floor slope ${heap.toFixed(2)} MB/min; old generation ${range('old')} MB, floor slope ${old.toFixed(2)} MB/min; peak RSS ${Math.max(...s.map((x) => x.rss)).toFixed(0)} MB → ${ok ? 'flat' : 'NOT flat'} (RSS less the young generation, and the old generation, growing at most ${flatMbPerMin} MB/min)`);
  }
  // Open loop: a server slower than the offered rate queues requests, and each minute's p99 keeps growing.
  const behind = minuteP99.length >= 3 && minuteP99.at(-1)! > 5000 && minuteP99.at(-1)! > 2 * minuteP99[0]!;
  if (behind) console.log(`the server fell behind the offered rate (p99 ${minuteP99[0]!.toFixed(0)} ms in minute 1, ${minuteP99.at(-1)!.toFixed(0)} ms in the last): lower --rate or a quieter machine`);
  console.log(`verdict: ${errors === 0 ? '0 errors' : `${errors} errors`}, memory ${flat ? 'flat after warm-up' : 'NOT flat after warm-up'}`);
  failed = errors > 0 || !flat || behind;
  await http.close();
} finally {
  const codes = [];
  for (const p of procs.reverse()) codes.push(`${p.name} exit ${await p.stop()}`);
  const served = await feedServer.stop();
  const due = Math.min(feedCount, Math.floor((feedCount * (Date.now() - pollsFrom.getTime())) / 1000 / seconds));
  const cover = await pollCoverage(env, due).catch((e: Error) => ({ error: e.message }));
  console.log(`feeds: ${JSON.stringify(cover)} of ${due} due; feed server answered ${served} requests; ${codes.join(', ')}`);
  for (const p of procs) {
    const errLines = readFileSync(p.log, 'utf8').split('\n').filter((l) => /error|warn|exception/i.test(l));
    if (errLines.length) console.log(`${p.name} log: ${errLines.length} error/warning lines, first: ${errLines.slice(0, 3).join(' / ')}`);
  }
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
