// Behaviour of the fetcher against its own loopback server (127.0.0.3, allowlisted): limits, timeouts,
// content codings, conditional GET, HTTP errors, charsets.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import { cachePolicy } from './cache-policy.ts';
import { FetchError } from './errors.ts';
import { createFetcher, DEFAULT_USER_AGENT } from './fetcher.ts';
import type { Fetcher, FetcherOptions } from './fetcher.ts';
import { connectSpy, EXPECTED_FRENCH, SKIP_XML, tableResolver, XML_ATTACKS_DIR } from './testing.ts';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const handlers = new Map<string, Handler>();
let server: http.Server;
let port = 0;
let base = '';
let fetcher: Fetcher;
let spy: ReturnType<typeof connectSpy>;
const lastRequest: { headers?: http.IncomingHttpHeaders } = {};

function make(extra: FetcherOptions = {}): Fetcher {
  const { resolver } = tableResolver({ 'site.test': ['127.0.0.3'] });
  return createFetcher({ resolver, openSocket: spy.open, allowHosts: [`127.0.0.3:${port}`], timeoutMs: 5_000, ...extra });
}

function route(path: string, h: Handler): string {
  handlers.set(path, h);
  return `${base}${path}`;
}

async function failure(p: Promise<unknown>): Promise<FetchError> {
  const err = await p.then(() => null, (e: unknown) => e);
  assert.ok(err instanceof FetchError, `expected a FetchError, got ${String(err)}`);
  return err;
}

before(async () => {
  server = http.createServer((req, res) => {
    lastRequest.headers = req.headers;
    const h = handlers.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (h) h(req, res);
    else res.writeHead(404).end('no such test route');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.3', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://site.test:${port}`;
  spy = connectSpy([`127.0.0.3:${port}`]);
  fetcher = make();
});

after(async () => {
  await fetcher.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  assert.deepEqual(spy.refused(), [], 'nothing but the test server was contacted');
});

test('plain 200: body, text, headers, request headers', async () => {
  const url = route('/plain', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=UTF-8', etag: '"v1"', 'last-modified': 'Tue, 01 Jul 2025 10:00:00 GMT' });
    res.end('héllo wörld');
  });
  const r = await fetcher.fetch(url, { accept: 'text/plain', headers: { 'Accept-Language': 'fr', Host: 'evil.example' } });
  assert.equal(r.status, 200);
  assert.equal(r.url, url);
  assert.equal(r.text, 'héllo wörld');
  assert.equal(r.charset, 'utf-8');
  assert.equal(r.encodingRepaired, false);
  assert.equal(r.contentType, 'text/plain');
  assert.equal(r.etag, '"v1"');
  assert.equal(r.lastModified, 'Tue, 01 Jul 2025 10:00:00 GMT');
  assert.equal(r.notModified, false);
  assert.deepEqual(r.redirects, []);
  assert.equal(r.body.toString('utf8'), 'héllo wörld');
  const h = lastRequest.headers!;
  assert.equal(h['user-agent'], DEFAULT_USER_AGENT);
  assert.equal(h['accept'], 'text/plain');
  assert.equal(h['accept-language'], 'fr');
  assert.equal(h['host'], `site.test:${port}`, 'Host stays the name although the socket is pinned to the IP');
  assert.match(h['accept-encoding'] ?? '', /gzip/);
});

test('user agent is configurable', async () => {
  const url = route('/ua', (req, res) => res.end(req.headers['user-agent']));
  const f = make({ userAgent: 'RelaisTest/1' });
  try {
    assert.equal((await f.fetch(url)).text, 'RelaisTest/1');
  } finally {
    await f.close();
  }
});

test('conditional GET: If-None-Match / If-Modified-Since, 304 is notModified', async () => {
  const lm = 'Wed, 02 Jul 2025 08:00:00 GMT';
  const url = route('/cond', (req, res) => {
    if (req.headers['if-none-match'] === '"abc"' || req.headers['if-modified-since'] === lm) {
      res.writeHead(304, { etag: '"abc"' }).end();
      return;
    }
    res.writeHead(200, { etag: '"abc"', 'last-modified': lm }).end('<rss/>');
  });
  const full = await fetcher.fetch(url);
  assert.equal(full.notModified, false);
  const byEtag = await fetcher.fetch(url, { etag: full.etag });
  assert.equal(lastRequest.headers!['if-none-match'], '"abc"');
  assert.equal(byEtag.status, 304);
  assert.equal(byEtag.notModified, true);
  assert.equal(byEtag.body.length, 0);
  assert.equal(byEtag.etag, '"abc"');
  const byDate = await fetcher.fetch(url, { lastModified: full.lastModified });
  assert.equal(lastRequest.headers!['if-modified-since'], lm);
  assert.equal(byDate.notModified, true);
  assert.equal(byDate.lastModified, lm, 'kept from the request when the 304 omits it');
});

test('size limit: Content-Length checked first, then the streamed size', async () => {
  const declared = route('/declared', (_req, res) => {
    res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000));
  });
  const e1 = await failure(fetcher.fetch(declared, { maxBytes: 1000 }));
  assert.equal(e1.code, 'too-large');
  assert.match(e1.message, /Content-Length 5000 exceeds the limit of 1000 bytes/);

  const streamed = route('/streamed', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const chunk = Buffer.alloc(16 * 1024, 1);
    let sent = 0;
    const pump = () => {
      while (sent < 4 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('error', () => {});
    pump();
  });
  const e2 = await failure(fetcher.fetch(streamed, { maxBytes: 64 * 1024 }));
  assert.equal(e2.code, 'too-large');
  assert.match(e2.message, /body exceeds the limit of 65536 bytes/);

  const exact = route('/exact', (_req, res) => res.end('y'.repeat(1000)));
  assert.equal((await fetcher.fetch(exact, { maxBytes: 1000 })).body.length, 1000);
});

