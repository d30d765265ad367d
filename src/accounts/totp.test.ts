import test from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode, checkTotp, hotp } from './totp.ts';
import { addressKey } from './rate-limit.ts';

// RFC 6238 appendix B, SHA-1, secret "12345678901234567890", 8 digits truncated to the last 6.
const SECRET = base32Encode(Buffer.from('12345678901234567890'));
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
];

test('TOTP codes match RFC 6238 test vectors', () => {
  for (const [t, code] of VECTORS) assert.equal(hotp(base32Decode(SECRET), Math.floor(t / 30), 8), code);
});

test('checkTotp accepts the current step and one either side, nothing else', () => {
  const at = new Date(1234567890_000);
  const code = (s: number) => hotp(base32Decode(SECRET), Math.floor(1234567890 / 30) + s);
  assert.ok(checkTotp(SECRET, code(0), at));
  assert.ok(checkTotp(SECRET, code(-1), at));
  assert.ok(checkTotp(SECRET, code(1), at));
  assert.ok(!checkTotp(SECRET, code(2), at));
  assert.ok(!checkTotp(SECRET, 'abcdef', at));
});

test('base32 round-trips', () => {
  const b = Buffer.from([0, 1, 2, 250, 251, 252, 253]);
  assert.deepEqual(base32Decode(base32Encode(b)), b);
});

test('sign-in budgets group IPv6 by /64 and IPv4 by address', () => {
  assert.equal(addressKey('2001:db8:1:2:aaaa::1'), addressKey('2001:db8:1:2:ffff:1:2:3'));
  assert.notEqual(addressKey('2001:db8:1:2::1'), addressKey('2001:db8:1:3::1'));
  assert.equal(addressKey('::ffff:192.0.2.1'), 'ip:192.0.2.1');
});
