import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCopyToken, parseCopyToken } from './token.ts';

test('reads the article id from a well-formed token, like the seed’s', () => {
  assert.deepEqual(parseCopyToken('BdcYKAD1mC1G6xXA.99'), { articleId: 9 * 36 + 9 });
  assert.deepEqual(parseCopyToken('0000000000000000.1'), { articleId: 1 });
  assert.equal(formatCopyToken('BdcYKAD1mC1G6xXA', 333), 'BdcYKAD1mC1G6xXA.99');
  assert.deepEqual(parseCopyToken(formatCopyToken('abcdefghijklmnop', 123456789)), { articleId: 123456789 });
});

test('refuses tokens of any other shape', () => {
  for (const t of [
    'BdcYKAD1mC1G6xXA',
    'BdcYKAD1mC1G6xX.99',
    'BdcYKAD1mC1G6xXAA.99',
    'BdcYKAD1mC1G6xXA.',
    'BdcYKAD1mC1G6xXA.0',
    'BdcYKAD1mC1G6xXA.09',
    'BdcYKAD1mC1G6xXA.9Z',
    'BdcYKAD1mC1G6xXA.-1',
    'BdcYKAD1mC1G6x-A.99',
    'BdcYKAD1mC1G6xXA.99 ',
    'BdcYKAD1mC1G6xXA.99\n',
    'BdcYKAD1mC1G6xXA.zzzzzzzzzzzz',
    '',
  ])
    assert.equal(parseCopyToken(t), null, JSON.stringify(t));
  for (const v of [undefined, null, 99, {}]) assert.equal(parseCopyToken(v), null);
});

test('signed tokens: made and verified with the secret; any other signature, secret or id is refused', async () => {
  const { makeCopyToken, verifyCopyToken, signCopyToken } = await import('./token.ts');
  const secret = Buffer.alloc(32, 7);
  const t = makeCopyToken(secret, 333);
  assert.deepEqual(verifyCopyToken(secret, t), { articleId: 333 });
  assert.deepEqual(parseCopyToken(t.slice(0, t.lastIndexOf('.'))), { articleId: 333 }, 'the unsigned part still parses');
  assert.equal(verifyCopyToken(Buffer.alloc(32, 8), t), null);
  assert.equal(verifyCopyToken(secret, t.slice(0, t.lastIndexOf('.'))), null);
  assert.equal(verifyCopyToken(secret, `${t.slice(0, 16)}.9a.${t.slice(-16)}`), null);
  assert.equal(verifyCopyToken(secret, signCopyToken(Buffer.alloc(32, 9), 'BdcYKAD1mC1G6xXA.99')), null);
  assert.equal(verifyCopyToken(secret, 42), null);
});
