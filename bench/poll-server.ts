// Loopback feed server for bench/poll.ts, run as its own process. Feed /f/<id>.xml behaves by id % 100:
//  0–84 static (200 with an ETag, then 304 to If-None-Match)   85–92 changing (a new entry on every request)
// 93–95 slow (200–500 ms, then like static)                    96–97 HTTP 500            98–99 broken body
// Prints the port on stdout, then answers until SIGTERM (then prints its request and connection counts; SIGUSR2
// prints them and goes on). Listens on 127.0.0.1, or on one port of each address in the first argument
// ("127.0.0.2,127.0.0.3": bench:soak spreads its feeds over several loopback hosts, as the poller sees them).
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

const versions = new Map<number, number>();
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function feed(id: number, version: number): string {
  let items = '';
  for (let v = version; v > version - 5 && v >= 0; v--) {
    items += `<item><title>${esc(`Story ${v} of feed ${id}`)}</title><link>http://site${id}.example.com/story/${v}</link><guid isPermaLink="false">f${id}-s${v}</guid><description>Text of story ${v} of feed ${id}, a few words long.</description><pubDate>${new Date(1_780_000_000_000 + v * 60_000).toUTCString()}</pubDate></item>`;
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed ${id}</title><link>http://site${id}.example.com/</link>${items}</channel></rss>`;
}

let requests = 0;
let connections = 0;
const handler: RequestListener = (req, res) => {
  requests++;
  const m = /^\/f\/(\d+)\.xml$/.exec(req.url ?? '');
  if (!m) {
    res.writeHead(404).end();
    return;
  }
  const id = Number(m[1]);
  const kind = id % 100;
  const answerStatic = () => {
    const etag = `"s${id}"`;
    if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(feed(id, 0));
  };
  if (kind < 85) answerStatic();
  else if (kind < 93) {
    const v = (versions.get(id) ?? 0) + 1;
    versions.set(id, v);
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"c${id}-${v}"` }).end(feed(id, v));
  } else if (kind < 96) setTimeout(answerStatic, 200 + ((id * 37) % 300));
  else if (kind < 98) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
  else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<html><body>We moved to an app!</body></html>');
};
// SIGTERM: report how many TCP connections carried the requests (keep-alive at work), then exit.
process.on('SIGTERM', () => {
  process.stdout.write(`requests ${requests} connections ${connections}\n`, () => process.exit(0));
});
process.on('SIGUSR2', () => process.stdout.write(`requests ${requests} connections ${connections}\n`));
const [first, ...others] = (process.argv[2] ?? '127.0.0.1').split(',');
function listen(address: string, port: number): Promise<number> {
  const server = createServer(handler);
  server.on('connection', () => connections++);
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  return new Promise((resolve) => server.listen(port, address, () => resolve((server.address() as AddressInfo).port)));
}
const port = await listen(first!, 0);
for (const address of others) await listen(address, port);
process.stdout.write(`${port}\n`);
