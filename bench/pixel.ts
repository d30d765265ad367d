// npm run bench:pixel — the republication kit's pixel (/px/<placement>.gif) against nginx serving the same
// 43-byte GIF as a static file (a node:http static server where nginx is absent). Loopback, autocannon.
// Each request carries a browser User-Agent and a Referer, so it takes the counting path (signature check,
// reader HMAC, day set, batch map). Goal: Relais >= 50% of the static server's requests/s.
// Fair both ways, on a small shared machine:
// - one core each: where taskset exists and there are 2+ cores, Relais and nginx (1 worker) both run on the
//   last core and this process (autocannon) on the first, so neither server borrows the client's core
//   (Node's GC and libuv threads would) nor the client the servers';
// - the same headers: nginx adds the pixel's header set (PIXEL_HEADERS), so both send about the same bytes;
// - interleaved rounds (--rounds, order alternating R/N, N/R, …), median of each: load from other work on
//   the machine falls on both targets alike rather than on whichever ran second;
// - the client's CPU share is printed per run: near 100% means autocannon, not the server, set the pace, and
//   that target's figure is a lower bound;
// - requests per second of the server's own CPU time (Linux /proc, process and children): what one core can
//   serve, which other work on the machine disturbs far less than req/s. Its ratio is printed beside the
//   req/s ratio (the issue's goal is stated on req/s).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { cpus } from 'node:os';
import { PIXEL_HEADERS } from '../src/follow/republish/pixel-hit.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    static: { type: 'string', default: 'auto' },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const rounds = Number(args.rounds);
const taskset = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p));
const serverCore = cpus().length >= 2 && taskset ? String(cpus().length - 1) : null;
/** The command line that runs `cmd` on the servers' core (as is without taskset or a second core). */
const onServerCore = (cmd: string, argv: string[]): [string, string[]] => (serverCore ? [taskset!, ['-c', serverCore, cmd, ...argv]] : [cmd, argv]);
if (serverCore) execFileSync(taskset!, ['-cp', '0', String(process.pid)], { stdio: 'ignore' });
const root = new URL('..', import.meta.url).pathname;
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const HEADERS = {
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  referer: 'https://republisher.example/news/story',
};

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });

