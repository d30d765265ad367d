import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachePolicy, parseHttpDate } from './cache-policy.ts';

const NOW = Date.UTC(2025, 6, 1, 12, 0, 0); // Tue, 01 Jul 2025 12:00:00 GMT

test('max-age, minus Age; expiresAt from now', () => {
  const p = cachePolicy({ 'Cache-Control': 'public, max-age=600', age: '100' }, NOW);
  assert.equal(p.maxAgeSeconds, 500);
  assert.equal(p.expiresAt?.getTime(), NOW + 500_000);
  assert.equal(p.noStore, undefined);
  assert.equal(cachePolicy({ 'cache-control': 'max-age=60', age: '600' }, NOW).maxAgeSeconds, 0);
});

test('max-age outranks Expires; Expires is relative to the server Date', () => {
  const both = cachePolicy({ 'cache-control': 'max-age=60', expires: 'Tue, 01 Jul 2025 14:00:00 GMT' }, NOW);
  assert.equal(both.maxAgeSeconds, 60);
  // Server clock 1 h behind ours: lifetime is still Expires - Date = 30 min.
  const skew = cachePolicy({ date: 'Tue, 01 Jul 2025 11:00:00 GMT', expires: 'Tue, 01 Jul 2025 11:30:00 GMT' }, NOW);
  assert.equal(skew.maxAgeSeconds, 1800);
  const noDate = cachePolicy({ expires: 'Tue, 01 Jul 2025 12:10:00 GMT' }, new Date(NOW));
  assert.equal(noDate.maxAgeSeconds, 600);
  // Invalid or past Expires means already stale.
  assert.equal(cachePolicy({ expires: '0' }, NOW).maxAgeSeconds, 0);
  assert.equal(cachePolicy({ expires: '-1' }, NOW).maxAgeSeconds, 0);
  assert.equal(cachePolicy({ expires: 'Mon, 30 Jun 2025 12:00:00 GMT' }, NOW).maxAgeSeconds, 0);
});

test('no-store / no-cache', () => {
  const a = cachePolicy({ 'cache-control': 'no-store, max-age=600' }, NOW);
  assert.deepEqual([a.noStore, a.maxAgeSeconds], [true, 0]);
  const b = cachePolicy({ 'cache-control': 'No-Cache' }, NOW);
  assert.deepEqual([b.noCache, b.maxAgeSeconds, b.expiresAt?.getTime()], [true, 0, NOW]);
  assert.equal(cachePolicy({ 'cache-control': 'max-age=abc' }, NOW).maxAgeSeconds, 0);
});

test('nothing known: no fields', () => {
  assert.deepEqual(cachePolicy({}, NOW), {});
  assert.deepEqual(cachePolicy({ 'cache-control': 'private' }, NOW), {});
});

test('Retry-After in seconds or as an HTTP date', () => {
  assert.equal(cachePolicy({ 'retry-after': '120' }, NOW).retryAfterSeconds, 120);
  assert.equal(cachePolicy({ 'retry-after': 'Tue, 01 Jul 2025 12:05:00 GMT' }, NOW).retryAfterSeconds, 300);
  assert.equal(cachePolicy({ 'retry-after': 'Tue, 01 Jul 2025 11:00:00 GMT' }, NOW).retryAfterSeconds, 0);
  assert.equal(cachePolicy({ 'retry-after': 'soon' }, NOW).retryAfterSeconds, undefined);
  assert.equal(cachePolicy({ 'retry-after': '-5' }, NOW).retryAfterSeconds, undefined);
});

test('accepts Headers, arrays of values and entry lists', () => {
  const h = new Headers({ 'cache-control': 'max-age=30', 'retry-after': '5' });
  assert.deepEqual([cachePolicy(h, NOW).maxAgeSeconds, cachePolicy(h, NOW).retryAfterSeconds], [30, 5]);
  assert.equal(cachePolicy({ 'cache-control': ['public', 'max-age=45'] }, NOW).maxAgeSeconds, 45);
  assert.equal(cachePolicy([['Cache-Control', 'max-age=7']], NOW).maxAgeSeconds, 7);
});

test('HTTP date formats', () => {
  const t = Date.UTC(1994, 10, 6, 8, 49, 37);
  assert.equal(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')?.getTime(), t);
  assert.equal(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')?.getTime(), t);
  assert.equal(parseHttpDate('Sun Nov  6 08:49:37 1994')?.getTime(), t);
  assert.equal(parseHttpDate('12345'), undefined);
  assert.equal(parseHttpDate(undefined), undefined);
});
