import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRateLimiter, createSeenSet } from './limiter.ts';
import { createReaderHasher } from './reader.ts';

test('rate limiter: a budget per key per window', () => {
  let t = 0;
  const now = () => new Date(t);
  const rl = createRateLimiter({ limit: 2, windowMs: 1000, now });
  assert.equal(rl.take('a'), true);
  assert.equal(rl.take('a'), true);
  assert.equal(rl.take('a'), false);
  assert.equal(rl.take('b'), true);
  t = 1000;
  assert.equal(rl.take('a'), true);
});

test('seen set: first time only, until the entry expires', () => {
  let t = 0;
  const seen = createSeenSet({ ttlMs: 1000, now: () => new Date(t) });
  assert.equal(seen.firstTime('x'), true);
  assert.equal(seen.firstTime('x'), false);
  t = 1000;
  seen.prune();
  assert.equal(seen.firstTime('x'), true);
});

test('reader digest: stable within a day, unlinkable across days, never the raw input', () => {
  let now = new Date('2026-03-01T10:00:00Z');
  const hash = createReaderHasher(() => now);
  const a = hash('share', '203.0.113.9', 'Firefox');
  assert.equal(hash('share', '203.0.113.9', 'Firefox'), a);
  assert.notEqual(hash('share', '203.0.113.9', 'Chrome'), a);
  assert.notEqual(hash('share', '203.0.113.10', 'Firefox'), a);
  assert.doesNotMatch(a, /203|Firefox/);
  assert.match(a, /^[A-Za-z0-9_-]{22}$/);
  now = new Date('2026-03-02T00:00:01Z');
  assert.notEqual(hash('share', '203.0.113.9', 'Firefox'), a);
});