async function waitForHttp(url: string, child: ChildProcess, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode != null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not answer at ${url}`);
}

const nginxHeaders = Object.entries(PIXEL_HEADERS)
  .filter(([name]) => name !== 'content-type' && name !== 'content-length')
  .map(([name, value]) => `      add_header ${name} "${value}";`)
  .join('\n');

const CLK_TCK = existsSync('/proc/self/stat') ? Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100 : 0;

/** CPU seconds used so far by `pid` and its live children (nginx's worker), or NaN without /proc. */
function cpuSeconds(pid: number): number {
  try {
    const ticks = (p: number) => readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...children].reduce((sum, p) => sum + ticks(p), 0) / CLK_TCK;
  } catch {
    return NaN;
  }
}

async function startStatic(dir: string): Promise<{ url: string; kind: string; pid: number; stop: () => void }> {
  writeFileSync(join(dir, 'pixel.gif'), GIF);
  const port = await freePort();
  const nginx = args.static !== 'node' ? ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) : undefined;
  const url = `http://127.0.0.1:${port}/pixel.gif`;
  if (nginx) {
    chmodSync(dir, 0o755);
    execFileSync('mkdir', ['-p', join(dir, 'tmp')]);
    writeFileSync(
      join(dir, 'nginx.conf'),
      `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  server {
    listen 127.0.0.1:${port};
    root ${dir};
    location = /pixel.gif {
      default_type image/gif;
${nginxHeaders}
      try_files /pixel.gif =404;
    }
  }
}
`,
    );
    const child = spawn(...onServerCore(nginx, ['-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'nginx-error.log')]), { stdio: 'inherit' });
    await waitForHttp(url, child, 'nginx');
    return { url, kind: 'nginx (1 worker)', pid: child.pid!, stop: () => child.kill('SIGQUIT') };
  }
  const script = `const b=Buffer.from(${JSON.stringify(GIF.toString('base64'))},'base64');require('node:http').createServer((q,s)=>s.writeHead(200,{'content-type':'image/gif','cache-control':'no-store','content-length':b.length}).end(b)).listen(${port},'127.0.0.1')`;
  const child = spawn(...onServerCore(process.execPath, ['-e', script]), { stdio: 'inherit' });
  await waitForHttp(url, child, 'node static server');
  return { url, kind: 'node:http static', pid: child.pid!, stop: () => child.kill() };
}

interface Run { rps: number; p50: number; p99: number; errors: number; non2xx: number; clientCpu: number; perCpuSecond: number }

async function load(url: string, serverPid: number, seconds = duration): Promise<Run> {
  const cpu = process.cpuUsage();
  const serverBefore = cpuSeconds(serverPid);
  const start = performance.now();
  const r = await autocannon({ url, connections, duration: seconds, headers: HEADERS });
  const used = process.cpuUsage(cpu);
  const clientCpu = (used.user + used.system) / 1000 / (performance.now() - start);
  const perCpuSecond = r.requests.total / (cpuSeconds(serverPid) - serverBefore);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, clientCpu, perCpuSecond };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (name: string, r: Run) =>
  `| ${name} | ${r.rps.toFixed(0)} | ${r.p50} / ${r.p99} | ${r.errors}, ${r.non2xx} | ${(r.clientCpu * 100).toFixed(0)}% | ${r.perCpuSecond.toFixed(0)} |`;

const dir = mkdtempSync(join(tmpdir(), 'relais-bench-pixel-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const relais = spawn(...onServerCore(process.execPath, [join(root, 'src/cli/main.ts'), 'serve', '--demo', '--port', String(port)]), {
  env: { ...process.env, RELAIS_WORKERS: '1', RELAIS_DATA_DIR: join(dir, 'data'), PORT: String(port), HOST: '127.0.0.1', RELAIS_BASE_URL: base, NODE_ENV: 'production', RELAIS_LICENCE: 'CC-BY-4.0' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitForHttp(base + '/', relais, 'relais serve');
  const home = await (await fetch(base + '/')).text();
  const article = /href="(?:http:\/\/127\.0\.0\.1:\d+)?(\/(?:fr|en)\/[a-z0-9-]+)"/.exec(home)?.[1];
  if (!article) throw new Error('no article link on the home page');
  const kit = await (await fetch(`${base}${article}/republish`)).text();
  const pixel = /\/px\/[0-9a-z]+\.[0-9A-Za-z]+\.[A-Za-z0-9_-]+\.gif/.exec(kit)?.[0];
  if (!pixel) throw new Error('no pixel in the kit page');
  const stat = await startStatic(dir);
  try {
    const pinned = serverCore ? `servers on core ${serverCore}, client on core 0` : 'not pinned';
    console.log(`bench:pixel — ${connections} connections, ${rounds} × ${duration} s per target, Node ${process.version}, static: ${stat.kind}, ${pinned}`);
    await load(base + pixel, relais.pid!, 2); // warm-ups
    await load(stat.url, stat.pid, 2);
    const ours: Run[] = [];
    const theirs: Run[] = [];
    console.log('\n| round: target | req/s | p50 / p99 ms | errors, non-2xx | client CPU | req per server CPU s |');
    console.log('|---|---:|---:|---|---:|---:|');
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 ? (['static', 'relais'] as const) : (['relais', 'static'] as const);
      for (const which of order) {
        const r = which === 'relais' ? await load(base + pixel, relais.pid!) : await load(stat.url, stat.pid);
        (which === 'relais' ? ours : theirs).push(r);
        console.log(row(`${i + 1}: ${which === 'relais' ? 'Relais pixel' : `${stat.kind} GIF`}`, r));
      }
    }
    const r = median(ours.map((x) => x.rps));
    const s = median(theirs.map((x) => x.rps));
    const clean = ours.every((x) => !x.errors && !x.non2xx);
    console.log(`\nmedian: Relais ${r.toFixed(0)} req/s, ${stat.kind} ${s.toFixed(0)} req/s`);
    console.log(`ratio ${((r / s) * 100).toFixed(1)}% (goal >= 50%: ${r / s >= 0.5 && clean ? 'met' : 'NOT met'})`);
    const rc = median(ours.map((x) => x.perCpuSecond));
    const sc = median(theirs.map((x) => x.perCpuSecond));
    console.log(`per server CPU second (median): Relais ${rc.toFixed(0)}, ${stat.kind} ${sc.toFixed(0)}: ${((rc / sc) * 100).toFixed(1)}%`);
  } finally {
    stat.stop();
  }
} finally {
  relais.kill('SIGTERM');
  setTimeout(() => rmSync(dir, { recursive: true, force: true }), 500).unref();
}