test('gzip, deflate (zlib and raw), brotli, stacked codings are decoded', async () => {
  const text = 'Élève à l’école — '.repeat(50);
  const raw = Buffer.from(text, 'utf8');
  const variants: Array<[string, Buffer]> = [
    ['gzip', zlib.gzipSync(raw)],
    ['x-gzip', zlib.gzipSync(raw)],
    ['deflate', zlib.deflateSync(raw)],
    ['deflate', zlib.deflateRawSync(raw)],
    ['br', zlib.brotliCompressSync(raw)],
    ['gzip, br', zlib.brotliCompressSync(zlib.gzipSync(raw))],
    ['identity', raw],
  ];
  for (const [i, [coding, body]] of variants.entries()) {
    const url = route(`/coding${i}`, (_req, res) => {
      res.writeHead(200, { 'content-encoding': coding, 'content-type': 'text/plain; charset=utf-8' }).end(body);
    });
    const r = await fetcher.fetch(url);
    assert.equal(r.text, text, coding);
  }
});

test('zip bombs: the decompressed size is limited too', async () => {
  const bomb = zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024));
  assert.ok(bomb.length < 64 * 1024);
  const url = route('/bomb', (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb));
  const err = await failure(fetcher.fetch(url, { maxBytes: 1024 * 1024 }));
  assert.equal(err.code, 'too-large');
  assert.match(err.message, /decompressed body exceeds/);
  const brBomb = zlib.brotliCompressSync(Buffer.alloc(20 * 1024 * 1024));
  const url2 = route('/brbomb', (_req, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(brBomb));
  assert.equal((await failure(fetcher.fetch(url2, { maxBytes: 1024 * 1024 }))).code, 'too-large');
});

