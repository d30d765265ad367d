import test from 'node:test';
import assert from 'node:assert/strict';
import { argon2Sync, randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword, checkNewPassword, PASSWORD_PARAMS } from './passwords.ts';

test('passwords are argon2id PHC strings with the OWASP parameters, and verify', async () => {
  const phc = await hashPassword('a long enough password');
  assert.match(phc, /^\$argon2id\$v=19\$m=47104,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  assert.deepEqual(await verifyPassword('a long enough password', phc), { ok: true, rehash: false });
  assert.equal((await verifyPassword('a long enough passwore', phc)).ok, false);
  assert.notEqual(await hashPassword('a long enough password'), phc, 'a new salt each time');
});

test('a hash made with older parameters verifies and asks to be re-hashed', async () => {
  const salt = randomBytes(16);
  const tag = argon2Sync('argon2id', { message: Buffer.from('old parameters here'), nonce: salt, memory: 8192, passes: 1, parallelism: 1, tagLength: 32 });
  const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
  const old = `$argon2id$v=19$m=8192,t=1,p=1$${b64(salt)}$${b64(tag)}`;
  assert.deepEqual(await verifyPassword('old parameters here', old), { ok: true, rehash: true });
});

test('malformed stored hashes never verify; short passwords are refused with a reason', async () => {
  assert.equal((await verifyPassword('x', 'plain')).ok, false);
  assert.throws(() => checkNewPassword('short'), /at least 12 characters/);
});

test('the hash needs more than 32 MiB, so glibc maps and unmaps it without raising its mmap and trim thresholds', () => {
  // Below 32 MiB, freeing the block would leave every malloc arena holding freed memory (README, memory note).
  assert.ok(PASSWORD_PARAMS.memory * 1024 > 32 * 1024 * 1024, `m=${PASSWORD_PARAMS.memory} KiB`);
});
