// npm run bench:pixel — the republication kit's pixel (/px/<placement>.gif) against nginx serving the same
// 43-byte GIF as a static file (a node:http static server where nginx is absent). Loopback, autocannon.
// Each request carries a browser User-Agent and a Referer, so it takes the counting path (signature check,
// reader HMAC, day set, batch map). Goal: Relais >= 50% of the static server's requests/s.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values: args } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' }, static: { type: 'string', default: 'auto' } },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
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

async function startStatic(dir: string): Promise<{ url: string; kind: string; stop: () => void }> {
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
    location = /pixel.gif { default_type image/gif; add_header Cache-Control no-store; try_files /pixel.gif =404; }
  }
}
`,
    );
    const child = spawn(nginx, ['-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'nginx-error.log')], { stdio: 'inherit' });
    await waitForHttp(url, child, 'nginx');
    return { url, kind: 'nginx (1 worker)', stop: () => child.kill('SIGQUIT') };
  }
  const script = `const b=Buffer.from(${JSON.stringify(GIF.toString('base64'))},'base64');require('node:http').createServer((q,s)=>s.writeHead(200,{'content-type':'image/gif','cache-control':'no-store','content-length':b.length}).end(b)).listen(${port},'127.0.0.1')`;
  const child = spawn(process.execPath, ['-e', script], { stdio: 'inherit' });
  await waitForHttp(url, child, 'node static server');
  return { url, kind: 'node:http static', stop: () => child.kill() };
}

async function load(url: string) {
  await autocannon({ url, connections, duration: 2, headers: HEADERS });
  const r = await autocannon({ url, connections, duration, headers: HEADERS });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

const dir = mkdtempSync(join(tmpdir(), 'relais-bench-pixel-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const relais = spawn(process.execPath, [join(root, 'src/cli/main.ts'), 'serve', '--demo', '--port', String(port)], {
  env: { ...process.env, RELAIS_DATA_DIR: join(dir, 'data'), PORT: String(port), HOST: '127.0.0.1', RELAIS_BASE_URL: base, NODE_ENV: 'production', RELAIS_LICENCE: 'CC-BY-4.0' },
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
    console.log(`bench:pixel — ${connections} connections, ${duration} s per run, Node ${process.version}, static: ${stat.kind}`);
    const r = await load(base + pixel);
    const s = await load(stat.url);
    const ratio = r.rps / s.rps;
    console.log('\n| target | req/s | p50 / p99 ms | errors, non-2xx |');
    console.log('|---|---:|---:|---|');
    console.log(`| Relais pixel | ${r.rps.toFixed(0)} | ${r.p50} / ${r.p99} | ${r.errors}, ${r.non2xx} |`);
    console.log(`| ${stat.kind} GIF | ${s.rps.toFixed(0)} | ${s.p50} / ${s.p99} | ${s.errors}, ${s.non2xx} |`);
    console.log(`\nratio ${(ratio * 100).toFixed(1)}% (goal >= 50%: ${ratio >= 0.5 && !r.errors && !r.non2xx ? 'met' : 'NOT met'})`);
  } finally {
    stat.stop();
  }
} finally {
  relais.kill('SIGTERM');
  setTimeout(() => rmSync(dir, { recursive: true, force: true }), 500).unref();
}
