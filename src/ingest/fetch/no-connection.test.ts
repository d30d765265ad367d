// The real fetch path (policy, undici Agent, guarded connector) with a mocked resolver, a connect spy in
// the connector and a whole-process TCP guard: corpus URLs and DNS-rebinding names never reach a socket.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { createGuardedConnector } from './connector.ts';
import { ConnectRefusedError, FetchError } from './errors.ts';
import { createFetcher } from './fetcher.ts';
import { connectSpy, installTcpGuard, loadSsrfUrls, loadTestPatterns, SKIP_SSRF, tableResolver } from './testing.ts';

let guard: ReturnType<typeof installTcpGuard> = null;
before(() => {
  guard = installTcpGuard(() => false);
});
after(() => guard?.restore());

async function refusal(p: Promise<unknown>): Promise<FetchError> {
  const err = await p.then(() => null, (e: unknown) => e);
  assert.ok(err instanceof FetchError, `expected a FetchError, got ${String(err)}`);
  return err;
}

test('every urls.json entry is refused with zero connection attempts', { skip: SKIP_SSRF }, async () => {
  const entries = loadSsrfUrls();
  const table: Record<string, string[]> = {};
  for (const e of entries) Object.assign(table, e.mock_dns ?? {});
  const { resolver } = tableResolver(table, ['1.2.3.4']);
  const spy = connectSpy();
  const fetcher = createFetcher({ resolver, openSocket: spy.open, timeoutMs: 5_000 });
  try {
    for (const e of entries) {
      const err = await refusal(fetcher.fetch(e.url));
      assert.ok(['url-refused', 'address-refused'].includes(err.code), `${e.id}: ${err.code} ${err.message}`);
      assert.ok(err.rule && e.refused_by.includes(err.rule), `${e.id}: rule ${err.rule} not in ${e.refused_by.join('/')}`);
      assert.equal(err.url, e.url);
      assert.ok(err.message.includes(JSON.stringify(e.url)), `${e.id}: message should name the URL: ${err.message}`);
      assert.equal(spy.attempts.length, 0, `${e.id} ${e.url} reached the connector: ${JSON.stringify(spy.attempts)}`);
    }
  } finally {
    await fetcher.close();
  }
  if (guard) assert.deepEqual(guard.attempts, []);
});

test('the spy is in the path: a public name is connected to its validated IP only', async () => {
  const { resolver, calls } = tableResolver({ 'feeds.example.org': ['93.184.215.14', '2606:2800:21f:cb07::1'] });
  const spy = connectSpy();
  const fetcher = createFetcher({ resolver, openSocket: spy.open });
  try {
    const err = await refusal(fetcher.fetch('https://feeds.example.org/rss'));
    assert.equal(err.code, 'network');
    assert.deepEqual(calls, ['feeds.example.org']);
    // Both validated addresses tried in order, each pinned, keeping the name for TLS (SNI, certificate).
    assert.deepEqual(
      spy.attempts.map((a) => [a.hostname, a.port, a.protocol, a.servername]),
      [
        ['93.184.215.14', 443, 'https:', 'feeds.example.org'],
        ['2606:2800:21f:cb07::1', 443, 'https:', 'feeds.example.org'],
      ],
    );
  } finally {
    await fetcher.close();
  }
  if (guard) assert.deepEqual(guard.attempts, []);
});

