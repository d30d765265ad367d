// Redirect patterns of test-patterns.json: a redirector on 127.0.0.3 (the only allowlisted address:port),
// a canary listener on 127.0.0.2 that must never be contacted, a connect spy and a process-wide TCP guard.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { FetchError } from './errors.ts';
import { createFetcher } from './fetcher.ts';
import type { Fetcher } from './fetcher.ts';
import { connectSpy, installTcpGuard, loadTestPatterns, SKIP_SSRF, tableResolver } from './testing.ts';

let redirector: http.Server;
let canary: net.Server;
let redirectorPort = 0;
let canaryPort = 0;
let canaryAccepts = 0;
let redirectorRequests: string[] = [];
let routes = new Map<string, { status: number; location: string }>();
let guard: ReturnType<typeof installTcpGuard> = null;
let spy: ReturnType<typeof connectSpy>;
let fetcher: Fetcher;

before(async () => {
  canary = net.createServer((socket) => {
    canaryAccepts++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.2', resolve));
  canaryPort = (canary.address() as AddressInfo).port;

  redirector = http.createServer((req, res) => {
    redirectorRequests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/redirect') {
      const n = Number(url.searchParams.get('n'));
      if (n > 0) res.writeHead(302, { location: `/redirect?n=${n - 1}` }).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('end of chain');
      return;
    }
    const route = routes.get(url.pathname);
    if (route) res.writeHead(route.status, { location: route.location }).end('moved');
    else res.writeHead(200, { 'content-type': 'text/plain' }).end(`page ${url.pathname}`);
  });
  await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.3', resolve));
  redirectorPort = (redirector.address() as AddressInfo).port;

  guard = installTcpGuard((address, port) => address === '127.0.0.3' && port === redirectorPort);
  spy = connectSpy([`127.0.0.3:${redirectorPort}`]);
  const { resolver } = tableResolver({ 'redirector.test': ['127.0.0.3'], '127.0.0.1.nip.io': ['127.0.0.1'] });
  fetcher = createFetcher({ resolver, openSocket: spy.open, allowHosts: [`127.0.0.3:${redirectorPort}`], timeoutMs: 5_000 });
});

after(async () => {
  await fetcher.close();
  guard?.restore();
  redirector.closeAllConnections();
  await new Promise((r) => redirector.close(r));
  await new Promise((r) => canary.close(r));
});

const EXPECTED: Record<string, string[]> = {
  'http://127.0.0.1/': ['address-refused'],
  'http://169.254.169.254/latest/meta-data/': ['address-refused'],
  'http://[::1]/': ['address-refused'],
  'http://localhost/': ['url-refused'],
  'http://10.0.0.1/': ['address-refused'],
  'http://2130706433/': ['address-refused'],
  'http://[::ffff:127.0.0.1]/': ['address-refused'],
  'http://127.0.0.1.nip.io/': ['address-refused'],
  'https://127.0.0.1/': ['address-refused'],
  'file:///etc/passwd': ['url-refused'],
  'gopher://127.0.0.1:6379/_INFO': ['url-refused'],
  '//127.0.0.1/': ['address-refused'],
  'http://user:pass@127.0.0.1/': ['url-refused'],
};

test('every redirect pattern ends in an error; only the redirector is contacted', { skip: SKIP_SSRF }, async () => {
  const patterns = loadTestPatterns().redirects;
  assert.equal(patterns.length, 15);
  for (const [i, p] of patterns.entries()) {
    const location = p.location.replace('{CANARY_PORT}', String(canaryPort)).replace('{N_MINUS_1}', '30');
    routes.set(`/p${i}`, { status: p.status, location });
    redirectorRequests = [];
    const start = `http://redirector.test:${redirectorPort}/p${i}`;
    const err = await fetcher.fetch(start).then(() => null, (e: unknown) => e);
    assert.ok(err instanceof FetchError, `${p.why}: expected a FetchError, got ${String(err)}`);
    if (location.startsWith('/redirect')) {
      assert.equal(err.code, 'too-many-redirects', p.why);
      assert.equal(redirectorRequests.length, 6, 'the first request plus 5 redirects');
      assert.equal(err.redirects.length, 6);
    } else if (location.includes(`:${canaryPort}`)) {
      assert.equal(err.code, 'address-refused', p.why);
    } else {
      assert.ok(EXPECTED[location]?.includes(err.code), `${p.why}: ${location} gave ${err.code} (${err.message})`);
      assert.equal(redirectorRequests.length, 1);
    }
    assert.deepEqual(err.redirects[0], start);
    assert.deepEqual(spy.refused(), [], `${p.why}: connect attempted to a non-allowlisted address`);
  }
  assert.equal(canaryAccepts, 0);
  if (guard) assert.deepEqual(guard.attempts, []);
});

test('a redirect to an allowed place is followed and reported', async () => {
  routes.set('/a', { status: 301, location: '/b' });
  routes.set('/b', { status: 308, location: `http://127.0.0.3:${redirectorPort}/final?x=1` });
  const r = await fetcher.fetch(`http://redirector.test:${redirectorPort}/a`);
  assert.equal(r.status, 200);
  assert.equal(r.url, `http://127.0.0.3:${redirectorPort}/final?x=1`);
  assert.deepEqual(r.redirects, [`http://redirector.test:${redirectorPort}/a`, `http://redirector.test:${redirectorPort}/b`]);
  assert.equal(r.text, 'page /final');
});

test('Location headers with raw control characters or backslashes are refused, not repaired', async () => {
  for (const location of ['http://127.0.0.1\\@example.com/', '/ok\tpath', 'http://exa mple.com/']) {
    routes.set('/raw', { status: 302, location });
    const err = await fetcher.fetch(`http://redirector.test:${redirectorPort}/raw`).then(() => null, (e: unknown) => e);
    assert.ok(err instanceof FetchError);
    assert.equal(err.code, 'url-refused', location);
    assert.equal(err.rule, 'raw-chars');
  }
  routes.set('/none', { status: 302, location: '' });
  const err = await fetcher.fetch(`http://redirector.test:${redirectorPort}/none`).then(() => null, (e: unknown) => e);
  assert.ok(err instanceof FetchError && err.code === 'bad-redirect');
  assert.deepEqual(spy.refused(), []);
  assert.equal(canaryAccepts, 0);
});
