import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { hmacSha256 } from './hmac.ts';

test('hmacSha256 gives the bytes of createHmac for short, 64-byte and long keys and any text', () => {
  for (const size of [0, 1, 32, 64, 65, 200]) {
    const key = randomBytes(size);
    const mac = hmacSha256(key);
    for (const data of ['', 'pixel\x00127.0.0.1\x00Mozilla/5.0', 'é€𝄞'.repeat(100)]) {
      assert.deepEqual(mac(data), createHmac('sha256', key).update(data).digest(), `key ${size} bytes`);
    }
  }
});
