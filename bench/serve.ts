// npm run bench:serve — loopback load on an article page and the site RSS, Relais against a static
// server (nginx from Debian, or a plain node:http server where nginx is absent) serving the same bytes.
// Prints requests/s, p99 latency, the ratio, and requests per CPU second of each server (its processes: a
// figure that other work on a shared machine moves less). Target: Relais >= 50% of static throughput, p99 < 20 ms
// at 50 connections. Workers mode (--workers N, N > 1, or "auto" for the number of cores): `relais serve
// --workers N` against nginx with `worker_processes auto`; target >= 60% and p99 < 10 ms.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openThrowawayDatabase } from '../src/store/test-store.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    static: { type: 'string', default: 'auto' }, // auto | nginx | node
    workers: { type: 'string', default: '1' }, // Relais processes; above 1, nginx runs worker_processes auto
  },
});
const workers = args.workers === 'auto' ? availableParallelism() : Number(args.workers);
if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers must be a positive number or auto, not ${args.workers}`);
const multi = workers > 1;
const goal = multi ? { ratio: 0.6, p99: 10 } : { ratio: 0.5, p99: 20 };
// Several processes need PostgreSQL (SQLite serves as one): a throwaway database on the DATABASE_URL server.
if (multi && !/^postgres/.test(process.env.DATABASE_URL ?? ''))
  throw new Error('--workers above 1 needs DATABASE_URL=postgres://… (a throwaway database is made on that server)');
const duration = Number(args.duration);
const connections = Number(args.connections);
const root = new URL('..', import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, what: string): Promise<void> {
  // Up to 3 minutes: on a loaded machine, starting with --demo (fill, keys, first pages) took 71 s.
  for (let i = 0; i < 1800; i++) {
    if (child.exitCode != null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not answer at ${url}`);
}

function nginxPath(): string | null {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(p)) return p;
  return null;
}

const CLK_TCK = existsSync('/proc/self/stat') ? Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100 : 0;

/** CPU seconds used so far by `pid` and its live children (Relais' workers, nginx's), or NaN without /proc. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const ticks = (p: number) => readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid!, ...children].reduce((sum, p) => sum + ticks(p), 0) / CLK_TCK;
  } catch {
    return NaN;
  }
}

async function startStatic(dir: string, files: Record<string, { file: string; type: string }>): Promise<{ base: string; kind: string; pid?: number; stop: () => void }> {
  const port = await freePort();
  const nginx = args.static !== 'node' ? nginxPath() : null;
  if (nginx) {
    // nginx's workers run as an unprivileged user when started by root: they must be able to read the files.
    chmodSync(dir, 0o755);
    const locations = Object.entries(files)
      .map(([path, f]) => `location = ${path} { default_type "${f.type}"; try_files /${f.file} =404; }`)
      .join('\n    ');
    const conf = `worker_processes ${multi ? 'auto' : 1};
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  server {
    listen 127.0.0.1:${port};
    root ${dir};
    etag on;
    ${locations}
  }
}
`;
    writeFileSync(join(dir, 'nginx.conf'), conf);
    execFileSync('mkdir', ['-p', join(dir, 'tmp')]);
    const child = spawn(nginx, ['-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'nginx-error.log')], { stdio: 'inherit' });
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(base + Object.keys(files)[0], child, 'nginx').catch((err) => {
      child.kill('SIGQUIT');
      throw err;
    });
    return { base, kind: multi ? 'nginx (worker_processes auto)' : 'nginx (1 worker)', pid: child.pid, stop: () => child.kill('SIGQUIT') };
  }
  const script = `
    const http = require('node:http'); const fs = require('node:fs');
    const files = ${JSON.stringify(files)}; const dir = ${JSON.stringify(dir)};
    const bodies = Object.fromEntries(Object.entries(files).map(([p, f]) => [p, { body: fs.readFileSync(dir + '/' + f.file), type: f.type }]));
    http.createServer((req, res) => { const f = bodies[req.url]; if (!f) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': f.type, 'content-length': f.body.length }).end(f.body); }).listen(${port}, '127.0.0.1');`;
  const child = spawn(process.execPath, ['-e', script], { stdio: 'inherit' });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(base + Object.keys(files)[0], child, 'node static server').catch((err) => {
    child.kill();
    throw err;
  });
  return { base, kind: 'node:http static', pid: child.pid, stop: () => child.kill() };
}

interface Figures {
  rps: number;
  p99: number;
  p50: number;
  errors: number;
  non2xx: number;
  /** Requests per CPU second of the server (its processes), which a machine shared with other work moves less. */
  perCpuSecond: number;
}