test('unknown or corrupt content codings are "decompress" errors', async () => {
  const unknown = route('/compress', (_req, res) => res.writeHead(200, { 'content-encoding': 'compress' }).end('xx'));
  const e1 = await failure(fetcher.fetch(unknown));
  assert.equal(e1.code, 'decompress');
  assert.match(e1.message, /unsupported Content-Encoding "compress"/);
  const corrupt = route('/corrupt', (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end('not gzip at all'));
  assert.equal((await failure(fetcher.fetch(corrupt))).code, 'decompress');
});

test('timeouts: total, headers; caller abort', async () => {
  const silent = route('/silent', () => {
    /* never answers */
  });
  const e1 = await failure(fetcher.fetch(silent, { timeoutMs: 200 }));
  assert.equal(e1.code, 'timeout');
  assert.match(e1.message, /within 200 ms/);

  const stall = route('/stall', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('partial');
  });
  assert.equal((await failure(fetcher.fetch(stall, { timeoutMs: 200 }))).code, 'timeout');

  const f = make({ headersTimeoutMs: 150 });
  try {
    const e2 = await failure(f.fetch(silent));
    assert.equal(e2.code, 'timeout');
  } finally {
    await f.close();
  }

  const controller = new AbortController();
  const p = fetcher.fetch(silent, { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  assert.equal((await failure(p)).code, 'aborted');
});

test('HTTP errors carry status and headers (Retry-After for the scheduler)', async () => {
  const url = route('/busy', (_req, res) => res.writeHead(503, { 'retry-after': '120' }).end('busy'));
  const err = await failure(fetcher.fetch(url));
  assert.equal(err.code, 'http-error');
  assert.equal(err.status, 503);
  assert.equal(err.url, url);
  assert.equal(cachePolicy(err.headers!).retryAfterSeconds, 120);
  const missing = await failure(fetcher.fetch(`${base}/does-not-exist`));
  assert.equal(missing.status, 404);
  assert.match(missing.message, /HTTP 404/);
});

test('network errors: connection refused by the peer', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.3', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  const { resolver } = tableResolver({});
  const f = createFetcher({ resolver, allowHosts: [`127.0.0.3:${closedPort}`] });
  try {
    const err = await failure(f.fetch(`http://127.0.0.3:${closedPort}/`));
    assert.equal(err.code, 'network');
    assert.match(err.message, /ECONNREFUSED/);
  } finally {
    await f.close();
  }
});

test('charsets: every enc-*.xml decodes to the expected French text', { skip: SKIP_XML }, async () => {
  const files = [
    'enc-cp1252-correctly-declared.xml',
    'enc-declared-iso-8859-1-actually-utf8.xml',
    'enc-declared-utf8-actually-cp1252.xml',
    'enc-iso-8859-1-declared-has-cp1252-bytes.xml',
    'enc-no-declaration-cp1252.xml',
    'enc-utf16le-no-bom.xml',
    'enc-utf8-bom-declared-cp1252.xml',
  ];
  const repaired = new Set([
    'enc-declared-iso-8859-1-actually-utf8.xml',
    'enc-declared-utf8-actually-cp1252.xml',
    'enc-iso-8859-1-declared-has-cp1252-bytes.xml',
    'enc-no-declaration-cp1252.xml',
  ]);
  for (const file of files) {
    const bytes = readFileSync(`${XML_ATTACKS_DIR}${file}`);
    const url = route(`/${file}`, (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(bytes));
    const r = await fetcher.fetch(url);
    const titles = [...r.text.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    assert.equal(titles[1], EXPECTED_FRENCH, file);
    assert.equal(titles[0], 'Actualités', file);
    assert.equal(r.encodingRepaired, repaired.has(file), file);
  }
  // The HTTP charset is a declaration like any other: wrong here, repaired.
  const lying = readFileSync(`${XML_ATTACKS_DIR}enc-no-declaration-cp1252.xml`);
  const url = route('/lying-http', (_req, res) => res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(lying));
  const r = await fetcher.fetch(url);
  assert.ok(r.text.includes(EXPECTED_FRENCH));
  assert.equal(r.encodingRepaired, true);
  assert.equal(r.decode().source, 'http');
});

test('UTF-7 bodies are refused when decoded', { skip: SKIP_XML }, async () => {
  const bytes = readFileSync(`${XML_ATTACKS_DIR}utf7-xxe.xml`);
  const url = route('/utf7', (_req, res) => res.writeHead(200, { 'content-type': 'application/xml' }).end(bytes));
  const r = await fetcher.fetch(url);
  assert.equal(r.body.length, bytes.length, 'the bytes are still available');
  assert.throws(() => r.text, (e: unknown) => e instanceof FetchError && e.code === 'unsupported-encoding');
});

test('options are validated', () => {
  assert.throws(() => createFetcher({ allowHosts: ['localhost:80'] }), TypeError);
  const r = fetcher.checkUrl('http://127.0.0.1/');
  assert.ok(!r.ok && r.rule === 'ip-literal');
});
