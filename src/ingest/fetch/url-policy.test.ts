import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validatedAddresses } from './connector.ts';
import { ConnectRefusedError } from './errors.ts';
import { nonPublicReason } from './ip.ts';
import { checkUrl, normaliseAllowEntry } from './url-policy.ts';
import { loadSsrfUrls, SKIP_SSRF } from './testing.ts';

test('every urls.json entry is refused, for a reason listed in refused_by', { skip: SKIP_SSRF }, async () => {
  const entries = loadSsrfUrls();
  assert.equal(entries.length, 158);
  const byRule = new Map<string, number>();
  for (const e of entries) {
    const check = checkUrl(e.url);
    let rule: string;
    if (check.ok) {
      // Only DNS can refuse it: resolve through the corpus's mock_dns, as the connector does.
      assert.ok(e.mock_dns, `${e.id} ${e.url} passed the syntactic rules and has no mock_dns`);
      const table = new Map(Object.entries(e.mock_dns).map(([k, v]) => [k.replace(/\.$/, ''), v]));
      const err = await validatedAddresses(check.host, check.port, {
        resolver: async (h) => table.get(h) ?? ['1.2.3.4'],
        allow: new Set(),
        resolveTimeoutMs: 1000,
      }).then(() => null, (x: unknown) => x);
      assert.ok(err instanceof ConnectRefusedError, `${e.id} ${e.url} was not refused after resolution`);
      assert.equal(err.code, 'address-refused');
      rule = err.rule;
    } else {
      rule = check.rule;
      assert.ok(check.reason.length > 0);
    }
    assert.ok(e.refused_by.includes(rule), `${e.id} ${JSON.stringify(e.url)} refused by ${rule}, corpus says ${e.refused_by.join('/')}`);
    if (e.needs_dns) assert.equal(rule, 'resolved-ip', e.id);
    byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }
  assert.equal(byRule.get('resolved-ip'), 6);
});

test('public URLs pass the syntactic rules', () => {
  for (const u of [
    'http://example.com/',
    'https://news.example.org:8443/feed.xml?x=1#top',
    'http://1.2.3.4/',
    'https://[2606:4700:4700::1111]/',
    'http://xn--mnchen-3ya.de/',
    'http://münchen.de/',
    'http://example.com./path',
  ]) {
    const r = checkUrl(u);
    assert.ok(r.ok, `${u}: ${!r.ok && r.reason}`);
  }
  const r = checkUrl('https://[2606:4700:4700::1111]:8443/');
  assert.ok(r.ok);
  assert.equal(r.ip, '2606:4700:4700::1111');
  assert.equal(r.port, 8443);
});

test('reasons are specific', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['http://0x7f.1/', 'ip-literal', /127\.0\.0\.1 is loopback/],
    ['http://[::ffff:169.254.169.254]/', 'ip-literal', /IPv4-mapped.*169\.254\.169\.254/],
    ['http://[::127.0.0.1]/', 'ip-literal', /IPv4-compatible.*127\.0\.0\.1/],
    ['http://169.254.169.254/latest/', 'ip-literal', /cloud metadata/],
    ['http://100.100.100.200/', 'ip-literal', /cloud metadata/],
    ['http://metadata.google.internal/', 'hostname', /internal/],
    ['http://printer.local/', 'hostname', /local/],
    ['http://router.home.arpa/', 'hostname', /home\.arpa/],
    ['http://intranet/', 'hostname', /dotless/],
    ['http://a\\b.example.com/', 'raw-chars', /backslash/],
    ['http://example.com/\u00a0', 'raw-chars', /U\+00A0/],
    ['ftp://example.com/', 'scheme', /"ftp"/],
    ['http://u@example.com/', 'userinfo', /user name/],
  ];
  for (const [url, rule, reason] of cases) {
    const r = checkUrl(url);
    assert.ok(!r.ok, url);
    assert.equal(r.rule, rule, url);
    assert.match(r.reason, reason, url);
  }
  assert.equal(checkUrl(`http://example.com/${'a'.repeat(9000)}`).ok, false);
});

test('allowlist exempts exactly one address (and port)', () => {
  const allow = new Set(['127.0.0.3:8080', '::1'].map(normaliseAllowEntry));
  assert.ok(checkUrl('http://127.0.0.3:8080/', { allow }).ok);
  assert.equal(checkUrl('http://127.0.0.3:8081/', { allow }).ok, false);
  assert.equal(checkUrl('http://127.0.0.1:8080/', { allow }).ok, false);
  assert.ok(checkUrl('http://[0:0::1]:9/', { allow }).ok);
  assert.equal(normaliseAllowEntry('[0:0::1]:80'), '::1:80');
  assert.throws(() => normaliseAllowEntry('localhost:80'), TypeError);
  assert.throws(() => normaliseAllowEntry('127.0.0.0/8'), TypeError);
  // Host-name rules are never bypassed by an address allowlist.
  assert.equal(checkUrl('http://localhost:8080/', { allow: new Set(['127.0.0.1:8080']) }).ok, false);
});

test('allowPorts restricts ports', () => {
  assert.ok(checkUrl('https://example.com/', { allowPorts: [80, 443] }).ok);
  const r = checkUrl('http://example.com:6379/', { allowPorts: [80, 443] });
  assert.ok(!r.ok && r.rule === 'port');
});

test('address classification', () => {
  const refused = [
    '0.0.0.0', '10.1.2.3', '100.64.0.1', '100.127.255.255', '127.0.0.1', '169.254.1.1', '172.16.0.1', '172.31.1.1',
    '192.0.0.8', '192.0.2.1', '192.88.99.1', '192.168.1.1', '198.18.0.1', '198.19.255.255', '198.51.100.1',
    '203.0.113.9', '224.0.0.1', '239.255.255.250', '240.0.0.1', '255.255.255.255',
    '::', '::1', '::ffff:1.2.3.4', '::ffff:0:7f00:1', '::7f00:1', '64:ff9b::1.2.3.4', '64:ff9b:1::1', '100::1',
    'fc00::1', 'fd00:ec2::254', 'fe80::1', 'fec0::1', 'ff02::1', '2001::1', '2001:db8::1', '2001:10::1', '2002:7f00:1::',
    '3fff::1', '4000::1', 'fe80::1%eth0', 'localhost', '01.2.3.4', '',
  ];
  for (const a of refused) assert.notEqual(nonPublicReason(a), null, a);
  const allowed = ['1.2.3.4', '8.8.8.8', '100.63.255.255', '100.128.0.1', '172.32.0.1', '192.0.1.1', '198.20.0.1', '223.255.255.255', '2606:4700::1111', '2a00:1450::1', '2001:4860::8888', '[2606:4700::1]'];
  for (const a of allowed) assert.equal(nonPublicReason(a), null, a);
});