async function load(url: string, pid: number | undefined): Promise<Figures> {
  // A short warm-up so caches and JIT are hot before measuring.
  await autocannon({ url, connections, duration: 2 });
  const before = cpuSeconds(pid);
  const r = await autocannon({ url, connections, duration });
  const perCpuSecond = r.requests.total / (cpuSeconds(pid) - before);
  return { rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50, errors: r.errors, non2xx: r.non2xx, perCpuSecond };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'relais-bench-serve-'));
  const port = await freePort();
  const database = multi ? await openThrowawayDatabase(dir, 'relais_bench') : null;
  const relais = spawn(process.execPath, [join(root, 'src/cli/main.ts'), 'serve', '--demo', '--port', String(port), '--workers', String(workers)], {
    env: { ...process.env, RELAIS_DATA_DIR: join(dir, 'data'), PORT: String(port), HOST: '127.0.0.1', RELAIS_BASE_URL: `http://127.0.0.1:${port}`, NODE_ENV: 'production', ...(database ? { DATABASE_URL: database.url } : {}) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(base + '/', relais, 'relais serve');
    const home = await (await fetch(base + '/')).text();
    const m = /href="(?:http:\/\/127\.0\.0\.1:\d+)?(\/(?:fr|en)\/[a-z0-9-]+)"/.exec(home);
    if (!m) throw new Error('no article link found on the home page');
    const articlePath = m[1];
    const articleRes = await fetch(base + articlePath);
    const rssRes = await fetch(base + '/feed.xml');
    if (!articleRes.ok || !rssRes.ok) throw new Error(`article ${articleRes.status}, rss ${rssRes.status}`);
    writeFileSync(join(dir, 'article.html'), Buffer.from(await articleRes.arrayBuffer()));
    writeFileSync(join(dir, 'feed.xml'), Buffer.from(await rssRes.arrayBuffer()));
    const stat = await startStatic(dir, {
      '/article': { file: 'article.html', type: articleRes.headers.get('content-type') ?? 'text/html' },
      '/feed.xml': { file: 'feed.xml', type: rssRes.headers.get('content-type') ?? 'application/rss+xml' },
    });
    try {
      console.log(`bench:serve — ${connections} connections, ${duration} s per run, Node ${process.version}, Relais: ${workers} process${multi ? 'es' : ''}, static: ${stat.kind}`);
      console.log(`article ${articlePath} (${(await (await fetch(base + articlePath)).arrayBuffer()).byteLength} bytes), site RSS /feed.xml`);
      const rows: Array<[string, Figures, Figures]> = [];
      for (const [label, relaisUrl, staticUrl] of [
        ['article page', base + articlePath, stat.base + '/article'],
        ['site RSS', base + '/feed.xml', stat.base + '/feed.xml'],
      ] as const) {
        const r = await load(relaisUrl, relais.pid);
        const s = await load(staticUrl, stat.pid);
        rows.push([label, r, s]);
      }
      console.log(`\n| target | Relais req/s | Relais p50 / p99 ms | static req/s | static p99 ms | ratio | goal (>=${goal.ratio * 100}%, p99<${goal.p99}ms) | req per server CPU s: Relais / static (ratio) |`);
      console.log('|---|---:|---:|---:|---:|---:|---|---:|');
      for (const [label, r, s] of rows) {
        const ratio = r.rps / s.rps;
        const ok = ratio >= goal.ratio && r.p99 < goal.p99 && r.errors === 0 && r.non2xx === 0;
        console.log(`| ${label} | ${r.rps.toFixed(0)} | ${r.p50} / ${r.p99} | ${s.rps.toFixed(0)} | ${s.p99} | ${(ratio * 100).toFixed(1)}% | ${ok ? 'met' : 'NOT met'}${r.errors || r.non2xx ? ` (errors ${r.errors}, non-2xx ${r.non2xx})` : ''} | ${r.perCpuSecond.toFixed(0)} / ${s.perCpuSecond.toFixed(0)} (${((r.perCpuSecond / s.perCpuSecond) * 100).toFixed(1)}%) |`);
      }
    } finally {
      stat.stop();
    }
  } finally {
    relais.kill('SIGTERM');
    if (database) {
      await new Promise((r) => relais.once('exit', r));
      await database.drop();
    }
    setTimeout(() => rmSync(dir, { recursive: true, force: true }), 500).unref();
  }
}

await main();
