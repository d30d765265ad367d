import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AutosaveTimer, type Clock } from './autosave.ts';

/** A clock whose time moves only when the test says so. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let serial = 0;
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => (timers.push({ at: now + ms, fn, id: ++serial }), serial),
    clearTimeout: (id) => void (timers = timers.filter((t) => t.id !== id)),
  };
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      timers = timers.filter((t) => t !== next);
      now = next.at;
      next.fn();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    }
    now = end;
  };
  return { clock, advance };
}

test('changes are saved at most once per interval, the first soon after the first change', async () => {
  const { clock, advance } = fakeClock();
  const saves: number[] = [];
  const timer = new AutosaveTimer(async () => (saves.push(clock.now()), true), clock, 10_000, 2000);
  timer.changed();
  await advance(1999);
  assert.deepEqual(saves, []);
  await advance(1);
  assert.deepEqual(saves, [2000]);
  for (let i = 0; i < 30; i++) {
    timer.changed();
    await advance(500);
  }
  assert.deepEqual(saves, [2000, 12000]);
  await advance(20_000);
  assert.deepEqual(saves, [2000, 12000, 22000], 'the changes after the second save went in the third; then nothing');
  assert.equal(timer.pending, false);
});

test('nothing is saved without a change; a failed save keeps the changes for the next try', async () => {
  const { clock, advance } = fakeClock();
  let answer = false;
  const saves: number[] = [];
  const timer = new AutosaveTimer(async () => (saves.push(clock.now()), answer), clock, 10_000, 2000);
  await advance(60_000);
  assert.deepEqual(saves, []);
  timer.changed();
  await advance(2000);
  assert.equal(timer.pending, true);
  answer = true;
  await advance(10_000);
  assert.equal(saves.length, 2);
  assert.equal(timer.pending, false);
});

test('leaving the page saves pending changes at once, marked as leaving; an explicit save resets the wait', async () => {
  const { clock, advance } = fakeClock();
  const calls: boolean[] = [];
  const timer = new AutosaveTimer(async (leaving) => (calls.push(leaving), true), clock, 10_000, 2000);
  timer.leave();
  assert.deepEqual(calls, [], 'nothing pending, nothing sent');
  timer.changed();
  timer.leave();
  await advance(0);
  assert.deepEqual(calls, [true]);
  timer.changed();
  timer.saved();
  await advance(30_000);
  assert.deepEqual(calls, [true], 'the explicit save took the change');
  timer.changed();
  timer.stop();
  await advance(30_000);
  assert.deepEqual(calls, [true]);
});
