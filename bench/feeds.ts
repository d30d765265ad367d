// Feed serving benchmark (prints figures, asserts nothing): a feed of a store with 60 articles under
// `--connections` concurrent connections, against a plain node:http server sending the same bytes.
// Each server runs in its own process so the load generator does not share its event loop.
// Usage: npm run bench:feeds -- [--duration 10] [--connections 50] [--path /feed.xml]
// Uses SQLite in memory, or PostgreSQL when DATABASE_URL is set (a throwaway schema).
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    path: { type: 'string', default: '/feed.xml' },
    serve: { type: 'string' }, // internal: 'relais' or 'plain' (child process mode)
  },
});

async function serveRelais(): Promise<void> {
  const { buildApp } = await import('../src/app.ts');
  const { openTestContext } = await import('../src/publish/test-context.ts');
  const { createArticle } = await import('../src/publish/articles.ts');
  const { TestClock, seedNewsroom } = await import('../src/feeds/test-support.ts');
  const clock = new TestClock('2026-01-10T12:00:00Z');
  const ctx = await openTestContext({ now: clock.now });
  await seedNewsroom(ctx, clock);
  const paragraph = '<p>' + 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(12) + '</p>';
  for (let i = 0; i < 57; i++) {
    clock.tick();
    await createArticle(ctx, { language: i % 2 ? 'fr' : 'en', title: `Story ${i}`, bodyHtml: paragraph.repeat(4), sections: ['world'], status: 'published' }, { kind: 'system', name: 'bench' });
  }
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.send?.({ port: (app.server.address() as AddressInfo).port, dialect: ctx.store.dialect });
}

function servePlain(): void {
  process.once('message', (m: { body: string; type: string }) => {
    const body = Buffer.from(m.body, 'base64');
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': m.type, 'content-length': body.length }).end(body));
    server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
  });
}

function start(mode: string, message?: unknown): Promise<{ child: ChildProcess; port: number; dialect?: string }> {
  const child = fork(new URL(import.meta.url).pathname, ['--serve', mode], { stdio: 'inherit' });
  if (message) child.send(message);
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number; dialect?: string }) => resolve({ child, ...m }));
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

async function run(url: string, connections: number, duration: number, headers: Record<string, string> = {}) {
  await autocannon({ url, connections, duration: 2, headers });
  const r = await autocannon({ url, connections, duration, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function main(): Promise<void> {
  const duration = Number(args.duration);
  const connections = Number(args.connections);
  const relais = await start('relais');
  const relaisUrl = `http://127.0.0.1:${relais.port}${args.path}`;
  const first = await fetch(relaisUrl);
  const body = Buffer.from(await first.arrayBuffer());
  const type = first.headers.get('content-type') ?? 'application/octet-stream';
  const etag = first.headers.get('etag') ?? '';
  const plain = await start('plain', { body: body.toString('base64'), type });
  try {
    console.log(`feeds bench: ${args.path} (${body.length} bytes), ${connections} connections, ${duration} s per run, ${relais.dialect}, Node ${process.version}`);
    const rows: Array<[string, Awaited<ReturnType<typeof run>>]> = [
      ['Relais 200', await run(relaisUrl, connections, duration)],
      ['Relais 304 (If-None-Match)', await run(relaisUrl, connections, duration, { 'if-none-match': etag })],
      ['node:http, same bytes', await run(`http://127.0.0.1:${plain.port}${args.path}`, connections, duration)],
    ];
    console.log('| target | req/s | p50 ms | p99 ms | errors | non-2xx |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [label, r] of rows) console.log(`| ${label} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`);
    console.log(`Relais 200 / plain throughput: ${((rows[0][1].rps / rows[2][1].rps) * 100).toFixed(1)}%`);
  } finally {
    relais.child.kill();
    plain.child.kill();
  }
}

if (args.serve === 'relais') await serveRelais();
else if (args.serve === 'plain') servePlain();
else await main();
