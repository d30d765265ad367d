import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentile, secondHalf, slope, windowMinima } from './stats.ts';

test('percentile takes the nearest rank, whatever the order of the values', () => {
  const values = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100];
  assert.equal(percentile(values, 0.5), 50);
  assert.equal(percentile(values, 0.99), 100);
  assert.equal(percentile(values, 0.1), 10);
  assert.equal(percentile(values, 0), 10);
  assert.equal(percentile([7], 0.99), 7);
  assert.ok(Number.isNaN(percentile([], 0.5)));
  assert.deepEqual(values.slice(0, 2), [50, 10], 'the input is left as it was');
});

test('slope is the least-squares fit, robust to noise around a line', () => {
  assert.equal(slope([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }]), 2);
  const noisy = Array.from({ length: 101 }, (_, i) => ({ x: i, y: 100 - 0.5 * i + (i % 2 ? 3 : -3) }));
  assert.ok(Math.abs(slope(noisy) + 0.5) < 0.01, String(slope(noisy)));
  assert.ok(Number.isNaN(slope([{ x: 1, y: 2 }])));
  assert.ok(Number.isNaN(slope([{ x: 1, y: 2 }, { x: 1, y: 5 }])));
});

test('secondHalf keeps the points from the middle of the time span on', () => {
  const pts = [0, 10, 20, 30, 40, 50, 60].map((x) => ({ x, y: x }));
  assert.deepEqual(secondHalf(pts).map((p) => p.x), [30, 40, 50, 60]);
  assert.deepEqual(secondHalf([]), []);
});

test('windowMinima keeps the lowest point of each window', () => {
  // A sawtooth rising by 1 per window: the floors rise by 1, the peaks' noise is gone.
  const saw = Array.from({ length: 40 }, (_, i) => ({ x: i, y: Math.floor(i / 10) + (i % 10) * 5 }));
  assert.deepEqual(windowMinima(saw, 10), [{ x: 0, y: 0 }, { x: 10, y: 1 }, { x: 20, y: 2 }, { x: 30, y: 3 }]);
  assert.equal(slope(windowMinima(saw, 10)), 0.1);
});
