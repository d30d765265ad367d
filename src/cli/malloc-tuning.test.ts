import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MALLOC_SETTINGS, mallocEnvironment } from './malloc-tuning.ts';

const glibc = () => true;

test('serve and worker get the malloc settings on glibc, beside the environment they had', () => {
  for (const command of ['serve', 'worker']) {
    const env = mallocEnvironment(command, { PORT: '8080' }, glibc);
    assert.deepEqual(env, { PORT: '8080', ...MALLOC_SETTINGS });
  }
  assert.equal(MALLOC_SETTINGS.MALLOC_ARENA_MAX, '2');
});

test('short commands, other C libraries, an opt-out or an operator\'s own malloc setting keep the process as started', () => {
  let asked = 0;
  const counting = () => (asked++, true);
  assert.equal(mallocEnvironment('import', {}, counting), null);
  assert.equal(mallocEnvironment(undefined, {}, counting), null);
  assert.equal(mallocEnvironment('serve', { RELAIS_MALLOC: 'system' }, counting), null);
  assert.equal(mallocEnvironment('serve', { MALLOC_ARENA_MAX: '4' }, counting), null);
  assert.equal(mallocEnvironment('worker', { GLIBC_TUNABLES: 'glibc.malloc.arena_max=1' }, counting), null);
  assert.equal(asked, 0, 'the C library is only looked at when it matters');
  assert.equal(mallocEnvironment('serve', {}, () => false), null);
});
