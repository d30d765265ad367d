import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLL_POLICY, firstCheckAt, isGoneError, nextCheckAt, planAfterPoll, type FeedPollState, type PollResult } from './policy.ts';

const NOW = new Date('2026-05-01T10:00:00.000Z');
const mid = () => 0.5; // no jitter either way
const healthy: FeedPollState = { errorCount: 0, etag: '"old"', lastModified: 'Wed, 01 Apr 2026 00:00:00 GMT', bodyHash: 'h0', lastStatus: 200 };
const P = { ...DEFAULT_POLL_POLICY, defaultIntervalSeconds: 1800, minIntervalSeconds: 300, maxCacheIntervalSeconds: 21600, errorBaseSeconds: 600, maxBackoffSeconds: 86400 };
const secs = (d: Date) => (d.getTime() - NOW.getTime()) / 1000;

const ok = (headers: Record<string, string> = {}, extra: Partial<Extract<PollResult, { kind: 'ok' }>> = {}): PollResult => ({ kind: 'ok', status: 200, headers, ...extra });
const http = (status: number, headers: Record<string, string> = {}): PollResult => ({ kind: 'http-error', status, headers, message: `HTTP ${status}` });

test('a healthy feed is polled at the default interval, with jitter both ways', () => {
  assert.equal(secs(nextCheckAt(ok(), healthy, NOW, P, mid)), 1800);
  assert.equal(secs(nextCheckAt(ok(), healthy, NOW, P, () => 0)), 1620);
  assert.equal(secs(nextCheckAt(ok(), healthy, NOW, P, () => 1)), 1980);
});

test('Cache-Control max-age and Expires lengthen the interval, capped; they never shorten it', () => {
  assert.equal(secs(nextCheckAt(ok({ 'cache-control': 'max-age=7200' }), healthy, NOW, P, mid)), 7200);
  assert.equal(secs(nextCheckAt(ok({ 'cache-control': 'public, max-age=604800' }), healthy, NOW, P, mid)), 21600, 'capped');
  assert.equal(secs(nextCheckAt(ok({ 'cache-control': 'max-age=60' }), healthy, NOW, P, mid)), 1800, 'a minimum, not a rate');
  assert.equal(secs(nextCheckAt(ok({ 'cache-control': 'no-cache, max-age=9999' }), healthy, NOW, P, mid)), 1800);
  const expires = new Date(NOW.getTime() + 3 * 3600_000).toUTCString();
  assert.equal(secs(nextCheckAt(ok({ expires, date: NOW.toUTCString() }), healthy, NOW, P, mid)), 10800);
  assert.equal(secs(nextCheckAt({ kind: 'not-modified', headers: { 'cache-control': 'max-age=3600' } }, healthy, NOW, P, mid)), 3600);
  assert.equal(secs(nextCheckAt(ok(), healthy, NOW, { ...P, defaultIntervalSeconds: 10 }, mid)), 300, 'never below the minimum');
});

test('validators: a 200 replaces them, a 304 keeps the old ones unless it sends new ones', () => {
  const p200 = planAfterPoll(ok({}, { etag: '"new"', lastModified: null, bodyHash: 'h1' }), healthy, NOW, P, mid);
  assert.deepEqual([p200.etag, p200.lastModified, p200.bodyHash, p200.lastStatus, p200.success], ['"new"', null, 'h1', 200, true]);
  const p304 = planAfterPoll({ kind: 'not-modified', headers: {}, etag: null }, healthy, NOW, P, mid);
  assert.deepEqual([p304.etag, p304.lastModified, p304.bodyHash, p304.lastStatus], ['"old"', healthy.lastModified, 'h0', 304]);
  const p304b = planAfterPoll({ kind: 'not-modified', headers: {}, etag: '"v2"' }, healthy, NOW, P, mid);
  assert.equal(p304b.etag, '"v2"');
});

test('success clears the error state', () => {
  const p = planAfterPoll(ok(), { ...healthy, errorCount: 7 }, NOW, P, mid);
  assert.deepEqual([p.errorCount, p.backoffSeconds, p.lastError, p.pause], [0, 0, null, null]);
});

