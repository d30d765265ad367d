import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMastodonInstance } from './instance.ts';

test('accepts bare hostnames, normalised', () => {
  assert.equal(parseMastodonInstance('mastodon.social'), 'mastodon.social');
  assert.equal(parseMastodonInstance('  Mastodon.Social  '), 'mastodon.social');
  assert.equal(parseMastodonInstance('mastodon.social.'), 'mastodon.social');
  assert.equal(parseMastodonInstance('social.sub-domain.example.org'), 'social.sub-domain.example.org');
  assert.equal(parseMastodonInstance('xn--mstdn-rta.example'), 'xn--mstdn-rta.example');
  assert.equal(parseMastodonInstance('mästodon.example'), 'xn--mstodon-5wa.example');
  assert.equal(parseMastodonInstance('toot.xn--p1ai'), 'toot.xn--p1ai');
  assert.equal(parseMastodonInstance('9.example.com'), '9.example.com');
  // Surrounding whitespace (a pasted line) is trimmed: what remains must still be a bare hostname.
  assert.equal(parseMastodonInstance('\tmastodon.social\r\n'), 'mastodon.social');
});

test('refuses anything that is not a bare hostname', () => {
  const hostile = [
    'evil.com/@x',
    'javascript:',
    'javascript:alert(1)',
    'https://mastodon.social',
    '//evil.com',
    'mastodon.social/',
    'mastodon.social?x=1',
    'mastodon.social#x',
    'a@b',
    'user@evil.com',
    'mastodon.social@evil.com',
    'mastodon.social:443',
    'mastodon.social:evil.com',
    '127.0.0.1',
    '10.0.0.1',
    '0x7f.0.0.1',
    '2130706433',
    '[::1]',
    '::1',
    'fe80::1%eth0',
    'localhost',
    'foo.localhost',
    'evil.com\\@x',
    'evil.com%2f@x',
    'evil .com',
    'evil.com\r\nLocation: x',
    'evil.com\u0000',
    'evil.com／@x',
    'evil.com＠x',
    'ev"il.com',
    "ev'il.com",
    'ev<il>.com',
    '-evil.com',
    'evil-.com',
    'evil..com',
    '.evil.com',
    'evil_1.com',
    'a'.repeat(64) + '.com',
    ('a'.repeat(60) + '.').repeat(5) + 'com',
    'com',
    '',
    '   ',
    '.',
  ];
  for (const h of hostile) assert.equal(parseMastodonInstance(h), null, JSON.stringify(h));
  for (const v of [undefined, null, 42, ['mastodon.social'], { host: 'x.y' }]) assert.equal(parseMastodonInstance(v), null);
});
