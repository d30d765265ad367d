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
