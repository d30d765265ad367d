import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oneAtATime } from './one-at-a-time.ts';

test('work runs one piece at a time, in order, and a failure does not stop the next', async () => {
  const serial = oneAtATime();
  const log: string[] = [];
  let release!: () => void;
  const first = serial(() => new Promise<string>((r) => (release = () => (log.push('first done'), r('a')))));
  const second = serial(async () => {
    log.push('second starts');
    throw new Error('refused');
  });
  const third = serial(async () => (log.push('third starts'), 'c'));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  assert.deepEqual(log, [], 'nothing after the first starts while it runs');
  release();
  assert.equal(await first, 'a');
  await assert.rejects(second, /refused/);
  assert.equal(await third, 'c');
  assert.deepEqual(log, ['first done', 'second starts', 'third starts']);
});