test('5xx, 429 and network errors back off exponentially with jitter, capped', () => {
  const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) =>
    planAfterPoll(http(503), { ...healthy, errorCount: n - 1 }, NOW, P, () => 0).delaySeconds,
  );
  assert.deepEqual(delays, [600, 1200, 2400, 4800, 9600, 19200, 38400, 76800, 86400, 86400]);
  const jittered = planAfterPoll(http(500), { ...healthy, errorCount: 2 }, NOW, P, () => 1);
  assert.equal(jittered.delaySeconds, 1200, 'jitter shortens by up to half');
  const net = planAfterPoll({ kind: 'fetch-error', code: 'timeout', message: 'no answer in 30000 ms' }, healthy, NOW, P, () => 0);
  assert.deepEqual([net.errorCount, net.lastStatus, net.lastError, net.delaySeconds], [1, null, 'timeout: no answer in 30000 ms', 600]);
  assert.equal(net.etag, '"old"', 'validators kept across transient errors');
});

test('Retry-After (seconds or date) is honoured when longer than the backoff, and capped', () => {
  assert.equal(planAfterPoll(http(429, { 'retry-after': '7200' }), healthy, NOW, P, () => 0).delaySeconds, 7200);
  assert.equal(planAfterPoll(http(429, { 'retry-after': '5' }), healthy, NOW, P, () => 0).delaySeconds, 600);
  const date = new Date(NOW.getTime() + 5 * 3600_000).toUTCString();
  assert.equal(planAfterPoll(http(503, { 'retry-after': date }), healthy, NOW, P, () => 0).delaySeconds, 18000);
  assert.equal(planAfterPoll(http(429, { 'retry-after': '99999999' }), healthy, NOW, P, () => 0).delaySeconds, 86400);
  const p = planAfterPoll(http(429, { 'retry-after': '7200' }), healthy, NOW, P, () => 0);
  assert.equal(p.backoffSeconds, 7200);
  assert.equal(p.lastStatus, 429);
});

test('404 and 410 pause the feed after repeated failures (410 sooner); 5xx only after many', () => {
  let state = { ...healthy };
  const pauses: Array<string | null> = [];
  for (let i = 0; i < 5; i++) {
    const p = planAfterPoll(http(404), state, NOW, P, mid);
    pauses.push(p.pause);
    state = { ...state, errorCount: p.errorCount };
  }
  assert.deepEqual(pauses.map((x) => x !== null), [false, false, false, false, true]);
  assert.match(pauses[4]!, /HTTP 404 \(5 consecutive failures\)/);
  assert.equal(planAfterPoll(http(410), { ...healthy, errorCount: 1 }, NOW, P, mid).pause, null);
  assert.notEqual(planAfterPoll(http(410), { ...healthy, errorCount: 2 }, NOW, P, mid).pause, null);
  assert.equal(planAfterPoll(http(503), { ...healthy, errorCount: 10 }, NOW, P, mid).pause, null);
  assert.notEqual(planAfterPoll(http(503), { ...healthy, errorCount: 29 }, NOW, P, mid).pause, null);
  assert.equal(isGoneError({ kind: 'fetch-error', code: 'address-refused', message: '' }), true);
  assert.equal(isGoneError(http(429)), false);
});

test('a broken feed counts as an error and forgets its validators so it is fetched whole next time', () => {
  const p = planAfterPoll({ kind: 'parse-error', status: 200, headers: {}, message: 'not a usable feed' }, healthy, NOW, P, () => 0);
  assert.deepEqual([p.errorCount, p.etag, p.lastModified, p.bodyHash, p.lastStatus, p.success], [1, null, null, null, 200, false]);
});

test('a permanent redirect carries the new URL', () => {
  assert.equal(planAfterPoll(ok({}, { permanentRedirect: 'https://new.example.com/feed' }), healthy, NOW, P, mid).newUrl, 'https://new.example.com/feed');
  assert.equal(planAfterPoll(ok(), healthy, NOW, P, mid).newUrl, null);
});

test('first checks are spread over the window', () => {
  assert.equal(firstCheckAt(NOW, 600, () => 0).getTime(), NOW.getTime());
  assert.equal(firstCheckAt(NOW, 600, () => 0.5).getTime(), NOW.getTime() + 300_000);
});
