import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readerNetwork } from './network-prefix.ts';

test('an IPv4 address is its own network, mapped IPv6 included', () => {
  assert.equal(readerNetwork('198.51.100.7'), '198.51.100.7');
  assert.equal(readerNetwork('::ffff:198.51.100.7'), '198.51.100.7');
});

test('IPv6 addresses are cut to their /64, however they are written', () => {
  const a = readerNetwork('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
  assert.equal(a, '2001:db8:1:2::/64');
  assert.equal(readerNetwork('2001:0db8:0001:0002::1'), a);
  assert.equal(readerNetwork('2001:DB8:1:2::ffff%eth0'), a);
  assert.notEqual(readerNetwork('2001:db8:1:3::1'), a);
  assert.equal(readerNetwork('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(readerNetwork('::1'), '0:0:0:0::/64');
  assert.equal(readerNetwork('64:ff9b::192.0.2.1'), '64:ff9b:0:0::/64');
});