test('DNS rebinding: the connection goes only to the address that was validated', { skip: SKIP_SSRF }, async () => {
  for (const pattern of loadTestPatterns().dns_rebinding) {
    const name = pattern.name.replace('<timestamp>', '1700000000');
    const answers = pattern.answers.map((a) => (Array.isArray(a) ? a : [a]));
    let call = 0;
    const spy = connectSpy();
    const fetcher = createFetcher({
      openSocket: spy.open,
      resolver: async (host) => {
        assert.equal(host, name);
        return answers[Math.min(call++, answers.length - 1)]!;
      },
    });
    try {
      const first = answers[0]!;
      const firstIsPublic = first.every((a) => a === '1.2.3.4' || a === '35.185.206.165');
      const err1 = await refusal(fetcher.fetch(`http://${name}/`));
      if (firstIsPublic) {
        // Validated public answer: the (spied, failing) connect goes exactly there.
        assert.equal(err1.code, 'network', pattern.why);
        assert.deepEqual(spy.attempts.map((a) => a.hostname), first);
        // The next connection resolves again and gets the private answer: refused, nothing connected.
        const err2 = await refusal(fetcher.fetch(`http://${name}/`));
        assert.equal(err2.code, 'address-refused', pattern.why);
        assert.equal(err2.rule, 'resolved-ip');
        assert.equal(spy.attempts.length, first.length);
      } else {
        // One answer mixing public and private: refused as a whole, before any connect.
        assert.equal(err1.code, 'address-refused', pattern.why);
        assert.equal(spy.attempts.length, 0);
      }
      for (const a of spy.attempts) assert.ok(a.hostname === '1.2.3.4' || a.hostname === '35.185.206.165', a.hostname);
      assert.equal(call, firstIsPublic ? 2 : 1, 'one resolution per connection');
    } finally {
      await fetcher.close();
    }
  }
  if (guard) assert.deepEqual(guard.attempts, []);
});

test('resolver failures and empty answers are "dns" errors', async () => {
  const spy = connectSpy();
  const fetcher = createFetcher({
    openSocket: spy.open,
    resolver: async (h) => {
      if (h === 'empty.example') return [];
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    },
  });
  try {
    const a = await refusal(fetcher.fetch('http://nowhere.example/'));
    assert.equal(a.code, 'dns');
    assert.match(a.message, /nowhere\.example did not resolve \(ENOTFOUND\)/);
    const b = await refusal(fetcher.fetch('http://empty.example/'));
    assert.equal(b.code, 'dns');
    assert.equal(spy.attempts.length, 0);
  } finally {
    await fetcher.close();
  }
});

test('the connector re-checks IP literals and names itself (undici lookup hooks never see literals)', async () => {
  const spy = connectSpy();
  const connect = createGuardedConnector({
    resolver: async () => ['127.0.0.1'],
    allow: new Set(),
    resolveTimeoutMs: 1000,
    openSocket: spy.open,
  });
  const run = (hostname: string, protocol = 'http:') =>
    new Promise<Error | null>((resolve) => connect({ hostname, protocol, port: '' }, (...args) => resolve(args[0])));
  for (const host of ['127.0.0.1', '::1', '::ffff:7f00:1', '169.254.169.254', '0.0.0.0', 'localhost', 'intranet', 'public.example']) {
    const err = await run(host);
    assert.ok(err instanceof ConnectRefusedError, host);
  }
  assert.equal(spy.attempts.length, 0);
});

test('the TCP guard itself records and blocks connects', async () => {
  if (!guard) return;
  const before = guard.attempts.length;
  const err = await new Promise<Error>((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port: 9 });
    s.on('error', resolve);
    s.on('connect', () => resolve(new Error('connected')));
  });
  assert.equal((err as { code?: string }).code, 'ECONNREFUSED');
  assert.deepEqual(guard.attempts.slice(before), ['127.0.0.1:9']);
  guard.attempts.splice(before);
});

test('defence in depth: the connector alone refuses every corpus host refused for its address or name', { skip: SKIP_SSRF }, async () => {
  const entries = loadSsrfUrls();
  const table: Record<string, string[]> = {};
  for (const e of entries) Object.assign(table, e.mock_dns ?? {});
  const { resolver } = tableResolver(table, ['1.2.3.4']);
  const spy = connectSpy();
  const connect = createGuardedConnector({ resolver, allow: new Set(), resolveTimeoutMs: 1000, openSocket: spy.open });
  let checked = 0;
  for (const e of entries) {
    if (!e.refused_by.some((r) => r === 'ip-literal' || r === 'hostname' || r === 'resolved-ip')) continue;
    let url: URL;
    try {
      url = new URL(e.url);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    // What undici hands the connector: the hostname without IPv6 brackets.
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    const err = await new Promise<Error | null>((resolve) =>
      connect({ hostname, protocol: url.protocol, port: url.port }, (...args) => resolve(args[0])),
    );
    assert.ok(err instanceof ConnectRefusedError, `${e.id} ${e.url} passed the connector`);
    checked++;
  }
  assert.ok(checked >= 110, `only ${checked} entries checked`);
  assert.equal(spy.attempts.length, 0);
});
